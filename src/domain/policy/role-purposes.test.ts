import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { organisationTypes, roles } from '../partnership/roles.ts';
import { agreementPurposes, purposeOrganisationTypes, purposes, type Purpose } from './purposes.ts';
import { mayActFor, mayActForAs, mayBreakGlass, rolePurposes } from './role-purposes.ts';

describe('the purposes a role may act for', () => {
  test("administrators, the DPO and the Caldicott guardian read no child's record for any purpose", () => {
    for (const role of [
      'partnership_admin',
      'system_admin',
      'data_protection_officer',
      'caldicott_guardian',
    ] as const) {
      assert.deepEqual(
        purposes.filter((p) => mayActFor(role, p)),
        [],
        role,
      );
    }
  });

  test('a front door officer screens contacts and joins strategy discussions, and no more', () => {
    assert.deepEqual(
      purposes.filter((p) => mayActFor('front_door_officer', p)),
      ['front_door_screening', 'strategy_discussion'],
    );
  });

  test("a school's designated safeguarding lead receives Operation Encompass notices and contributes to conferences, but does not conduct s47 enquiries", () => {
    assert.ok(mayActFor('designated_safeguarding_lead', 'operation_encompass'));
    assert.ok(mayActFor('designated_safeguarding_lead', 'child_protection_conference'));
    assert.ok(mayActFor('designated_safeguarding_lead', 'early_help'));
    assert.equal(mayActFor('designated_safeguarding_lead', 's47_enquiry'), false);
  });

  test('a team manager acts for s47 enquiries and conferences; a practitioner does not screen at the front door', () => {
    assert.ok(mayActFor('team_manager', 's47_enquiry'));
    assert.ok(mayActFor('team_manager', 'child_protection_conference'));
    assert.equal(mayActFor('practitioner', 'front_door_screening'), false);
  });

  test('no role reads for a s16H request: the holder answers it through the requests module', () => {
    assert.deepEqual(
      roles.filter((r) => mayActFor(r, 's16h_request')),
      [],
    );
  });

  test("no role acts for 'emergency' by standing right, no agreement may carry it, and only casework roles break glass", () => {
    assert.deepEqual(
      roles.filter((r) => mayActFor(r, 'emergency')),
      [],
    );
    assert.equal((agreementPurposes as readonly string[]).includes('emergency'), false);
    assert.deepEqual(
      roles.filter((r) => mayBreakGlass(r)),
      ['practitioner', 'designated_safeguarding_lead', 'front_door_officer', 'team_manager'],
    );
  });

  test('the fast check agrees with the table for every role and purpose', () => {
    for (const role of roles) {
      for (const purpose of purposes) {
        assert.equal(
          mayActFor(role, purpose),
          (rolePurposes[role] as readonly Purpose[]).includes(purpose),
          `${role} ${purpose}`,
        );
      }
    }
  });

  test('purposes fit the organisation too: a police practitioner is not offered looked-after care', () => {
    const police = { role: 'practitioner', organisationType: 'police' } as const;
    assert.deepEqual(
      purposes.filter((p) => mayActForAs(police, p)),
      [
        'early_help',
        'child_in_need_assessment',
        'strategy_discussion',
        's47_enquiry',
        'child_protection_conference',
      ],
    );
    const socialWorker = { role: 'practitioner', organisationType: 'council_childrens_social_care' } as const;
    assert.ok(mayActForAs(socialWorker, 'looked_after_care'));
    assert.equal(
      mayActForAs({ role: 'practitioner', organisationType: 'housing' }, 's47_enquiry'),
      false,
      'housing contributes to conferences, it does not conduct s47 enquiries',
    );
  });

  test('the fast check by role and organisation agrees with both tables', () => {
    for (const role of roles)
      for (const organisationType of organisationTypes)
        for (const purpose of purposes)
          assert.equal(
            mayActForAs({ role, organisationType }, purpose),
            (rolePurposes[role] as readonly Purpose[]).includes(purpose) &&
              (purposeOrganisationTypes[purpose] as readonly string[]).includes(organisationType),
            `${role} at ${organisationType}: ${purpose}`,
          );
  });
});
