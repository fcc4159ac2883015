import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldGroupDefinitions, fieldGroups } from './field-groups.ts';
import { projectPayload } from './project-fields.ts';

test('a child protection status item shows the status and its dates, never whom to call or the last contact', () => {
  const shown = projectPayload('child_protection_status', {
    involvement: 'child_protection_plan',
    startDate: '2026-10-05',
    leadPractitioner: 'Sam Patel',
    leadPractitionerPhone: '01632 960 101',
    leadPractitionerEmail: 'sam.patel@northshire.example',
    lastContactDate: '2026-10-28',
    category: 'neglect',
  });
  assert.deepEqual(shown, { involvement: 'child_protection_plan', startDate: '2026-10-05' });
});

test('a lead contact item shows the name, role, work phone and email, and nothing else', () => {
  const shown = projectPayload('lead_contact', {
    leadPractitioner: 'Sam Patel',
    leadPractitionerRole: 'Social worker',
    leadPractitionerPhone: '01632 960 101',
    leadPractitionerEmail: 'sam.patel@northshire.example',
    summary: 'Neglect concerns',
    lastContactDate: '2026-10-28',
  });
  assert.deepEqual(Object.keys(shown).sort(), [
    'leadPractitioner',
    'leadPractitionerEmail',
    'leadPractitionerPhone',
    'leadPractitionerRole',
  ]);
});

test('the lead practitioner and how to reach them are declared by lead_contact alone', () => {
  const leadKeys = [
    'leadPractitioner',
    'leadPractitionerRole',
    'leadPractitionerPhone',
    'leadPractitionerEmail',
  ];
  for (const group of fieldGroups) {
    const declared = fieldGroupDefinitions[group].fields.filter((k) => leadKeys.includes(k));
    assert.deepEqual(declared, group === 'lead_contact' ? leadKeys : [], group);
  }
});

test('opinion markings are kept only for the keys still shown', () => {
  const shown = projectPayload('social_care_involvement', {
    involvement: 'child_in_need',
    summary: 'Parental mental health',
    leadPractitionerEmail: 'sam.patel@northshire.example',
    opinionFields: ['summary', 'leadPractitionerEmail'],
  });
  assert.deepEqual(shown.opinionFields, ['summary']);
});

test('an unknown group, or a payload that is not an object, shows nothing', () => {
  assert.deepEqual(projectPayload('case_notes', { summary: 'x' }), {});
  assert.deepEqual(projectPayload('identity', ['firstName']), {});
  assert.deepEqual(projectPayload('identity', null), {});
});
