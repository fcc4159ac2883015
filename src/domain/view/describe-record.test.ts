import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRecord, eventDateOf, recordedDateOf } from './describe-record.ts';
import { plainDate } from '../shared/plain-date.ts';

test('dates read as "16 Aug 2026"; anything that is not a real date is left as given', () => {
  assert.equal(plainDate('2026-08-16'), '16 Aug 2026');
  assert.equal(plainDate('2027-01-04'), '4 Jan 2027');
  assert.equal(plainDate('2015-02-31'), '2015-02-31');
  assert.equal(plainDate('Autumn 2026'), 'Autumn 2026');
});

test('every kind of record reads as a plain sentence, with no agency-internal id and no ISO date', () => {
  const cases: [string, Parameters<typeof describeRecord>[1], Record<string, unknown>, string][] = [
    [
      'relationship',
      'family_household',
      { relatedPersonId: 'CSCF42f', relationship: 'parent_or_carer' },
      'Recorded as having a parent or carer (see the family network)',
    ],
    [
      'address',
      'contact',
      { address: '7 Valley Gardens', postcode: 'BS6 4AZ', fromDate: '2020-06-13' },
      'Living at 7 Valley Gardens, BS6 4AZ from 13 Jun 2020',
    ],
    [
      'involvement',
      'social_care_involvement',
      { involvement: 'child_in_need', startDate: '2025-07-04', summary: 'Parental mental health' },
      'Child in need from 4 Jul 2025: Parental mental health',
    ],
    [
      'school_enrolment',
      'education',
      { school: 'Riverside Primary School', yearGroup: 'Year 6', startDate: '2025-09-03' },
      'Enrolled at Riverside Primary School in Year 6 from 3 Sep 2025',
    ],
    [
      'school_attendance',
      'attendance_exclusions',
      { term: 'Autumn 2026', attendancePercent: '71', unauthorisedSessions: '8' },
      '71% attendance in Autumn 2026, 8 unauthorised sessions',
    ],
    [
      'school_exclusion',
      'attendance_exclusions',
      { exclusionType: 'suspension', startDate: '2026-08-23', days: '4', reason: 'Persistent disruption' },
      'Suspension for 4 days from 23 Aug 2026: Persistent disruption',
    ],
    [
      'police_incident',
      'police_incidents',
      { reference: 'NP/00003/26', incidentType: 'domestic_abuse', summary: 'Neighbours reported shouting' },
      'Domestic abuse incident: Neighbours reported shouting',
    ],
    [
      'health_contact',
      'physical_health',
      { contactType: 'ed_attendance', setting: 'Northshire General ED', summary: 'Minor head injury' },
      'Emergency department attendance (Northshire General ED): Minor head injury',
    ],
    [
      'youth_justice_order',
      'youth_justice',
      { order: 'Referral order', startDate: '2026-05-04', caseWorker: 'Mark Evans' },
      'Referral order from 4 May 2026, case worker Mark Evans',
    ],
    [
      'housing',
      'housing',
      { tenure: 'council tenancy', status: 'rent arrears', summary: 'Damp reported' },
      'Council tenancy, rent arrears: Damp reported',
    ],
  ];
  for (const [kind, group, payload, sentence] of cases) {
    const said = describeRecord(kind, group, payload);
    assert.equal(said, sentence, kind);
    assert.doesNotMatch(said, /\d{4}-\d{2}-\d{2}|CSCF|NP\/|[a-z]+_[a-z]+|[a-zA-Z]+: [A-Z0-9]+;/, kind);
  }
});

test('a status item says only that the plan exists and when, whatever else its feed sent', () => {
  const said = describeRecord('involvement', 'child_protection_status', {
    involvement: 'child_protection_plan',
    startDate: '2025-12-09',
    leadPractitioner: 'Sam Patel',
    summary: 'Neglect',
    recordedDate: '2025-12-10',
  });
  assert.equal(said, 'Child protection plan from 9 Dec 2025');
  assert.equal(recordedDateOf({}), null);
});

test('a record with nothing to say is named by its kind, never shown as raw keys', () => {
  assert.equal(
    describeRecord('relationship', 'family_household', { relatedPersonId: 'X1' }),
    'Family relationship',
  );
});

test('the event date comes from the feed, else from the payload, else is not given; never the load time', () => {
  assert.equal(eventDateOf('2026-01-02', { fromDate: '2020-01-01' }), '2026-01-02');
  assert.equal(eventDateOf(null, { fromDate: '2020-01-01' }), '2020-01-01');
  assert.equal(eventDateOf(null, { incidentDate: '2026-08-16' }), '2026-08-16');
  assert.equal(eventDateOf(null, { term: 'Autumn 2026' }), null);
  assert.equal(eventDateOf(null, { fromDate: 'soon' }), null);
});

test("'Recorded' is the agency's own recorded date when its feed gives one", () => {
  assert.equal(recordedDateOf({ recordedDate: '2026-08-17' }), '2026-08-17');
  assert.equal(recordedDateOf({}), null);
});
