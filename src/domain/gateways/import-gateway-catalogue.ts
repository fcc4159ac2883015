import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorise } from '../partnership/authorise.ts';
import { purposeDefinitions, purposes } from '../policy/purposes.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, type FieldProblem } from '../shared/errors.ts';
import { lockCatalogue, writeCatalogueVersion } from './catalogue-store.ts';
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

/**
 * Replaces the catalogue with the gateways of an uploaded workbook, as a new version. Only the
 * system administrator may (the catalogue is shared by every partnership). The file is checked
 * as a zip before it is parsed, then every row is checked; if anything is wrong, nothing is
 * written and every problem is reported by line. The new version and its audit event are
 * written in one transaction.
 */
export async function importGatewayCatalogue(
  deps: Deps,
  actor: Actor,
  input: ImportGatewayCatalogueInput,
): Promise<CatalogueVersion> {
  await authorise(deps, actor, 'manage_gateways', 'gateway_catalogue.import');
  const note = input.note?.trim() || DEFAULT_NOTE;
  if (note.length > gatewayLimits.note)
    throw refused([{ field: 'note', problem: `The note must be ${gatewayLimits.note} characters or fewer` }]);
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
