import { raiseAlert } from '../alerts/raise-alert.ts';
import { systemActor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import type { PartnershipId } from '../shared/ids.ts';
import type { JobQueue } from '../shared/job-queue.ts';
import { isClosed, isStopped } from './partner-check-clock.ts';
import { loadCheck } from './partner-check-store.ts';
import { escalationRecipientRole } from './request-recipients.ts';

export interface EscalationDeps extends Deps {
  readonly jobs: JobQueue;
}

export type EscalationStage = 'escalation' | 'breach';

export interface EscalationJob {
  readonly partnershipId: string;
  readonly requestId: string;
  readonly organisationId: string;
  readonly stage: EscalationStage;
  readonly at: string;
}

/**
 * Queues the two wake-ups of a running clock: its escalation point and its deadline. Keyed by
 * check, stage and instant, so sending again (a retry, a restart) makes nothing twice, and a
 * clock that moved (stopped and started again) gets new wake-ups while the old ones find their
 * instant gone and do nothing. A stopped clock (no instants) queues nothing.
 */
export async function scheduleCheckEscalation(
  deps: { readonly jobs: JobQueue },
  partnershipId: string,
  check: {
    readonly requestId: string;
    readonly organisationId: string;
    readonly escalateAt: Date | null;
    readonly dueAt: Date | null;
  },
): Promise<void> {
  const wakeUps: [EscalationStage, Date | null][] = [
    ['escalation', check.escalateAt],
    ['breach', check.dueAt],
  ];
  for (const [stage, at] of wakeUps) {
    if (!at) continue;
    const data = {
      partnershipId,
      requestId: check.requestId,
      organisationId: check.organisationId,
      stage,
      at: at.toISOString(),
    };
    await deps.jobs.send('requests.escalate', data, {
      startAfter: at,
      singletonKey: `${partnershipId}:${check.requestId}:${check.organisationId}:${stage}:${data.at}`,
    });
  }
}

/**
 * The job: reads the check again and, if it is still waiting on a running clock whose instant
 * for this stage is the one the job was queued for and has come, tells the asked organisation's
 * team manager (issue 16 point 4: escalation to the responder's manager at a set share of the
 * time, and at breach). Raising is idempotent (raise-alert.ts), so a retried job tells no one
 * twice. Answers whether an alert was raised.
 */
export async function runCheckEscalation(deps: Deps, job: EscalationJob): Promise<boolean> {
  const actor = systemActor(job.partnershipId as PartnershipId, 'request-escalation');
  return deps.db.transaction(async (tx) => {
    const check = await loadCheck(tx, job.partnershipId, job, { forUpdate: true });
    if (!check || isClosed(check.clock.status) || isStopped(check.clock.status)) return false;
    const instant = job.stage === 'escalation' ? check.escalateAt : check.dueAt;
    const now = deps.clock.now();
    if (!instant || instant.toISOString() !== new Date(job.at).toISOString()) return false;
    if (now.getTime() < instant.getTime()) return false;
    const raised = await raiseAlert(tx, actor, {
      kind: 'request_escalated',
      to: { organisationId: check.organisationId, role: escalationRecipientRole },
      content: {
        requestId: check.requestId,
        stage: job.stage,
        rag: check.rag,
        dueAt: (check.dueAt ?? instant).toISOString(),
      },
      source: { type: `partner_check.${job.stage}`, id: `${check.requestId}:${check.organisationId}` },
      raisedAt: now,
    });
    return raised !== null;
  });
}
