import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PersonRecord } from '../policy/read-person-records.ts';
import type { OrganisationId } from '../shared/ids.ts';
import { projectPayload } from '../policy/project-fields.ts';
import { buildAgencies, buildChronology, buildFlags, filterChronology } from './build-child-view.ts';
import { chronologyCsv } from './chronology-csv.ts';

const council = 'council-id' as OrganisationId;
const school = 'school-id' as OrganisationId;
let n = 0;
const record = (
  fields: Partial<PersonRecord> & Pick<PersonRecord, 'fieldGroup' | 'kind' | 'payload'>,
): PersonRecord => ({
  id: `r${++n}`,
  subjectId: 'ap',
  agencyPersonId: 'ap',
  linkConfidence: 0.97,
  holderOrganisationId: council,
  holderName: 'Council',
  eventDate: '2026-10-01',
  recordedAt: new Date('2026-10-02T10:00:00Z'),
  factOrOpinion: 'fact',
  sourceReference: 'x',
  version: 1,
  ...fields,
});

test('a flag shows while its involvement is active on the day: started, and not yet ended', () => {
  const plan = (startDate: string, endDate?: string) =>
    record({
      fieldGroup: 'child_protection_status',
      kind: 'involvement',
      payload: { involvement: 'child_protection_plan', startDate, endDate },
    });
  assert.deepEqual(
    buildFlags([plan('2026-10-05')], '2026-11-02').map((f) => f.type),
    ['child_protection_plan'],
  );
  assert.deepEqual(buildFlags([plan('2026-10-05', '2026-11-02')], '2026-11-02'), [], 'ended today');
  assert.deepEqual(buildFlags([plan('2026-12-01')], '2026-11-02'), [], 'not yet started');
  const earlyHelp = record({
    fieldGroup: 'social_care_involvement',
    kind: 'involvement',
    payload: { involvement: 'early_help' },
  });
  assert.deepEqual(buildFlags([earlyHelp], '2026-11-02'), [], 'early help is not a flag');
});

test('a status item, as the policy reader projects it, shows only that the plan exists and its dates', () => {
  const status = record({
    fieldGroup: 'child_protection_status',
    kind: 'involvement',
    payload: projectPayload('child_protection_status', {
      involvement: 'child_protection_plan',
      startDate: '2026-10-05',
      leadPractitioner: 'Sam Patel',
      summary: 'Neglect',
    }),
  });
  assert.equal(buildAgencies([status])[0]?.leadPractitioner, null);
  assert.equal(buildChronology([status])[0]?.summary, 'Child protection plan from 5 Oct 2026');
});

test('agencies with a lead practitioner come first; last contact is the latest date any item gives', () => {
  const agencies = buildAgencies([
    record({
      holderOrganisationId: school,
      holderName: 'School',
      fieldGroup: 'education',
      kind: 'school_enrolment',
      payload: {},
      eventDate: '2026-10-30',
    }),
    record({
      fieldGroup: 'social_care_involvement',
      kind: 'involvement',
      payload: { involvement: 'child_in_need', lastContactDate: '2026-10-28' },
      eventDate: '2026-09-25',
    }),
    record({
      fieldGroup: 'lead_contact',
      kind: 'lead_contact',
      payload: { leadPractitioner: 'Sam Patel', leadPractitionerRole: 'Social worker' },
      eventDate: null,
    }),
  ]);
  assert.deepEqual(
    agencies.map((a) => [a.name, a.lastContactDate]),
    [
      ['Council', '2026-10-28'],
      ['School', '2026-10-30'],
    ],
  );
  assert.deepEqual(agencies[0]?.leadPractitioner, {
    name: 'Sam Patel',
    role: 'Social worker',
    phone: null,
    email: null,
  });
});

test('a lead contact names whom to call and is never a chronology entry', () => {
  const lead = record({
    fieldGroup: 'lead_contact',
    kind: 'lead_contact',
    payload: { leadPractitioner: 'Sam Patel', leadPractitionerEmail: 'sam.patel@northshire.example' },
  });
  assert.equal(buildAgencies([lead])[0]?.leadPractitioner?.email, 'sam.patel@northshire.example');
  assert.deepEqual(buildChronology([lead]), []);
});

test('a date range keeps only entries with an event date inside it, ends included', () => {
  const entries = buildChronology(
    ['2026-09-01', '2026-09-15', '2026-09-30', null].map((eventDate) =>
      record({ fieldGroup: 'housing', kind: 'housing', payload: { summary: 's' }, eventDate }),
    ),
  );
  assert.deepEqual(
    filterChronology(entries, { from: '2026-09-15', to: '2026-09-30' }).map((e) => e.eventDate),
    ['2026-09-30', '2026-09-15'],
  );
});

test('a kind filter keeps only entries of those kinds, and the CSV names each kind in words', () => {
  const entries = buildChronology([
    record({
      fieldGroup: 'police_incidents',
      kind: 'police_incident',
      payload: { summary: 'Missing episode' },
    }),
    record({ fieldGroup: 'physical_health', kind: 'health_contact', payload: { summary: 'Health visitor' } }),
    record({ fieldGroup: 'housing', kind: 'housing', payload: { summary: 'Moved' } }),
  ]);
  const kept = filterChronology(entries, { kinds: ['police_incident', 'housing'] });
  assert.deepEqual(
    kept.map((e) => e.kind),
    ['police_incident', 'housing'],
  );
  assert.equal(filterChronology(entries, { kinds: [] }).length, 3, 'no kind chosen is no filter');
  const csv = chronologyCsv(kept);
  assert.match(csv, /"Kind of record"/);
  assert.match(csv, /"Police incident"/);
  assert.doesNotMatch(csv, /police_incident|Health visitor/);
});

test('every cell a spreadsheet would read as a formula is quoted in the CSV (OWASP)', () => {
  // Summaries are trimmed, so a leading tab or carriage return can only reach a name cell.
  const entries = ['=1+1', '+1', '-1', '@SUM(A1)', 'plain'].map(
    (summary) =>
      buildChronology([record({ fieldGroup: 'housing', kind: 'housing', payload: { summary } })])[0]!,
  );
  const named = ['\tTab', '\rReturn'].map(
    (holderName) =>
      buildChronology([record({ holderName, fieldGroup: 'housing', kind: 'housing', payload: {} })])[0]!,
  );
  const rows = chronologyCsv([...entries, ...named]);
  for (const cell of ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tTab", "'\rReturn"])
    assert.ok(rows.includes(`,"${cell}",`), `${JSON.stringify(cell)} in ${JSON.stringify(rows)}`);
  assert.ok(!/,"[=+\-@\t\r]/.test(rows), 'no cell starts with a formula character');
});
