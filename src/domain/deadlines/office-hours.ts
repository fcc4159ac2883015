import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import { minutesOfClockTime } from './london-time.ts';

/**
 * A partnership's office hours: the days and wall-clock times in Europe/London its front door
 * counts an office-hours clock (DOMAIN.md section 6: timescales are local, so every partnership
 * sets its own). Several sessions allow a shorter Friday; each day has at most one session.
 */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const clockTime = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Give a time as HH:MM on the 24-hour clock, such as 09:00');

const sessionSchema = z
  .strictObject({
    days: z.array(z.enum(weekdays)).min(1, 'Name at least one day'),
    opens: clockTime,
    closes: clockTime,
  })
  .superRefine((session, ctx) => {
    for (const key of ['opens', 'closes'] as const) {
      const minutes = minutesOfClockTime(session[key]);
      // The clocks change between 01:00 and 02:00 (Summer Time Order 2002): such a time happens
      // twice in October and not at all in March, so an office cannot open or close inside it.
      if (minutes > 60 && minutes < 120)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'The clocks change between 01:00 and 02:00; choose a time outside that hour',
        });
    }
    if (minutesOfClockTime(session.closes) <= minutesOfClockTime(session.opens))
      ctx.addIssue({
        code: 'custom',
        path: ['closes'],
        message: `The office must close after it opens (${session.opens})`,
      });
  });

export const officeHoursSchema = z
  .array(sessionSchema)
  .min(1, 'Give the office hours for at least one day')
  .superRefine((sessions, ctx) => {
    const seen = new Set<Weekday>();
    sessions.forEach((session, index) => {
      for (const day of session.days) {
        if (seen.has(day))
          ctx.addIssue({
            code: 'custom',
            path: [index, 'days'],
            message: `${day} is given office hours twice`,
          });
        seen.add(day);
      }
    });
  });

export type OfficeHours = z.infer<typeof officeHoursSchema>;

/** Opening and closing, in minutes after London midnight. */
export interface OpenWindow {
  readonly opens: number;
  readonly closes: number;
}

/** Index 0 is Monday, 6 Sunday; null where the office is closed all day. */
export type WeeklyHours = readonly (OpenWindow | null)[];

/** Checks office hours given as a typed input (the schema's rules), naming the field. */
export function compileOfficeHours(hours: OfficeHours, field = 'officeHours'): WeeklyHours {
  const parsed = officeHoursSchema.safeParse(hours);
  if (!parsed.success)
    throw new DomainError('validation_failed', 'Check the office hours', {
      fields: parsed.error.issues.map((issue) => ({
        field: [field, ...issue.path.map(String)].join('.'),
        problem: issue.message,
      })),
    });
  const week: (OpenWindow | null)[] = weekdays.map(() => null);
  for (const session of parsed.data)
    for (const day of session.days)
      week[weekdays.indexOf(day)] = {
        opens: minutesOfClockTime(session.opens),
        closes: minutesOfClockTime(session.closes),
      };
  return week;
}
