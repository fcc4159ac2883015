import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  flowInForce,
  northshireFlows,
  northshirePartnershipId,
  org,
} from '../../../test/support/northshire-flows.ts';
import type { Role } from '../partnership/roles.ts';
import type { OrganisationId, PartnershipId } from '../shared/ids.ts';
import type { DecisionActor, FieldGroupDecision } from './access-decision.ts';
import { compilePolicy } from './compile-policy.ts';
import { allowedScope, decideAccess, decideFieldGroup } from './decide-access.ts';
import type { FieldGroup } from './field-groups.ts';
import type { FlowInForce } from './flows-in-force.ts';
import type { Purpose } from './purposes.ts';

const as = (organisationId: OrganisationId, role: Role): DecisionActor => ({
  partnershipId: northshirePartnershipId,
  organisationId,
  role,
});
/** Sam Patel, social worker at Northshire Children's Services. */
const samPatel = as(org.childrensServices, 'practitioner');
/** Grace Obi, front door (MASH) officer at Northshire Children's Services. */
const graceObi = as(org.childrensServices, 'front_door_officer');
/** Jo Baker, designated safeguarding lead at Riverside Primary School. */
const joBaker = as(org.school, 'designated_safeguarding_lead');
/** Alex Morgan, partnership administrator. */
const alexMorgan = as(org.childrensServices, 'partnership_admin');

const now = new Date('2026-11-02T09:00:00Z');

function decide(
  actor: DecisionActor,
  purpose: Purpose,
  holder: OrganisationId,
  fieldGroup: FieldGroup,
  options: { at?: Date; flows?: readonly FlowInForce[] } = {},
): FieldGroupDecision {
  const request = { actor, purpose, holders: [holder], fieldGroups: [fieldGroup], at: options.at ?? now };
  return decideAccess(request, options.flows ?? northshireFlows)[0]!;
}

describe('the access decision', () => {
  test('a social worker on a s47 enquiry sees police incidents, because T2-014 covers them', () => {
    const d = decide(samPatel, 's47_enquiry', org.police, 'police_incidents');
    assert.equal(d.outcome, 'allow');
    assert.equal(d.reason, 'agreement_in_force');
    if (d.outcome !== 'allow') return;
    assert.deepEqual(
      [d.agreement?.reference, d.agreement?.version, d.agreement?.flowId, d.agreement?.agreementId],
      ['T2-014', 2, 'T2-014-F1', 'agreement-T2-014'],
    );
    assert.deepEqual(d.gatewayIds, ['CA1989-S47', 'UKGDPR-A6-1E', 'UKGDPR-A10', 'DPA2018-S1-P18']);
  });

  test("an organisation's own records are shown for any purpose its role may act for, with no agreement", () => {
    const d = decide(joBaker, 'early_help', org.school, 'mental_health');
    assert.deepEqual(d.outcome === 'allow' && [d.reason, d.agreement, d.gatewayIds], [
      'own_organisation',
      null,
      [],
    ]);
  });

  test('a role that may not act for the purpose sees nothing, not even its own records', () => {
    assert.equal(decide(joBaker, 's47_enquiry', org.school, 'education').reason, 'role_not_permitted');
    assert.equal(
      decide(alexMorgan, 's47_enquiry', org.police, 'police_incidents').reason,
      'role_not_permitted',
    );
    assert.equal(
      decide(alexMorgan, 'early_help', org.childrensServices, 'identity').reason,
      'role_not_permitted',
    );
  });

  test('with no agreement between the holder and the viewer, nothing is shown', () => {
    const d = decide(joBaker, 'early_help', org.trust, 'mental_health');
    assert.deepEqual([d.outcome, d.reason], ['deny', 'no_agreement']);
  });

  test('an agreement in force for other purposes does not cover this one', () => {
    const d = decide(joBaker, 'early_help', org.police, 'identity');
    assert.deepEqual([d.outcome, d.reason], ['deny', 'purpose_not_covered']);
    assert.deepEqual(d.outcome === 'deny' && d.agreements.map((a) => a.reference), ['T2-020']);
  });

  test('an agreement for the purpose that does not carry the field group does not cover it', () => {
    const d = decide(samPatel, 's47_enquiry', org.police, 'mental_health');
    assert.deepEqual([d.outcome, d.reason], ['deny', 'field_group_not_covered']);
    assert.deepEqual(d.outcome === 'deny' && d.agreements.map((a) => a.flowId), ['T2-014-F1']);
  });

  test('an expired agreement stops disclosure at the instant it ends', () => {
    const ends = new Date('2026-04-01T00:00:00+01:00');
    const before = decide(graceObi, 'front_door_screening', org.police, 'police_incidents', {
      at: new Date(ends.getTime() - 1),
    });
    assert.equal(before.outcome === 'allow' && before.agreement?.reference, 'T2-007');
    const at = decide(graceObi, 'front_door_screening', org.police, 'police_incidents', { at: ends });
    assert.deepEqual([at.outcome, at.reason], ['deny', 'agreement_expired']);
    assert.equal(
      decide(graceObi, 'front_door_screening', org.police, 'police_incidents').reason,
      'agreement_expired',
    );
  });

  test('an agreement that has not started yet discloses nothing until it starts', () => {
    const d = decide(graceObi, 'front_door_screening', org.housing, 'housing');
    assert.deepEqual([d.outcome, d.reason], ['deny', 'agreement_not_started']);
    const later = decide(graceObi, 'front_door_screening', org.housing, 'housing', {
      at: new Date('2027-01-01T00:00:00Z'),
    });
    assert.equal(later.outcome === 'allow' && later.agreement?.reference, 'T2-040');
  });

  test("another partnership's agreements never apply, even between organisations of the same ids", () => {
    const southvale = '7a2d3b5f-1c8e-4d66-8b42-3e9f6c8a1b01' as PartnershipId;
    const foreign = northshireFlows.map((f) => ({ ...f, partnershipId: southvale }));
    const d = decide(samPatel, 's47_enquiry', org.police, 'police_incidents', { flows: foreign });
    assert.deepEqual([d.outcome, d.reason], ['deny', 'no_agreement']);
  });

  test('a purpose or field group the catalogue does not know is never allowed', () => {
    const odd = flowInForce({
      reference: 'T2-099',
      title: 'From a newer catalogue',
      flow: 'F1',
      from: org.gp,
      to: org.childrensServices,
      purposes: ['s47_enquiry', 'something_new' as Purpose],
      fieldGroups: ['genome' as FieldGroup],
      gatewayIds: [],
    });
    const d = decide(samPatel, 's47_enquiry', org.gp, 'genome' as FieldGroup, { flows: [odd] });
    assert.equal(d.outcome, 'deny');
  });

  test('when two agreements both allow, the first by reference is named, whatever the order given', () => {
    const second = flowInForce({
      reference: 'T2-001',
      title: 'Strategy discussions',
      flow: 'F9',
      from: org.police,
      to: org.childrensServices,
      purposes: ['s47_enquiry'],
      fieldGroups: ['police_incidents'],
      gatewayIds: ['CA1989-S47'],
    });
    for (const flows of [
      [...northshireFlows, second],
      [second, ...northshireFlows],
    ]) {
      const d = decide(samPatel, 's47_enquiry', org.police, 'police_incidents', { flows });
      assert.equal(d.outcome === 'allow' && d.agreement?.reference, 'T2-001');
    }
  });

  test('one decision per holder and field group, holders first', () => {
    const decisions = decideAccess(
      {
        actor: samPatel,
        purpose: 's47_enquiry',
        holders: [org.police, org.trust],
        fieldGroups: ['identity', 'housing'],
        at: now,
      },
      northshireFlows,
    );
    assert.deepEqual(
      decisions.map((d) => [d.holderOrganisationId, d.fieldGroup, d.outcome]),
      [
        [org.police, 'identity', 'allow'],
        [org.police, 'housing', 'deny'],
        [org.trust, 'identity', 'allow'],
        [org.trust, 'housing', 'deny'],
      ],
    );
  });
});

describe('the allowed scope of a read', () => {
  const policy = compilePolicy(northshireFlows);

  test('lists own records and what each agreement in force carries, and nothing not yet in force', () => {
    const scope = allowedScope(policy, samPatel, 's47_enquiry', now, [
      'identity',
      'police_incidents',
      'housing',
      'education',
    ]);
    assert.deepEqual(Object.fromEntries(scope.holders), {
      [org.childrensServices]: ['identity', 'police_incidents', 'housing', 'education'],
      [org.police]: ['identity', 'police_incidents'],
      [org.trust]: ['identity'],
      [org.school]: ['identity', 'education'],
    });
  });

  test('is empty for a role that may not act for the purpose', () => {
    assert.equal(allowedScope(policy, alexMorgan, 'early_help', now).holders.size, 0);
  });

  test('agrees with the decision for every holder and field group of the fixture', () => {
    const scope = allowedScope(policy, joBaker, 'operation_encompass', now);
    for (const holder of Object.values(org)) {
      for (const group of ['identity', 'domestic_abuse_notifications', 'mental_health'] as const) {
        const allowed = decideFieldGroup(
          policy,
          joBaker,
          'operation_encompass',
          holder,
          group,
          now.getTime(),
        );
        assert.equal(
          scope.holders.get(holder)?.includes(group) ?? false,
          allowed.outcome === 'allow',
          `${holder} ${group}`,
        );
      }
    }
  });
});
