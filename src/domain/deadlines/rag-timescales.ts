import { z } from 'zod';
import { DomainError, type FieldProblem } from '../shared/errors.ts';
import type { HolidayCalendar } from './bank-holidays.ts';
import type { Deadline, StopInterval, Timescale } from './deadline.ts';
import { officeHoursSchema } from './office-hours.ts';

/**
 * A partnership's front-door timescales by RAG rating (issue 16 point 4). There is no national
 * standard (DOMAIN.md sections 1 and 6: Merton 2 h / 6 h / 24 h, Surrey Police 4 working hours /
 * 24 working hours / 72 hours), so each partnership holds its own as data, with whether each
 * clock runs around the clock or in its office hours, and the share of the time at which the
 * responder's manager is told. Blue (no safeguarding concern, no MASH response) has no clock.
 */
export const ragRatings = ['red', 'amber', 'green'] as const;
export type RagRating = (typeof ragRatings)[number];

const timescaleSchema = z.strictObject({
  hours: z
    .number({ message: 'Give the timescale in hours, such as 2 or 0.5' })
    .positive('A timescale must be more than 0 hours')
    .max(24 * 366, 'A timescale must be at most a year')
    .refine((h) => Number.isInteger(Math.round(h * 60 * 1e6) / 1e6), 'Give the timescale in whole minutes'),
  clock: z.enum(['around_the_clock', 'office_hours'], {
    message: 'The clock runs around_the_clock or in office_hours',
  }),
});

export const ragTimescalesSchema = z.strictObject({
  officeHours: officeHoursSchema,
  rag: z.strictObject({ red: timescaleSchema, amber: timescaleSchema, green: timescaleSchema }),
  /** The share of the time after which the responder's manager is told; breach is always told. */
  escalateAtShare: z
    .number()
    .gt(0, 'Escalate after more than none of the time')
    .lt(1, 'Escalate before the time runs out; the breach is escalated anyway')
    .default(0.75),
});

export type RagTimescales = z.output<typeof ragTimescalesSchema>;
export type RagTimescalesInput = z.input<typeof ragTimescalesSchema>;

/** Parses a partnership's timescales, naming every wrong field (`rag.amber.hours`). */
export function parseRagTimescales(input: unknown): RagTimescales {
  const parsed = ragTimescalesSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: FieldProblem[] = parsed.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: [...issue.path.map(String), key].join('.'),
          problem:
            issue.path.length === 1 && issue.path[0] === 'rag'
              ? `${key} is not a RAG rating with a clock: use red, amber or green`
              : 'This key is not part of the timescales',
        }))
      : [{ field: issue.path.map(String).join('.') || '(timescales)', problem: issue.message }],
  );
  throw new DomainError(
    'validation_failed',
    `The timescales are not valid: ${fields.map((f) => `${f.field}: ${f.problem}`).join('; ')}`,
    { fields },
  );
}

export function timescaleFor(timescales: RagTimescales, rag: RagRating): Timescale {
  const t = timescales.rag[rag];
  return { minutes: Math.round(t.hours * 60), clock: t.clock };
}

/** The deadline of one clock started under these timescales. */
export function ragDeadline(
  timescales: RagTimescales,
  options: {
    rag: RagRating;
    start: Date;
    holidays: HolidayCalendar;
    stops?: readonly StopInterval[] | undefined;
  },
): Deadline {
  return {
    start: options.start,
    timescale: timescaleFor(timescales, options.rag),
    officeHours: timescales.officeHours,
    holidays: options.holidays,
    stops: options.stops ?? [],
  };
}
