import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { AuditAction } from '../audit/actions.ts';
import { englandAndWalesBankHolidays } from '../deadlines/bank-holidays.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, notFound, type FieldProblem } from '../shared/errors.ts';
import type { JobQueue } from '../shared/job-queue.ts';
import { scheduleCheckEscalation } from './check-escalation.ts';
import {
  isClosed,
  isStopped,
  partnerCheckTimes,
  restartClock,
  stopClock,
  withinRespondBy,
  type PartnerCheckClock,
  type PartnerCheckStatus,
  type StopReason,
} from './partner-check-clock.ts';
import { loadCheck, storedStops, type CheckMessage, type StoredCheck } from './partner-check-store.ts';
import { loadRagTimescales } from './rag-timescales-store.ts';
import { authoriseRequestSide, type RequestSide } from './request-reader.ts';
import { partnerCheck } from './schema.ts';

export interface CheckKey {
  readonly requestId: string;
  readonly organisationId: string;
}

export interface CheckDeps extends Deps {
  readonly jobs: JobQueue;
}

export interface ChangedCheck {
  readonly requestId: string;
  readonly organisationId: string;
  readonly status: PartnerCheckStatus;
  readonly dueAt: Date | null;
  readonly escalateAt: Date | null;
}

/**
 * Why a partner agency refuses (Information sharing advice 2024, rule 7: record the reasons and
 * be ready to explain them; DOMAIN.md sections 3 and 4).
 */
export const refusalReasons = [
  // No gateway or lawful basis covers this disclosure for this purpose.
  'no_lawful_basis',
  // Not necessary for the stated purpose, or more than it needs (UK GDPR Art 5(1)(c)).
  'not_necessary',
  // It would identify another person who has not agreed (DPA 2018 Sched 2 Pt 3 para 16).
  'third_party_information',
  // An enactment forbids it (DPA 2018 Sched 4: adoption records and the like).
  'prohibited_by_enactment',
  // It would prejudice the prevention or detection of crime (DPA 2018 Sched 2 para 2).
  'prejudice_to_investigation',
  // The requester could not be verified as who they said they were (DOMAIN.md section 4).
  'requester_not_verified',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

const textSchema = (what: string) =>
  z.string().trim().min(1, `Enter the ${what}`).max(4000, `The ${what} must be 4,000 characters or fewer`);

const refusalSchema = z.strictObject({
  reasons: z
    .array(z.enum(refusalReasons, { message: `Choose reasons from: ${refusalReasons.join(', ')}` }))
    .min(1, 'Choose at least one reason for refusing'),
  explanation: textSchema('explanation of the refusal'),
});

/** The responder asks the requester to clarify, or to verify who they are: the clock stops. */
export function askRequester(
  deps: CheckDeps,
  actor: Actor,
  key: CheckKey,
  input: { reason: StopReason; question: unknown },
): Promise<ChangedCheck> {
  const question = parseField('question', textSchema('question for the requester'), input.question);
  return changeCheck(deps, actor, key, {
    side: 'responder',
    action:
      input.reason === 'clarification' ? 'request.clarification_requested' : 'request.verification_requested',
    change: (check, now) => ({
      clock: stopClock(check.clock, now, input.reason),
      message: input.reason === 'clarification' ? 'clarification_asked' : 'verification_asked',
      text: question,
    }),
  });
}

/** The requester answers the question: the clock starts again where it stood. */
export function answerRequester(
  deps: CheckDeps,
  actor: Actor,
  key: CheckKey,
  input: { reason: StopReason; answer: unknown },
): Promise<ChangedCheck> {
  const answer = parseField('answer', textSchema('answer'), input.answer);
  return changeCheck(deps, actor, key, {
    side: 'requester',
    action: input.reason === 'clarification' ? 'request.clarification_given' : 'request.verification_given',
    change: (check, now) => ({
      clock: restartClock(check.clock, now, input.reason),
      message: input.reason === 'clarification' ? 'clarification_given' : 'verification_given',
      text: answer,
    }),
  });
}

/** The responder refuses, with reasons from the list and an explanation (the decision either way is recorded). */
export function refuseCheck(
  deps: CheckDeps,
  actor: Actor,
  key: CheckKey,
  input: unknown,
): Promise<ChangedCheck> {
  const parsed = refusalSchema.safeParse(input);
  if (!parsed.success) throw fieldProblems(parsed.error.issues);
  return changeCheck(deps, actor, key, {
    side: 'responder',
    action: 'request.refused',
    details: { reasons: parsed.data.reasons },
    change: (check) => {
      if (isClosed(check.clock.status))
        throw new DomainError('conflict', `This check is already ${check.clock.status}`);
      return { clock: { ...check.clock, status: 'refused' }, refusal: parsed.data };
    },
  });
}

interface Change {
  readonly clock: PartnerCheckClock;
  readonly message?: CheckMessage['kind'];
  readonly text?: string;
  readonly refusal?: { reasons: readonly RefusalReason[]; explanation: string };
}

/**
 * One change to one check: the side authorised over the request (not found otherwise, audited),
 * the check locked, the clock changed, its due and escalation instants computed again by the
 * deadline module (null while stopped), the event appended, in one transaction; then a running
 * clock's new wake-ups are queued (check-escalation.ts).
 */
async function changeCheck(
  deps: CheckDeps,
  actor: Actor,
  key: CheckKey,
  plan: {
    side: RequestSide;
    action: AuditAction;
    details?: Record<string, unknown>;
    change: (check: StoredCheck, now: Date) => Change;
  },
): Promise<ChangedCheck> {
  await authoriseRequestSide(deps, deps.db, actor, key.requestId, plan.action, {
    side: plan.side,
    organisationId: plan.side === 'responder' ? key.organisationId : undefined,
  });
  if (actor.kind !== 'user') throw notFound('The request');
  const now = deps.clock.now();
  const changed = await deps.db.transaction(async (tx) => {
    const check = await loadCheck(tx, actor.partnershipId, key, { forUpdate: true });
    if (!check) throw notFound('The check');
    const change = plan.change(check, now);
    const times = await timesOf(tx, actor.partnershipId, check, change.clock, now);
    const message: CheckMessage[] = change.message
      ? [
          {
            kind: change.message,
            at: now.toISOString(),
            organisationId: actor.organisationId,
            userId: actor.userId,
            text: change.text ?? '',
          },
        ]
      : [];
    const closed = isClosed(change.clock.status);
    await tx
      .update(partnerCheck)
      .set({
        status: change.clock.status,
        stops: storedStops(change.clock.stops),
        dueAt: times.dueAt,
        escalateAt: times.escalateAt,
        messages: [...check.messages, ...message],
        ...(closed ? { closedAt: now, closedBy: actor.userId } : {}),
        ...(change.refusal ? { refusal: change.refusal } : {}),
      })
      .where(checkWhere(actor.partnershipId, key));
    await appendAuditEvent(tx, {
      actor,
      action: plan.action,
      outcome: 'success',
      details: {
        organisationId: key.organisationId,
        status: change.clock.status,
        dueAt: times.dueAt?.toISOString() ?? null,
        ...plan.details,
      },
      subject: { type: 'information_request', id: key.requestId },
      at: now,
    } as Parameters<typeof appendAuditEvent>[1]);
    return { ...key, status: change.clock.status, ...times };
  });
  if (changed.status === 'open') await scheduleCheckEscalation(deps, actor.partnershipId, changed);
  return changed;
}

/** A closed check keeps the instants it had; a stopped one has none; a running one is counted again. */
async function timesOf(
  tx: Db,
  partnershipId: string,
  check: StoredCheck,
  clock: PartnerCheckClock,
  now: Date,
): Promise<{ dueAt: Date | null; escalateAt: Date | null }> {
  if (isClosed(clock.status)) return { dueAt: check.dueAt, escalateAt: check.escalateAt };
  if (isStopped(clock.status)) return { dueAt: null, escalateAt: null };
  const timescales = await loadRagTimescales(tx, partnershipId);
  const times = withinRespondBy(
    partnerCheckTimes(
      clock,
      { timescales, rag: check.rag, holidays: englandAndWalesBankHolidays() },
      { at: now },
    ),
    check.respondBy,
  );
  return { dueAt: times.dueAt, escalateAt: times.escalateAt };
}

export function checkWhere(partnershipId: string, key: CheckKey) {
  return and(
    eq(partnerCheck.partnershipId, partnershipId),
    eq(partnerCheck.requestId, key.requestId),
    eq(partnerCheck.organisationId, key.organisationId),
  );
}

function parseField<T>(field: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw fieldProblems(parsed.error.issues.map((i) => ({ ...i, path: [field, ...i.path] })));
}

function fieldProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): DomainError {
  const fields: FieldProblem[] = issues.map((i) => ({
    field: i.path.map(String).join('.') || '(body)',
    problem: i.message,
  }));
  return new DomainError('validation_failed', 'Check the highlighted fields', { fields });
}
