import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { northshire } from '../../../test/support/personas.ts';
import { systemActor, type Actor } from '../shared/actor.ts';
import type { MembershipId, UserId } from '../shared/ids.ts';
import { can, overAnyOf, overOrganisation, partnershipWide } from './capabilities.ts';
import { grantableRoles, whyNotGrant } from './role-grants.ts';
import type { Role } from './roles.ts';

const csc = northshire.childrensServicesId;
const police = northshire.policeId;
const someoneElse = '6f1c2a4e-0b7d-4c55-9a31-2d8e5b7f0b99';

const actor = (role: Role, organisationId = csc): Actor => ({
  kind: 'user',
  userId: '6f1c2a4e-0b7d-4c55-9a31-2d8e5b7f0b10' as UserId,
  partnershipId: northshire.partnershipId,
  organisationId,
  organisationType: organisationId === police ? 'police' : 'council_childrens_social_care',
  membershipId: '6f1c2a4e-0b7d-4c55-9a31-2d8e5b7f0c10' as MembershipId,
  role,
});

describe('capabilities carry a scope', () => {
  test('an organisation-scoped capability reaches its own organisation only', () => {
    const dpo = actor('data_protection_officer');
    assert.equal(can(dpo, 'manage_agreements', overAnyOf([csc, police])), true);
    assert.equal(can(dpo, 'manage_agreements', overAnyOf([police])), false);
    assert.equal(can(dpo, 'manage_agreements', partnershipWide), false);
    assert.equal(can(dpo, 'read_agreements', partnershipWide), true);
  });

  test('feeds: an administrator loads its own organisation, the system administrator any', () => {
    assert.equal(can(actor('partnership_admin'), 'ingest_feeds', overOrganisation(police)), false);
    assert.equal(can(actor('organisation_admin', police), 'ingest_feeds', overOrganisation(police)), true);
    assert.equal(can(actor('system_admin'), 'ingest_feeds', overOrganisation(police)), true);
    assert.equal(can(actor('practitioner'), 'ingest_feeds', overOrganisation(csc)), false);
  });
});

describe('who may grant which role where', () => {
  test('nobody grants a role to themselves', () => {
    const admin = actor('organisation_admin');
    assert.equal(
      whyNotGrant(admin, {
        userId: (admin as { userId: string }).userId,
        organisationId: csc,
        role: 'practitioner',
      }),
      'own_role',
    );
  });

  test('each administrator grants the roles of its level, in its own organisation', () => {
    const grant = (a: Actor, organisationId: string, role: Role) =>
      whyNotGrant(a, { userId: someoneElse, organisationId, role });
    assert.equal(grant(actor('organisation_admin'), csc, 'practitioner'), undefined);
    assert.equal(grant(actor('organisation_admin'), police, 'practitioner'), 'other_organisation');
    assert.equal(grant(actor('organisation_admin'), csc, 'partnership_admin'), 'role_level');
    assert.equal(grant(actor('partnership_admin'), csc, 'partnership_admin'), undefined);
    assert.equal(grant(actor('partnership_admin'), police, 'partnership_admin'), 'other_organisation');
    assert.equal(grant(actor('partnership_admin'), police, 'front_door_officer'), 'role_level');
    assert.equal(grant(actor('system_admin'), csc, 'system_admin'), 'role_level');
    assert.equal(grant(actor('data_protection_officer'), csc, 'practitioner'), 'role_level');
    assert.equal(
      grant(systemActor(northshire.partnershipId, 'cli:user-add'), police, 'system_admin'),
      undefined,
    );
  });

  test('the forms offer exactly the grantable roles', () => {
    assert.deepEqual(grantableRoles(actor('partnership_admin')), ['partnership_admin']);
    assert.deepEqual(grantableRoles(actor('practitioner')), []);
    assert.deepEqual(grantableRoles(actor('organisation_admin')), [
      'practitioner',
      'designated_safeguarding_lead',
      'front_door_officer',
      'team_manager',
      'data_protection_officer',
      'caldicott_guardian',
      'organisation_admin',
    ]);
  });
});
