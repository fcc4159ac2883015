import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { northshireFlows, northshirePartnershipId, org } from '../../../test/support/northshire-flows.ts';
import { demoOrganisations } from '../demo/northshire.ts';
import { roles, type Role } from '../partnership/roles.ts';
import type { OrganisationId } from '../shared/ids.ts';
import { decideAccess } from './decide-access.ts';
import { explainDecision } from './explain-decision.ts';
import { fieldGroups, type FieldGroup } from './field-groups.ts';
import { purposes, type Purpose } from './purposes.ts';

const names = new Map(demoOrganisations.map((o) => [o.id, o.name]));

function explain(
  viewer: OrganisationId,
  role: Role,
  purpose: Purpose,
  holder: OrganisationId,
  fieldGroup: FieldGroup,
  at = new Date('2026-11-02T09:00:00Z'),
): string {
  const actor = { partnershipId: northshirePartnershipId, organisationId: viewer, role };
  const [decision] = decideAccess(
    { actor, purpose, holders: [holder], fieldGroups: [fieldGroup], at },
    northshireFlows,
  );
  return explainDecision(decision!, {
    role,
    viewerOrganisationId: viewer,
    organisationName: (id) => names.get(id),
  });
}

describe('a decision explains itself in words a practitioner understands', () => {
  test('shown: the agreement, the organisations, the information and the purpose', () => {
    assert.equal(
      explain(org.childrensServices, 'practitioner', 's47_enquiry', org.police, 'police_incidents'),
      "Shown because agreement T2-014 (s47 enquiries, Northshire Police → Northshire County Council Children's Services) covers 'Police incidents' for the purpose 'Section 47 enquiry'",
    );
  });

  test("shown: the organisation's own records", () => {
    assert.equal(
      explain(org.school, 'designated_safeguarding_lead', 'early_help', org.school, 'attendance_exclusions'),
      "Shown because Riverside Primary School is your own organisation: it holds this record itself, and a designated safeguarding lead may use its records for the purpose 'Early help (with consent)'",
    );
  });

  test('not shown: no agreement in force', () => {
    assert.equal(
      explain(org.school, 'designated_safeguarding_lead', 'early_help', org.trust, 'mental_health'),
      "Not shown: no agreement in force lets Riverside Primary School see 'Mental health' held by Northshire Hospitals NHS Foundation Trust for 'Early help (with consent)'",
    );
  });

  test('not shown: the role may not act for the purpose', () => {
    assert.equal(
      explain(org.childrensServices, 'partnership_admin', 's47_enquiry', org.police, 'identity'),
      "Not shown: a partnership administrator may not act for the purpose 'Section 47 enquiry'",
    );
  });

  test('not shown: the agreement in force does not cover the purpose', () => {
    assert.equal(
      explain(org.school, 'designated_safeguarding_lead', 'early_help', org.police, 'identity'),
      "Not shown: the only agreement in force between Northshire Police and Riverside Primary School, T2-020, does not cover the purpose 'Early help (with consent)'",
    );
  });

  test('not shown: the agreement does not carry the field group', () => {
    assert.equal(
      explain(org.childrensServices, 'practitioner', 's47_enquiry', org.police, 'mental_health'),
      "Not shown: agreement T2-014 lets Northshire County Council Children's Services see information held by Northshire Police for 'Section 47 enquiry', but not 'Mental health'",
    );
  });

  test('not shown: the agreement has expired, with the day it ended', () => {
    assert.equal(
      explain(
        org.childrensServices,
        'front_door_officer',
        'front_door_screening',
        org.police,
        'police_incidents',
      ),
      "Not shown: agreement T2-007 (Front door screening 2023 to 2026, Northshire Police → Northshire County Council Children's Services) covered 'Police incidents' for the purpose 'Front door (MASH) screening', but stopped being in force on 1 April 2026",
    );
  });

  test('not shown: the agreement has not started, with the day it starts', () => {
    assert.equal(
      explain(org.childrensServices, 'front_door_officer', 'front_door_screening', org.housing, 'housing'),
      "Not shown: agreement T2-040 (Housing checks, Northshire Homes → Northshire County Council Children's Services) will cover 'Housing' for the purpose 'Front door (MASH) screening', but is not in force until 1 January 2027",
    );
  });

  test('every decision has a sentence, with names and labels and no placeholders', () => {
    const orgIds = demoOrganisations.map((o) => o.id as OrganisationId);
    fc.assert(
      fc.property(
        fc.constantFrom(...orgIds),
        fc.constantFrom(...roles),
        fc.constantFrom(...purposes),
        fc.constantFrom(...orgIds),
        fc.constantFrom(...fieldGroups),
        (viewer, role, purpose, holder, group) => {
          const words = explain(viewer, role, purpose, holder, group);
          assert.match(words, /^(Shown because|Not shown: )/);
          assert.doesNotMatch(words, /undefined|null|NaN|\[object|_/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
