import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { addDays, londonDate, startOfLondonDay } from '../agreements/calendar-dates.ts';
import type { GatewayDirectory } from '../agreements/gateway-directory.ts';
import { raiseAlert } from '../alerts/raise-alert.ts';
import { auditEventInsert } from '../audit/append-audit-event.ts';
import { findHeldAgencyPersonsOf } from '../people/agency-person-store.ts';
import { recordAccessGrant, revokeAccessGrant } from '../policy/access-grants.ts';
import type { FieldGroup } from '../policy/field-groups.ts';
import type { PolicyDeps } from '../policy/flows-in-force-source.ts';
import { recordDenial, SUBJECT_TYPE } from '../policy/policy-access.ts';
import type { Purpose } from '../policy/purposes.ts';
import { informationRequest } from '../requests/schema.ts';
import type { Actor } from '../shared/actor.ts';
import { queryRows, type Db } from '../shared/database.ts';
import { DomainError, notFound, type FieldProblem } from '../shared/errors.ts';
import { adviseOnSituation } from './advise-on-situation.ts';
import { lawfulBasisProblems } from './check-lawful-basis.ts';
import { mayDecide } from './decision-access.ts';
import {
  chosenGroups,
  parseDecision,
  parseReopening,
  refusal,
  type DecisionDraft,
} from './decision-input.ts';
import { decisionNames, readDecisionByKey, readDecisionFor, type DecisionRecord } from './decision-store.ts';
import { decisionRecord } from './schema.ts';
import { isCoveredByFlows } from './share-coverage.ts';

/** What recording a decision needs: the policy's deps (flows in force) and the gateway catalogue. */
export interface DecisionDeps extends PolicyDeps {
  readonly gateways: GatewayDirectory;
}

export interface RecordedDecision {
  readonly record: DecisionRecord;
  /** False when an earlier submission with the same Idempotency-Key is answered again. */
  readonly created: boolean;
}

/** A disclosure lasts 90 days unless the decider says otherwise (ICO data sharing code: set a review point). */
export const DEFAULT_DISCLOSURE_DAYS = 90;

type UserActor = Actor & { kind: 'user' };

/**
 * Records a decision to share or not to share (issue 16 point 3), in one transaction with
 * everything it causes: for a share, the disclosure grant the recipient reads through
 * (policy/access-grants.ts, the only writer), alerts to both data protection officers when no
 * agreement in force carries the share (a one-off disclosure "outside agreements"), the
 * revocation of the grant a correction replaces, and the `decision.recorded` event in the shape
 * of IHE BALP's "disclosure at source" (who disclosed, to whom, what, about whom, why, on what
 * basis). Nothing is written when any part is refused (DESIGN.md rule 3).
 *
 * The disclosing holder is the decider's own organisation and the disclosure names only its
 * agency persons of the child: a decision can never disclose another agency's records. A child
 * the decider's organisation does not hold, or of another partnership, is "not found", and the
 * refusal is audited (DESIGN.md rule 2).
 */
export async function recordDecision(
  deps: DecisionDeps,
  actor: Actor,
  input: unknown,
  options: { readonly idempotencyKey?: string | undefined } = {},
): Promise<RecordedDecision> {
  const draft = parseDecision(input);
  return write(deps, actor, draft, { ...options, kind: draft.corrects ? 'correction' : 'original' });
}

/**
 * Reopens a decision not to share when the requester brings new information (HM Government
 * 2024: a decision not to share is kept with its reasons and looked at again on new
 * information): a new version, linked to the one reopened, recording the new information and
 * the decision now made on it.
 */
export async function reopenDecision(
  deps: DecisionDeps,
  actor: Actor,
  decisionId: string,
  input: unknown,
  options: { readonly idempotencyKey?: string | undefined } = {},
): Promise<RecordedDecision> {
  const reopening = parseReopening(input);
  const { newInformation, ...rest } = reopening;
  // Only the deciding organisation reopens its own decision; anything else is not found.
  const previous =
    actor.kind === 'user'
      ? await readDecisionFor(deps.db, actor.partnershipId, actor.organisationId, decisionId)
      : undefined;
  if (!previous || actor.kind !== 'user' || previous.organisationId !== actor.organisationId)
    throw notFound('The decision');
  return write(
    deps,
    actor,
    { ...rest, personId: previous.personId, corrects: decisionId },
    {
      ...options,
      kind: 'reopening',
      newInformation,
    },
  );
}

interface WriteOptions {
  readonly idempotencyKey?: string | undefined;
  readonly kind: 'original' | 'correction' | 'reopening';
  readonly newInformation?: string;
}

async function write(
  deps: DecisionDeps,
  actor: Actor,
  draft: DecisionDraft,
  options: WriteOptions,
): Promise<RecordedDecision> {
  if (actor.kind !== 'user') throw notFound('The child');
  const key = options.idempotencyKey?.trim();
  if (key !== undefined && (key === '' || key.length > 200))
    throw refusal([{ field: 'Idempotency-Key', problem: 'Give an Idempotency-Key of 1 to 200 characters' }]);
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx) => {
    if (key !== undefined) {
      // One submission per key at a time; a repeat finds the first and writes nothing more.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`tessera.decision:${actor.userId}:${key}`}))`,
      );
      const earlier = await readDecisionByKey(tx, actor.partnershipId, actor.userId, key);
      if (earlier) return { ok: true as const, record: earlier, created: false };
    }
    const subjectIds = mayDecide(actor)
      ? await findHeldAgencyPersonsOf(tx, actor.partnershipId, draft.personId, actor.organisationId)
      : [];
    if (subjectIds.length === 0) {
      await recordDenial(tx, actor, {
        purpose: draft.purpose,
        subjectId: draft.personId,
        attempted: 'decision.record',
        reason: mayDecide(actor) ? 'no_such_subject' : 'role_not_permitted',
        at: now,
      });
      return { ok: false as const };
    }
    const record = await decide(deps, tx, actor, draft, options, subjectIds, now, key);
    return { ok: true as const, record, created: true };
  });
  if (!outcome.ok) throw notFound('The child');
  return { record: outcome.record, created: outcome.created };
}

async function decide(
  deps: DecisionDeps,
  tx: Db,
  actor: UserActor,
  draft: DecisionDraft,
  options: WriteOptions,
  subjectIds: readonly string[],
  now: Date,
  key: string | undefined,
): Promise<DecisionRecord> {
  const problems: FieldProblem[] = [];
  const groups = chosenGroups(draft);
  const previous = draft.corrects ? await previousVersion(tx, actor, draft, options.kind) : undefined;

  const sharedAt = draft.sharedAt ? new Date(draft.sharedAt) : now;
  if (sharedAt.getTime() > now.getTime())
    problems.push({ field: 'sharedAt', problem: 'The time shared cannot be in the future' });
  const expiresAt =
    draft.decision === 'share'
      ? draft.disclosureExpiresAt
        ? startOfLondonDay(addDays(draft.disclosureExpiresAt, 1))
        : startOfLondonDay(addDays(londonDate(now), DEFAULT_DISCLOSURE_DAYS + 1))
      : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime())
    problems.push({ field: 'disclosureExpiresAt', problem: 'The disclosure must end after today' });

  const recipientId = draft.recipientOrganisationId?.toLowerCase();
  const named = await decisionNames(
    tx,
    actor.partnershipId,
    [actor.organisationId, ...(recipientId ? [recipientId] : [])],
    actor.userId,
  );
  const names = named.organisations;
  if (recipientId && !names.has(recipientId))
    problems.push({
      field: 'recipientOrganisationId',
      problem: 'Choose an organisation of this partnership',
    });
  if (recipientId === actor.organisationId)
    problems.push({ field: 'recipientOrganisationId', problem: 'Choose another organisation than your own' });

  if (draft.requestId && !(await requestExists(tx, actor.partnershipId, draft.requestId)))
    problems.push({ field: 'requestId', problem: 'No information request of this partnership has this id' });

  if (draft.decision === 'share' || draft.lawfulBasis.length > 0) {
    const known = await deps.gateways.describe(draft.lawfulBasis, tx);
    const basis = lawfulBasisProblems(draft.lawfulBasis, groups, known);
    // A decision not to share rests on no basis; only unknown ids are wrong there.
    problems.push(...(draft.decision === 'share' ? basis : basis.filter((p) => p.field !== 'lawfulBasis')));
  }
  if (problems.length > 0) throw refusal(problems);

  const answer = draft.situation ? adviseOnSituation(actor.partnershipId, draft.situation) : undefined;
  const id = randomUUID();
  const share =
    draft.decision === 'share' ? { recipientId: recipientId!, groups, expiresAt: expiresAt! } : undefined;
  const outsideAgreements = share
    ? !isCoveredByFlows(await deps.flowsInForce(tx, actor.partnershipId, now), {
        from: actor.organisationId,
        to: share.recipientId,
        purpose: draft.purpose,
        groups: share.groups,
        at: now,
      })
    : false;

  // A correction keeps the disclosure it relied on only if the share is the same share;
  // otherwise the earlier grant ends now and, for a share, a new one starts.
  let grantId: string | null = null;
  const sameShare = previous?.grantId && share && isSameShare(previous, draft, share);
  if (previous?.grantId && !sameShare && (await grantIsLive(tx, actor.partnershipId, previous.grantId)))
    await revokeAccessGrant(tx, actor, previous.grantId, now);
  if (sameShare) grantId = previous.grantId;
  else if (share)
    grantId = await recordAccessGrant(tx, actor, {
      kind: 'disclosure',
      granteeOrganisationId: share.recipientId,
      purpose: draft.purpose,
      holderOrganisationId: actor.organisationId,
      subjectIds,
      fieldGroups: share.groups,
      basisGatewayIds: draft.lawfulBasis,
      reason: `Decision to share ${id}`,
      sourceId: id,
      startsAt: now,
      expiresAt: share.expiresAt,
    });

  const row = {
    partnershipId: actor.partnershipId,
    id,
    version: previous ? previous.version + 1 : 1,
    kind: options.kind,
    previousId: previous?.id ?? null,
    firstId: previous?.firstId ?? id,
    personId: draft.personId,
    subjectIds: [...subjectIds],
    organisationId: actor.organisationId,
    decidedByUserId: actor.userId,
    purpose: draft.purpose,
    decision: draft.decision,
    situation: draft.situation ?? null,
    recommendation: answer?.outcome ?? null,
    recommendationEdition: answer?.edition ?? null,
    followedRecommendation: draft.followedRecommendation ?? null,
    departureReason: draft.departureReason ?? null,
    recipientOrganisationId: recipientId ?? null,
    fieldGroups: draft.fieldGroups ?? [],
    lawfulBasis: draft.lawfulBasis,
    method: draft.method,
    sharedAt,
    reasons: draft.reasons,
    familyTold: draft.familyTold,
    familyNotToldReason: draft.familyNotToldReason ?? null,
    advisedBy: draft.advisedBy ?? null,
    disclosureExpiresAt: share?.expiresAt ?? null,
    grantId,
    outsideAgreements,
    requestId: draft.requestId ?? null,
    newInformation: options.newInformation ?? null,
    idempotencyKey: key ?? null,
    recordedAt: now,
  } satisfies typeof decisionRecord.$inferInsert;

  const event = auditEventInsert({
    actor,
    action: 'decision.recorded',
    outcome: 'success',
    at: now,
    subject: { type: SUBJECT_TYPE, id: draft.personId },
    purpose: draft.purpose,
    ...(draft.requestId ? { requestId: draft.requestId } : {}),
    details: {
      // IHE BALP "disclosure at source": the source, the recipient, the patient, the data, the
      // purpose of use (the event's purpose) and the authorisation it rests on.
      pattern: 'disclosure_at_source',
      decisionId: id,
      version: previous ? previous.version + 1 : 1,
      kind: options.kind,
      previousId: previous?.id ?? null,
      decision: draft.decision,
      source: { organisationId: actor.organisationId, userId: actor.userId },
      recipient: recipientId ? { organisationId: recipientId } : null,
      patient: { personId: draft.personId, agencyPersonIds: [...subjectIds] },
      fieldGroups: groups,
      lawfulBasis: [...draft.lawfulBasis],
      grantId,
      expiresAt: share?.expiresAt.toISOString() ?? null,
      outsideAgreements,
      requestId: draft.requestId ?? null,
      recommendation: answer?.outcome ?? null,
      followedRecommendation: draft.followedRecommendation ?? null,
    },
  });
  // The record and its event in one statement (a data-modifying CTE): one round trip.
  await tx.execute(sql`with recorded as (${tx.insert(decisionRecord).values(row).getSQL()}) ${event}`);

  if (share && outsideAgreements) {
    // ICO data sharing code, "one-off sharing": both controllers' DPOs see it and decide
    // whether the sharing is regular enough to need an agreement.
    const content = {
      decisionId: id,
      from: { organisationId: actor.organisationId, name: names.get(actor.organisationId) ?? 'Unknown' },
      to: { organisationId: share.recipientId, name: names.get(share.recipientId) ?? 'Unknown' },
      fieldGroups: share.groups,
      at: now.toISOString(),
    };
    for (const organisationId of [actor.organisationId, share.recipientId])
      await raiseAlert(tx, actor, {
        kind: 'disclosure_outside_agreements',
        to: { organisationId, role: 'data_protection_officer' },
        subjectId: subjectIds[0],
        content,
        source: { type: 'decision_record', id },
        raisedAt: now,
      });
  }

  // What was written, as a read would give it back, without reading it back.
  return {
    ...row,
    kind: options.kind,
    purpose: draft.purpose,
    decision: draft.decision,
    situation: row.situation,
    subjectIds: row.subjectIds,
    fieldGroups: (draft.fieldGroups ?? []) as DecisionRecord['fieldGroups'],
    method: draft.method,
    familyTold: draft.familyTold,
    organisationName: names.get(actor.organisationId) ?? null,
    recipientOrganisationName: recipientId ? (names.get(recipientId) ?? null) : null,
    decidedByName: named.userName,
    supersededById: null,
  };
}

/** The version a correction or reopening follows: the deciding organisation's own, and the latest. */
async function previousVersion(
  tx: Db,
  actor: UserActor,
  draft: DecisionDraft,
  kind: WriteOptions['kind'],
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

function isSameShare(
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

async function grantIsLive(tx: Db, partnershipId: string, grantId: string): Promise<boolean> {
  const rows = await queryRows<{ live: boolean }>(
    tx,
    sql`select revoked_at is null as live from access_grant where partnership_id = ${partnershipId} and id = ${grantId}`,
  );
  return rows[0]?.live === true;
}

async function requestExists(tx: Db, partnershipId: string, requestId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: informationRequest.id })
    .from(informationRequest)
    .where(and(eq(informationRequest.partnershipId, partnershipId), eq(informationRequest.id, requestId)))
    .limit(1);
  return rows.length > 0;
}
