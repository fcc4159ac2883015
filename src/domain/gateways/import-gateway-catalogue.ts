import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { purposeDefinitions, purposes } from '../policy/purposes.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, notFound, type FieldProblem } from '../shared/errors.ts';
import { PLATFORM_PARTNERSHIP_ID } from '../shared/ids.ts';
import { gatewaysOfVersion, latestVersion, lockCatalogue, writeCatalogueVersion } from './catalogue-store.ts';
import { citedGatewayProblems, type GatewayCitations } from './check-cited-gateways.ts';
import type { CatalogueVersion, Gateway } from './gateway.ts';
import { gatewayLimits } from './gateway.ts';
import { inspectZip, UnsafeZipError } from './inspect-zip.ts';
import { readGatewayWorkbook } from './read-gateway-workbook.ts';

export interface ImportGatewayCatalogueInput {
  /** The .xlsx file as uploaded. */
  readonly file: Uint8Array;
  /** Why the catalogue changed, kept with the version ("wording of s16H checked", ...). */
  readonly note?: string | undefined;
}

const DEFAULT_NOTE = 'Imported from a workbook';

export interface ImportGatewayCatalogueDeps extends Deps {
  /** Which gateways live agreements cite, in every partnership (agreements' findGatewayCitations). */
  readonly gatewayCitations: GatewayCitations;
}

/**
 * The catalogue is national law shared by every partnership on the platform, so no partnership's
 * user may replace it, whatever their role: only the platform itself, which is the operator at
 * the command line (`tessera gateways import`, a system actor of the platform's audit chain;
 * whoever can run it already holds the database). Anyone else is refused as "not found" and the
 * refusal is audited (DESIGN.md rule 2), in the actor's own chain.
 */
async function assertPlatform(deps: Deps, actor: Actor): Promise<void> {
  if (actor.kind === 'system' && actor.partnershipId === PLATFORM_PARTNERSHIP_ID) return;
  await appendAuditEvent(deps.db, {
    actor,
    action: 'access.denied',
    outcome: 'denied',
    details: { attempted: 'gateway_catalogue.import' },
  });
  throw notFound('The page');
}

/**
 * Replaces the catalogue with the gateways of a workbook, as a new version. Only the platform
 * may (assertPlatform). The file is checked as a zip before it is parsed, then every row is
 * checked, then that the purposes' statutes and every gateway a live agreement cites survive
 * with their kinds; if anything is wrong, nothing is written and every problem is reported by
 * line. The new version and its audit event are written in one transaction.
 */
export async function importGatewayCatalogue(
  deps: ImportGatewayCatalogueDeps,
  actor: Actor,
  input: ImportGatewayCatalogueInput,
): Promise<CatalogueVersion> {
  await assertPlatform(deps, actor);
  const note = input.note?.trim() || DEFAULT_NOTE;
  if (note.length > gatewayLimits.note)
    throw refused([{ field: 'note', problem: `The note must be ${gatewayLimits.note} characters or fewer` }]);
  if (input.file.byteLength > gatewayLimits.fileBytes)
    throw refused([{ field: 'file', problem: 'The file is larger than 5 MB' }]);
  try {
    await inspectZip(input.file);
  } catch (error) {
    if (error instanceof UnsafeZipError) throw refused([{ field: 'file', problem: error.message }]);
    throw error;
  }
  const { gateways, lines, problems } = await readGatewayWorkbook(input.file);
  if (problems.length === 0) problems.push(...purposeProblems(gateways, lines));
  if (problems.length > 0) throw refused(problems);

  return deps.db.transaction(async (tx) => {
    await lockCatalogue(tx);
    // Checked under the catalogue's lock: an agreement drafted meanwhile cites the version
    // current now, which this import then replaces only if it keeps what that agreement cites.
    const current = await latestVersion(tx);
    if (current) {
      const cited = citedGatewayProblems({
        current: await gatewaysOfVersion(tx, current.version),
        next: gateways,
        lines,
        citations: await deps.gatewayCitations(tx, deps.clock.now()),
      });
      if (cited.length > 0) throw refused(cited);
    }
    const written = await writeCatalogueVersion(tx, {
      createdBy: actor.kind === 'user' ? actor.userId : `system:${actor.process}`,
      note,
      gateways,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'gateway_catalogue.imported',
      outcome: 'success',
      details: { version: written.version, rowCount: written.rowCount, note },
      subject: { type: 'gateway_catalogue', id: String(written.version) },
    });
    return written;
  });
}

function refused(fields: FieldProblem[]): DomainError {
  return new DomainError('validation_failed', 'The catalogue was not imported. Correct the problems listed', {
    fields,
  });
}

/**
 * Purposes name the statute they serve (policy/purposes.ts): a new catalogue must keep each of
 * those gateways, as a statutory duty or power, or purposes would cite law that is not there.
 */
function purposeProblems(gateways: readonly Gateway[], lines: readonly number[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const purpose of purposes) {
    const { statutoryGateway: id, label } = purposeDefinitions[purpose];
    if (id === null || seen.has(id)) continue;
    seen.add(id);
    const at = gateways.findIndex((g) => g.id === id);
    if (at < 0) {
      problems.push({
        field: 'rows',
        problem: `The catalogue must keep ${id}: the purpose “${label}” relies on it`,
      });
    } else if (gateways[at]!.kind !== 'statute_duty' && gateways[at]!.kind !== 'statute_power') {
      const line = lines[at]!;
      problems.push({
        field: `rows.${line}.kind`,
        problem: `Row ${line}: ${id} must be a statutory duty or power: the purpose “${label}” relies on it`,
      });
    }
  }
  return problems;
}
