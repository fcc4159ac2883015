import { and, eq, sql } from 'drizzle-orm';
import type { FieldGroup } from '../policy/field-groups.ts';
import type { Purpose } from '../policy/purposes.ts';
import { informationRequest } from '../requests/schema.ts';
import type { Actor } from '../shared/actor.ts';
import { queryRows, type Db } from '../shared/database.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { refusal, type DecisionDraft } from './decision-input.ts';
import { readDecisionFor, type DecisionRecord } from './decision-store.ts';

/**
 * The chain of versions of a decision (record-decision.ts): which version a correction or a
 * reopening may follow, whether a corrected share is still the same share (so its disclosure
 * grant stays), and the checks of what a version names.
 */
type UserActor = Actor & { kind: 'user' };

/** The version a correction or reopening follows: the deciding organisation's own, and the latest. */
export async function previousVersion(
  tx: Db,
  actor: UserActor,
  draft: DecisionDraft,
  kind: 'original' | 'correction' | 'reopening',
): Promise<DecisionRecord> {
  const previous = await readDecisionFor(tx, actor.partnershipId, actor.organisationId, draft.corrects!);
  // Only the organisation that decided may correct its decision; a recipient cannot.
  if (!previous || previous.organisationId !== actor.organisationId) throw notFound('The decision corrected');
  if (previous.personId !== draft.personId)
    throw refusal([
      { field: 'personId', problem: 'A correction is about the same child as the decision it corrects' },
    ]);
  if (previous.supersededById !== null)
    throw new DomainError(
      'conflict',
      'This decision has already been corrected: correct its latest version',
      {
        fields: [{ field: 'corrects', problem: 'Correct the latest version of the decision' }],
      },
    );
  if (kind === 'reopening' && previous.decision !== 'not_share')
    throw refusal([{ field: 'decision', problem: 'Only a decision not to share can be reopened' }]);
  return previous;
}

export function isSameShare(
  previous: DecisionRecord,
  draft: DecisionDraft,
  share: { recipientId: string; groups: readonly FieldGroup[]; expiresAt: Date },
): boolean {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');
  return (
    previous.decision === 'share' &&
    previous.recipientOrganisationId === share.recipientId &&
    previous.purpose === (draft.purpose as Purpose) &&
    same(
      previous.fieldGroups.map((g) => g.group),
      share.groups,
    ) &&
    same(previous.lawfulBasis, draft.lawfulBasis) &&
    previous.disclosureExpiresAt?.getTime() === share.expiresAt.getTime()
  );
}

export async function grantIsLive(tx: Db, partnershipId: string, grantId: string): Promise<boolean> {
  const rows = await queryRows<{ live: boolean }>(
    tx,
    sql`select revoked_at is null as live from access_grant where partnership_id = ${partnershipId} and id = ${grantId}`,
  );
  return rows[0]?.live === true;
}

export async function requestExists(tx: Db, partnershipId: string, requestId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: informationRequest.id })
    .from(informationRequest)
    .where(and(eq(informationRequest.partnershipId, partnershipId), eq(informationRequest.id, requestId)))
    .limit(1);
  return rows.length > 0;
}
