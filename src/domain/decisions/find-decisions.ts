import { sql } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { findHeldAgencyPersonsOf } from '../people/agency-person-store.ts';
import { membersOf } from '../people/person-link-store.ts';
import { SUBJECT_TYPE } from '../policy/policy-access.ts';
import type { Purpose } from '../policy/purposes.ts';
import type { Actor } from '../shared/actor.ts';
import { queryRows, type Db } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import { notFound } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { mayReadDecisions } from './decision-access.ts';
import { findDecisionsAbout, readDecisionFor, type DecisionRecord } from './decision-store.ts';

/**
 * Reading decision records. A decision is seen only by the two organisations party to it: the
 * one that decided (its practitioners, DPO and Caldicott guardian) and, for a share, the one it
 * went to. Anyone else, and a child neither holds nor received a decision about, gets "not
 * found", audited (DESIGN.md rule 2); each read that shows decisions is a `decision.viewed`
 * event naming them, in the same transaction.
 */
export async function getDecision(deps: Deps, actor: Actor, decisionId: string): Promise<DecisionRecord> {
  const found = await deps.db.transaction(async (tx) => {
    const record =
      mayReadDecisions(actor) && isUuid(decisionId)
        ? await readDecisionFor(tx, actor.partnershipId, actor.organisationId, decisionId)
        : undefined;
    if (!record) {
      await appendAuditEvent(tx, {
        actor,
        action: 'access.denied',
        outcome: 'denied',
        at: deps.clock.now(),
        subject: { type: 'decision_record', id: decisionId.slice(0, 100) },
        details: {
          attempted: 'decision.read',
          reason: mayReadDecisions(actor) ? 'no_such_subject' : 'role_not_permitted',
        },
      });
      return undefined;
    }
    await viewed(tx, actor, record.personId, 'decision', [record], deps.clock.now());
    return record;
  });
  if (!found) throw notFound('The decision');
  return found;
}

/** The decisions about a child the reader's organisation made or received, oldest first (every version). */
export async function findDecisionsAboutChild(
  deps: Deps,
  actor: Actor,
  input: {
    readonly personId: string;
    readonly purpose?: Purpose | undefined;
    readonly shareOnly?: boolean;
    /** Names the screen in the audit event: "who has this child's information been shared with". */
    readonly view?: 'decisions' | 'disclosures';
  },
): Promise<DecisionRecord[]> {
  const view = input.view ?? (input.shareOnly ? 'disclosures' : 'decisions');
  const found = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const decisions =
      mayReadDecisions(actor) && isUuid(input.personId) ? await about(tx, actor, input) : undefined;
    if (!decisions) {
      await appendAuditEvent(tx, {
        actor,
        action: 'access.denied',
        outcome: 'denied',
        at: now,
        subject: { type: SUBJECT_TYPE, id: input.personId.slice(0, 100) },
        ...(input.purpose ? { purpose: input.purpose } : {}),
        details: {
          attempted: `decision.${view}`,
          reason: mayReadDecisions(actor) ? 'no_such_subject' : 'role_not_permitted',
        },
      });
      return undefined;
    }
    if (decisions.length > 0) await viewed(tx, actor, input.personId, view, decisions, now);
    return decisions;
  });
  if (!found) throw notFound('The child');
  return found;
}

/**
 * The decisions of a child for the chronology, after the chronology's own read through the
 * policy showed the reader the child (view/find-chronology.ts): the latest version of each
 * decision the reader's organisation made or received, audited as read.
 */
export async function findDecisionsForChronology(
  deps: Deps,
  actor: Actor,
  personId: string,
): Promise<DecisionRecord[]> {
  if (!mayReadDecisions(actor)) return [];
  return deps.db.transaction(async (tx) => {
    const all = (await about(tx, actor, { personId })) ?? [];
    const latest = all.filter((d) => d.supersededById === null);
    if (latest.length > 0) await viewed(tx, actor, personId, 'chronology', latest, deps.clock.now());
    return latest;
  });
}

/** Undefined when the reader's organisation neither holds the child nor is party to a decision about them. */
async function about(
  tx: Db,
  actor: Actor & { kind: 'user' },
  input: { readonly personId: string; readonly purpose?: Purpose | undefined; readonly shareOnly?: boolean },
): Promise<DecisionRecord[] | undefined> {
  const members = (await membersOf(tx, actor.partnershipId, [input.personId])).get(input.personId) ?? [];
  const decisions = await findDecisionsAbout(
    tx,
    actor.partnershipId,
    actor.organisationId,
    { personId: input.personId, agencyPersonIds: members },
    { purpose: input.purpose, shareOnly: input.shareOnly ?? false },
  );
  if (decisions.length > 0) return decisions;
  const held = await findHeldAgencyPersonsOf(tx, actor.partnershipId, input.personId, actor.organisationId);
  return held.length > 0 ? [] : undefined;
}

async function viewed(
  tx: Db,
  actor: Actor,
  personId: string,
  view: 'decision' | 'decisions' | 'disclosures' | 'chronology',
  decisions: readonly DecisionRecord[],
  at: Date,
): Promise<void> {
  await appendAuditEvent(tx, {
    actor,
    action: 'decision.viewed',
    outcome: 'success',
    at,
    subject: { type: SUBJECT_TYPE, id: personId },
    details: { view, decisionIds: decisions.map((d) => d.id) },
  });
}

/** Whether each disclosure grant is still live, ended by a correction, or past its expiry. */
export type DisclosureState = 'live' | 'expired' | 'revoked';

export async function disclosureStates(
  db: Db,
  partnershipId: string,
  grantIds: readonly string[],
  now: Date,
): Promise<Map<string, DisclosureState>> {
  if (grantIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; revoked: boolean; expired: boolean }>(
    db,
    sql`select id, revoked_at is not null and revoked_at <= ${now.toISOString()} as revoked,
               expires_at <= ${now.toISOString()} as expired
        from access_grant
        where partnership_id = ${partnershipId} and id = any(${`{${grantIds.join(',')}}`}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.revoked ? 'revoked' : r.expired ? 'expired' : 'live']));
}
