import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { raiseAlert } from '../alerts/raise-alert.ts';
import { organisation } from '../partnership/schema.ts';
import { readAgencyPersonHolders } from '../people/agency-person-store.ts';
import { membersOf } from '../people/person-link-store.ts';
import { findLiveLimits, recordAccessGrant } from '../policy/access-grants.ts';
import { SUBJECT_TYPE } from '../policy/policy-access.ts';
import { mayBreakGlass } from '../policy/role-purposes.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, notFound, type FieldProblem } from '../shared/errors.ts';
import { breakGlassSettings, type BreakGlassSettings } from './break-glass-settings.ts';
import {
  isBreakGlassReasonCode,
  vitalInterestsGatewayIds,
  type BreakGlassReasonCode,
} from './reason-codes.ts';
import { breakGlass as breakGlassTable, breakGlassReview } from './schema.ts';

export interface BreakGlassDeps extends Deps {
  readonly breakGlass?: BreakGlassSettings;
}

export interface BreakGlassInput {
  readonly personId: unknown;
  readonly reasonCode: unknown;
  readonly reasonText: unknown;
}

export interface BrokenGlass {
  readonly breakGlassId: string;
  readonly personId: string;
  readonly purpose: 'emergency';
  readonly startedAt: Date;
  readonly expiresAt: Date;
}

/** Roles alerted in every organisation holding records of the child (Caldicott principle 8). */
const reviewerRoles = ['data_protection_officer', 'caldicott_guardian'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REASON_MIN = 10;
const REASON_MAX = 2000;

type Outcome =
  | { readonly kind: 'broken'; readonly glass: BrokenGlass }
  | { readonly kind: 'refused'; readonly error: DomainError };

/**
 * Breaks glass (issue 16 point 7): the whole view of ONE child, for this user alone, under the
 * purpose 'emergency' on vital interests, for at most an hour, setting aside any restriction or
 * withdrawn consent (policy/visibility.ts) and saying which. In one transaction: the grant (bound
 * on the server to the user, the child's agency persons at every holder, and the expiry), the
 * break_glass row, a pending review for each holder, its event, and an alert to each holder's
 * data protection officer and Caldicott guardian, so nobody can break glass unseen.
 *
 * Refused with nothing written but the refusal's event: bad input (400 naming each field), a
 * role that may not break glass and a person nobody holds (both "not found", DESIGN.md rule 2),
 * and a user past their limit (429 with the wait).
 */
export async function breakGlass(
  deps: BreakGlassDeps,
  actor: Actor,
  input: BreakGlassInput,
): Promise<BrokenGlass> {
  const checked = checkInput(input);
  const personId = typeof input.personId === 'string' ? input.personId : undefined;
  if (actor.kind !== 'user' || !mayBreakGlass(actor.role)) {
    await refuse(deps.db, actor, personId, { reason: 'role_not_permitted' });
    throw notFound('The page');
  }
  const { personId: person, reasonCode, reasonText } = checked;
  const settings = deps.breakGlass ?? breakGlassSettings();
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    const now = deps.clock.now();
    const wait = await secondsUntilAllowed(tx, actor, settings, now);
    if (wait > 0) {
      await refuse(tx, actor, person, { reason: 'rate_limited', retryAfterSeconds: wait }, now);
      return { kind: 'refused', error: tooMany(wait) };
    }
    const subjectIds = (await membersOf(tx, actor.partnershipId, [person])).get(person) ?? [];
    if (subjectIds.length === 0) {
      await refuse(tx, actor, person, { reason: 'no_such_person' }, now);
      return { kind: 'refused', error: notFound('The person') };
    }
    const holderOf = await readAgencyPersonHolders(tx, actor.partnershipId, subjectIds);
    const holders = [...new Set(holderOf.values())].sort();
    const limits = await findLiveLimits(tx, actor.partnershipId, subjectIds, now);
    const expiresAt = new Date(now.getTime() + settings.minutes * 60_000);
    const id = randomUUID();
    const grantId = await recordAccessGrant(tx, actor, {
      kind: 'break_glass',
      granteeOrganisationId: actor.organisationId,
      granteeUserId: actor.userId,
      purpose: 'emergency',
      subjectIds: [...subjectIds].sort(),
      basisGatewayIds: [...vitalInterestsGatewayIds],
      reason: `Break-glass: ${reasonCode}`,
      sourceId: id,
      startsAt: now,
      expiresAt,
    });
    await tx.insert(breakGlassTable).values({
      partnershipId: actor.partnershipId,
      id,
      userId: actor.userId,
      organisationId: actor.organisationId,
      role: actor.role,
      personId: person,
      grantId,
      reasonCode,
      reasonText,
      setAsideLimitIds: limits.map((l) => l.id),
      startedAt: now,
      expiresAt,
    });
    await tx.insert(breakGlassReview).values(
      holders.map((organisationId) => ({
        partnershipId: actor.partnershipId,
        breakGlassId: id,
        organisationId,
        status: 'pending',
      })),
    );
    await appendAuditEvent(tx, {
      actor,
      action: 'break_glass.used',
      outcome: 'success',
      at: now,
      subject: { type: SUBJECT_TYPE, id: person },
      purpose: 'emergency',
      details: {
        breakGlassId: id,
        grantId,
        reasonCode,
        holderOrganisationIds: holders,
        setAsideLimitIds: limits.map((l) => l.id),
        expiresAt: expiresAt.toISOString(),
      },
    });
    const by = { organisationId: actor.organisationId, name: await organisationName(tx, actor) };
    for (const holder of holders) {
      const subjectId = [...holderOf].find(([, org]) => org === holder)?.[0];
      for (const role of reviewerRoles)
        await raiseAlert(tx, actor, {
          kind: 'break_glass_used',
          to: { organisationId: holder, role },
          subjectId,
          content: {
            breakGlassId: id,
            by,
            reasonCode,
            at: now.toISOString(),
            expiresAt: expiresAt.toISOString(),
          },
          source: { type: 'break_glass', id },
          raisedAt: now,
        });
    }
    return {
      kind: 'broken',
      glass: { breakGlassId: id, personId: person, purpose: 'emergency', startedAt: now, expiresAt },
    };
  });
  if (outcome.kind === 'refused') throw outcome.error;
  return outcome.glass;
}

function checkInput(input: BreakGlassInput): {
  personId: string;
  reasonCode: BreakGlassReasonCode;
  reasonText: string;
} {
  const problems: FieldProblem[] = [];
  const { personId, reasonCode, reasonText } = input;
  if (Array.isArray(personId))
    problems.push({ field: 'personId', problem: 'Break glass for one child at a time' });
  else if (typeof personId !== 'string' || !UUID.test(personId))
    problems.push({ field: 'personId', problem: 'Choose the child to break glass for' });
  if (!isBreakGlassReasonCode(reasonCode))
    problems.push({ field: 'reasonCode', problem: 'Select why you must break glass' });
  const text = typeof reasonText === 'string' ? reasonText.trim() : '';
  if (text.length < REASON_MIN)
    problems.push({
      field: 'reasonText',
      problem: `Say in your own words why this cannot wait (at least ${REASON_MIN} characters)`,
    });
  else if (text.length > REASON_MAX)
    problems.push({ field: 'reasonText', problem: `Keep the reason to ${REASON_MAX} characters or fewer` });
  if (problems.length > 0)
    throw new DomainError('validation_failed', 'Check the highlighted fields', { fields: problems });
  return { personId: personId as string, reasonCode: reasonCode as BreakGlassReasonCode, reasonText: text };
}

/**
 * Seconds until this user may break glass again: 0 within the limit. Counted from the
 * break_glass rows themselves, under a lock per user, so the limit holds across restarts and
 * server instances, unlike the in-memory limiters (ARCHITECTURE.md, departures).
 */
async function secondsUntilAllowed(
  tx: Db,
  actor: Actor & { kind: 'user' },
  settings: BreakGlassSettings,
  now: Date,
): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`break_glass:${actor.userId}`}))`);
  const since = new Date(now.getTime() - settings.perUser.windowMs);
  const recent = await tx
    .select({ startedAt: breakGlassTable.startedAt })
    .from(breakGlassTable)
    .where(
      and(
        eq(breakGlassTable.partnershipId, actor.partnershipId),
        eq(breakGlassTable.userId, actor.userId),
        gt(breakGlassTable.startedAt, since),
      ),
    )
    .orderBy(asc(breakGlassTable.startedAt));
  if (recent.length < settings.perUser.limit) return 0;
  const oldestCounted = recent[recent.length - settings.perUser.limit]!.startedAt.getTime();
  return Math.max(1, Math.ceil((oldestCounted + settings.perUser.windowMs - now.getTime()) / 1000));
}

function tooMany(seconds: number): DomainError {
  return new DomainError(
    'rate_limited',
    'You have broken glass as often as a day allows. Ask your manager or the data protection officer',
    { retryAfterSeconds: seconds },
  );
}

async function refuse(
  db: Db,
  actor: Actor,
  personId: string | undefined,
  details: { reason: 'rate_limited' | 'role_not_permitted' | 'no_such_person'; retryAfterSeconds?: number },
  at?: Date,
): Promise<void> {
  await appendAuditEvent(db, {
    actor,
    action: 'break_glass.refused',
    outcome: 'denied',
    ...(at ? { at } : {}),
    ...(personId && UUID.test(personId) ? { subject: { type: SUBJECT_TYPE, id: personId } } : {}),
    purpose: 'emergency',
    details,
  });
}

async function organisationName(tx: Db, actor: Actor & { kind: 'user' }): Promise<string> {
  const [row] = await tx
    .select({ name: organisation.name })
    .from(organisation)
    .where(
      and(
        eq(organisation.partnershipId, actor.partnershipId),
        inArray(organisation.id, [actor.organisationId]),
      ),
    );
  return row?.name ?? 'Unknown organisation';
}
