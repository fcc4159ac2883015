import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { latestVersion } from './agreement-status.ts';
import { assertStillParty } from './authorise-agreement-act.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreement, type AgreementRecord, type VersionRecord } from './load-agreements.ts';
import { lockAgreement, type VersionKey } from './write-version.ts';

export interface DraftInTransaction {
  readonly tx: Db;
  readonly record: AgreementRecord;
  readonly draft: VersionRecord;
  readonly key: VersionKey;
}

/**
 * Runs a change to an agreement's draft version in one transaction, with the agreement locked.
 * The caller has authorised the act over the agreement's parties (authorise-agreement-act.ts);
 * it is checked again here under the lock.
 * A version that has left draft is never edited: the signed text must stay what was signed, so
 * changing an agreement in force means amending it into a new draft version.
 */
export async function editDraft<T>(
  deps: AgreementDeps,
  actor: Actor,
  agreementId: string,
  change: (draft: DraftInTransaction) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    await lockAgreement(tx, actor.partnershipId, agreementId);
    const record = (await loadAgreement(tx, actor.partnershipId, agreementId))!;
    assertStillParty(actor, 'manage_agreements', record);
    assertDraftEditable(record);
    const draft = latestVersion(record);
    const key = { partnershipId: actor.partnershipId, agreementId, version: draft.version };
    return change({ tx, record, draft, key });
  });
}

export function assertDraftEditable(record: AgreementRecord): void {
  if (record.terminatedAt)
    throw invalid('status', 'This agreement has been terminated and cannot be changed');
  const latest = latestVersion(record);
  if (latest.status === 'active')
    throw invalid(
      'status',
      `Version ${latest.version} is in force and cannot be changed: amend the agreement to make a new draft version`,
    );
  if (latest.status === 'awaiting_signatures')
    throw invalid(
      'status',
      `Version ${latest.version} has been submitted for signature and cannot be changed`,
    );
  if (latest.status !== 'draft') throw notFound('The draft');
}
