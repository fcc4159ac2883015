import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextSchoolDayStart } from '../deadlines/school-days.ts';
import { demoOrganisations, demoPartnership } from '../demo/northshire.ts';
import { schoolCalendarOf } from './term-dates.ts';

/** Operation Encompass deadlines from the term dates held as data (term-dates.json). */
const riverside = schoolCalendarOf({
  partnershipId: demoPartnership.id,
  organisationId: demoOrganisations.find((o) => o.key === 'school')!.id,
});
const due = (at: string) =>
  nextSchoolDayStart(new Date(at), riverside.termDates, riverside.schoolDayStarts).toISOString();

describe('the next school day at Riverside Primary', () => {
  test('a Friday evening incident is due at Monday’s start (08:40 London)', () => {
    assert.equal(due('2026-11-20T18:00:00Z'), '2026-11-23T08:40:00.000Z');
  });
  test('the Early May bank holiday is no school day: due on the Tuesday, in British Summer Time', () => {
    assert.equal(due('2027-04-30T18:00:00Z'), '2027-05-04T07:40:00.000Z');
  });
  test('over half term, due on the first day back; over Christmas, past the INSET day', () => {
    assert.equal(due('2027-02-12T16:00:00Z'), '2027-02-22T08:40:00.000Z');
    assert.equal(due('2026-12-18T19:30:00Z'), '2027-01-06T08:40:00.000Z');
  });
  test('a school with no term dates held, in a partnership with none: every weekday counts', () => {
    const none = schoolCalendarOf({
      partnershipId: '00000000-0000-4000-8000-000000000000',
      organisationId: '00000000-0000-4000-8000-000000000001',
    });
    assert.equal(
      nextSchoolDayStart(
        new Date('2026-12-24T20:00:00Z'),
        none.termDates,
        none.schoolDayStarts,
      ).toISOString(),
      '2026-12-29T08:30:00.000Z',
      'Christmas Day and Boxing Day (substitute Monday 28th) are bank holidays',
    );
  });
});
