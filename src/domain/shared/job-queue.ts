import { z } from 'zod';
import { DomainError } from './errors.ts';

/**
 * Work that must happen later, or again until it succeeds, is a durable job in the database's
 * job queue, so a restart loses none of it (DESIGN.md rule 3.9). Each kind of job is named here
 * with the shape of its data: a closed catalogue, so a job nobody designed cannot be sent, and
 * its data is checked on the way in and again on the way out (it waits in a table meanwhile).
 */
export const jobCatalogue = {
  /**
   * One London day's look for agreements whose review date is near or has passed, recording
   * each reminder once (agreements/schedule-review-reminders.ts); each run queues the next day's.
   */
  'agreements.review-reminders': z.strictObject({ day: z.iso.date() }),
  /**
   * One partner check's escalation point or deadline (requests/check-escalation.ts): at `at` the
   * job reads the check again and tells the responder's manager only if it is still waiting
   * with that same instant, so a check answered, stopped or moved meanwhile raises nothing.
   */
  'requests.escalate': z.strictObject({
    partnershipId: z.uuid(),
    requestId: z.uuid(),
    organisationId: z.uuid(),
    stage: z.enum(['escalation', 'breach']),
    at: z.iso.datetime({ offset: true }),
  }),
  /**
   * At an Operation Encompass notice's deadline: escalate it if no one acknowledged it
   * (alerts/escalate-unacknowledged-alert.ts).
   */
  'alerts.escalate-unacknowledged': z.strictObject({ partnershipId: z.uuid(), alertId: z.uuid() }),
  /** Tell an alert's recipients by email that there is something to see (alerts/email-alert.ts). */
  'alerts.email': z.strictObject({ partnershipId: z.uuid(), alertId: z.uuid() }),
} as const satisfies JobCatalogue;

/** A catalogue of jobs: name → the zod schema of its data. */
export type JobCatalogue = Readonly<Record<string, z.ZodType>>;

export type TesseraJobs = typeof jobCatalogue;
export type JobName = keyof TesseraJobs & string;

export interface SendJobOptions {
  /** Not delivered before this instant (a deadline, a reminder date). */
  readonly startAfter?: Date;
  /**
   * Idempotence: a job of this name with this key is made once; sending it again makes nothing
   * (send answers null) for as long as the queue keeps the first, which is at least until it has
   * finished and 12 hours more. Put in the key what makes the work one piece: the agreement and
   * its review date, the day of a daily run.
   */
  readonly singletonKey?: string;
  /** How many times a failed run is tried again before the job is failed (default 2). */
  readonly retryLimit?: number;
}

/** What the domain may do with the queue: send a job. Workers are the composition root's. */
export interface JobQueue<C extends JobCatalogue = TesseraJobs> {
  /** The new job's id, or null when its singletonKey already has a job waiting. */
  send<N extends keyof C & string>(
    name: N,
    data: z.input<C[N]>,
    options?: SendJobOptions,
  ): Promise<string | null>;
}

/** A job's handler: its data (checked against the catalogue) and the job's identity. */
export type JobHandler<C extends JobCatalogue, N extends keyof C> = (
  data: z.output<C[N]>,
  job: { readonly id: string; readonly name: N },
) => Promise<void>;

/**
 * A job's data checked against its catalogue entry: a DomainError naming each bad field, so a
 * job with data nobody designed is refused before it is written (and, on delivery, never run).
 */
export function parseJobData<C extends JobCatalogue, N extends keyof C & string>(
  catalogue: C,
  name: N,
  data: unknown,
): z.output<C[N]> {
  const schema = catalogue[name];
  if (!schema) throw new DomainError('validation_failed', `No job is named ${name}`);
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data as z.output<C[N]>;
  throw new DomainError('validation_failed', `The data of job ${name} is not what it takes`, {
    fields: parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(data)', problem: i.message })),
  });
}
