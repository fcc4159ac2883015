import { z } from 'zod';
import { termDatesSchema, type TermDates } from '../deadlines/school-days.ts';
import termDatesData from './term-dates.json' with { type: 'json' };

/**
 * Term dates, held as data (term-dates.json): a school's own where it sets them (academies,
 * foundation and voluntary aided schools set their own; School Standards and Framework Act 1998
 * s32 and the Education (School Day and School Year) (England) Regulations 1999), else its
 * council's pattern for the partnership. Operation Encompass counts school days from them
 * (deadlines/school-days.ts).
 */
const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'Give a time as HH:MM, such as 08:45');
const datedSchema = termDatesSchema.extend({ schoolDayStarts: clockTime });
const catalogueSchema = z.strictObject({
  councils: z.array(datedSchema.extend({ partnershipId: z.uuid() })),
  schools: z.array(datedSchema.extend({ organisationId: z.uuid() })),
});
export type TermDatesCatalogue = z.output<typeof catalogueSchema>;

export interface SchoolCalendar {
  readonly termDates: TermDates;
  /** When the school day starts, London wall-clock time. */
  readonly schoolDayStarts: string;
}

/**
 * With no term dates held for the school or its partnership, every weekday is a school day:
 * a notice is then due sooner than it might be, never later.
 */
const everyWeekday: SchoolCalendar = {
  termDates: {
    name: 'every weekday (no term dates held)',
    terms: [{ from: '2000-01-01', to: '2099-12-31' }],
  },
  schoolDayStarts: '08:30',
};

export function parseTermDatesCatalogue(data: unknown): TermDatesCatalogue {
  return catalogueSchema.parse(data);
}

export const termDatesCatalogue: TermDatesCatalogue = parseTermDatesCatalogue(termDatesData);

export function schoolCalendarOf(
  school: { readonly partnershipId: string; readonly organisationId: string },
  catalogue: TermDatesCatalogue = termDatesCatalogue,
): SchoolCalendar {
  const own =
    catalogue.schools.find((s) => s.organisationId === school.organisationId) ??
    catalogue.councils.find((c) => c.partnershipId === school.partnershipId);
  if (!own) return everyWeekday;
  const { schoolDayStarts, name, terms, closures } = own;
  return { termDates: { name, terms, closures }, schoolDayStarts };
}
