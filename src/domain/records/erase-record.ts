import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorise } from '../partnership/authorise.ts';
import { overOrganisation } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { isErasureGround, REQUEST_REFERENCE_PATTERN, type ErasureGround } from './erasure-grounds.ts';
import { eraseRecordRows, selectRecordHolder } from './erasure-store.ts';

export interface EraseRecordInput {
  readonly recordId: string;
  readonly ground: ErasureGround;
  /** The controller's own reference for the request (REQUEST_REFERENCE_PATTERN), if it has one. */
  readonly requestReference?: string | undefined;
}

export interface ErasedRecord {
  readonly recordId: string;
  readonly organisationId: string;
  readonly externalId: string;
  readonly erasedAt: Date;
  readonly versions: number;
}

/** No organisation has this id: a record that does not exist is authorised over it, and refused. */
const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

/**
 * Erases one agency record (UK GDPR Art 17): its content now and every earlier version, and what
 * was made from it (an address or a relationship for the family network, the identifiers of a
 * person details item), leaving a tombstone that names only the holder, the agency's id for the
 * record, when, on which ground and by whom, so that a later feed cannot load it again
 * (feeds/ingest-feed.ts counts such rows as "erased, not reloaded"). The tombstone, the deletes
 * and the `record.erased` event are one transaction (DESIGN.md rule 3).
 *
 * Only the data protection officer of the organisation holding the record may (erase_records,
 * organisation scope: each agency is the controller of its records, Art 24). A record of another
 * organisation, or none at all, answers "not found" after the same audited refusal (rule 2). The
 * audit log keeps its events about the record (ids only): the record of who saw it is the
 * controller's evidence of accountability (Art 5(2)), and holds nothing the record said.
 */
export async function eraseRecord(deps: Deps, actor: Actor, input: EraseRecordInput): Promise<ErasedRecord> {
  if (!isErasureGround(input.ground)) throw invalid('ground', 'Choose the ground for the erasure');
  const requestReference = input.requestReference?.trim() || null;
  if (requestReference !== null && !REQUEST_REFERENCE_PATTERN.test(requestReference))
    throw invalid(
      'requestReference',
      'The request reference must be up to 40 letters, digits, spaces, dots, slashes, underscores or hyphens',
    );
  const holder = isUuid(input.recordId)
    ? await selectRecordHolder(deps.db, actor.partnershipId, input.recordId)
    : undefined;
  const organisationId = holder ?? NO_ORGANISATION;
  await authorise(deps, actor, 'erase_records', overOrganisation(organisationId), 'records.erase', () =>
    notFound('The record'),
  );
  const erasedAt = deps.clock.now();
  const erased = await deps.db.transaction(async (tx) => {
    const rows = await eraseRecordRows(tx, {
      partnershipId: actor.partnershipId,
      organisationId,
      recordId: input.recordId,
      erasedAt,
      reason: input.ground,
      requestReference,
      erasedBy: actor.kind === 'user' ? actor.userId : `system:${actor.process}`,
    });
    // Gone since it was looked up (erased by someone else a moment ago): nothing to do.
    if (!rows) return undefined;
    await appendAuditEvent(tx, {
      actor,
      action: 'record.erased',
      outcome: 'success',
      subject: { type: 'agency_record', id: input.recordId },
      at: erasedAt,
      details: {
        organisationId,
        externalId: rows.externalId,
        versions: rows.versions,
        ground: input.ground,
        requestReference,
        derived: { addresses: rows.addresses, relationships: rows.relationships, identity: rows.identity },
      },
    });
    return rows;
  });
  if (!erased) throw notFound('The record');
  return {
    recordId: input.recordId,
    organisationId,
    externalId: erased.externalId,
    erasedAt,
    versions: erased.versions,
  };
}
