import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { roles, type Role } from '../partnership/roles.ts';
import type { OrganisationId, PartnershipId } from '../shared/ids.ts';
import type {
  AccessRequest,
  AgreementBasis,
  DenyDecision,
  DenyReason,
  FieldGroupDecision,
} from './access-decision.ts';
import { compilePolicy } from './compile-policy.ts';
import { allowedScope, decideAccess, decideFieldGroup, decideWithPolicy } from './decide-access.ts';
import { fieldGroups, type FieldGroup } from './field-groups.ts';
import type { FlowInForce } from './flows-in-force.ts';
import { purposes, type Purpose } from './purposes.ts';
import { rolePurposes } from './role-purposes.ts';

/**
 * The compiled decision against a reference written straight from the rules, with arrays and
 * no index, on random partnerships of flows. If the index, the bitmasks or the time windows
 * were wrong anywhere, some random case would find it.
 */
const partnershipIds = ['p-north', 'p-south'] as PartnershipId[];
const organisationIds = ['o-csc', 'o-police', 'o-trust', 'o-school'] as OrganisationId[];
// Few days and short agreements, so that reads often fall exactly on a flow's first or last instant.
const day = 86_400_000;
const epoch = Date.UTC(2026, 0, 1);
const instant = fc.integer({ min: 0, max: 12 }).map((d) => new Date(epoch + d * day));

const flowArb: fc.Arbitrary<FlowInForce> = fc
  .record({
    partnershipId: fc.constantFrom(...partnershipIds),
    reference: fc.constantFrom('T2-001', 'T2-002', 'T2-003', 'T2-004'),
    version: fc.integer({ min: 1, max: 3 }),
    flow: fc.constantFrom('F1', 'F2', 'F3'),
    from: fc.constantFrom(...organisationIds),
    to: fc.constantFrom(...organisationIds),
    purposes: fc.subarray([...purposes], { minLength: 1 }),
    fieldGroups: fc.subarray([...fieldGroups], { minLength: 1 }),
    gatewayIds: fc.subarray(['CA1989-S47', 'UKGDPR-A6-1E', 'UKGDPR-A9-2H', 'UKGDPR-A10']),
    validFrom: instant,
    lengthDays: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  })
  .map((f) => ({
    partnershipId: f.partnershipId,
    agreementId: `id-${f.reference}`,
    agreementReference: f.reference,
    agreementTitle: `Agreement ${f.reference}`,
    agreementVersion: f.version,
    flowId: `${f.reference}-v${f.version}-${f.flow}-${f.from}-${f.to}`,
    fromOrganisationId: f.from,
    toOrganisationId: f.to,
    purposes: f.purposes,
    fieldGroups: f.fieldGroups,
    gatewayIds: f.gatewayIds,
    validFrom: f.validFrom,
    validTo: f.lengthDays === null ? null : new Date(f.validFrom.getTime() + f.lengthDays * day),
  }));

const requestArb: fc.Arbitrary<AccessRequest> = fc.record({
  actor: fc.record({
    partnershipId: fc.constantFrom(...partnershipIds),
    organisationId: fc.constantFrom(...organisationIds),
    // Mostly roles that may act for many purposes, so that agreements get tested, not just roles.
    role: fc.oneof(
      { arbitrary: fc.constantFrom(...roles), weight: 1 },
      { arbitrary: fc.constantFrom<Role>('team_manager', 'practitioner'), weight: 3 },
    ),
  }),
  purpose: fc.constantFrom(...purposes),
  holders: fc.shuffledSubarray(organisationIds, { minLength: 1 }),
  fieldGroups: fc.subarray([...fieldGroups], { minLength: 1 }),
  at: instant,
});

// A flow id names one flow of one agreement version between one pair (findFlowsInForce never
// repeats one), so the generated flows are unique by it, as the reader's flows are.
const flowsArb = fc.uniqueArray(flowArb, {
  maxLength: 40,
  selector: (f) => `${f.partnershipId}/${f.flowId}`,
});

const flowsAndShuffled = flowsArb.chain((flows) =>
  fc.tuple(
    fc.constant(flows),
    fc.shuffledSubarray(flows, { minLength: flows.length, maxLength: flows.length }),
  ),
);

const live = (f: FlowInForce, at: Date) => f.validFrom <= at && (f.validTo === null || at < f.validTo);
const covers = (f: FlowInForce, p: Purpose, g: FieldGroup) =>
  f.purposes.includes(p) && f.fieldGroups.includes(g);
const mayAct = (role: Role, p: Purpose) => (rolePurposes[role] as readonly Purpose[]).includes(p);

function basis(f: FlowInForce): AgreementBasis {
  return {
    agreementId: f.agreementId,
    reference: f.agreementReference,
    title: f.agreementTitle,
    version: f.agreementVersion,
    flowId: f.flowId,
    fromOrganisationId: f.fromOrganisationId,
    toOrganisationId: f.toOrganisationId,
    validFrom: f.validFrom,
    validTo: f.validTo,
  };
}

/** The rules as the specification states them, with no index at all. */
function referenceDecision(flows: readonly FlowInForce[], request: AccessRequest): FieldGroupDecision[] {
  const { actor, purpose, at } = request;
  const ordered = [...flows].sort(
    (a, b) =>
      (a.agreementReference < b.agreementReference
        ? -1
        : a.agreementReference > b.agreementReference
          ? 1
          : 0) ||
      a.agreementVersion - b.agreementVersion ||
      (a.flowId < b.flowId ? -1 : a.flowId > b.flowId ? 1 : 0),
  );
  return request.holders.flatMap((holder) =>
    request.fieldGroups.map((fieldGroup): FieldGroupDecision => {
      const common = { holderOrganisationId: holder, fieldGroup, purpose };
      const deny = (reason: DenyReason, list: FlowInForce[] = []): DenyDecision => ({
        ...common,
        outcome: 'deny',
        reason,
        agreements: list.map(basis),
      });
      if (!mayAct(actor.role, purpose)) return deny('role_not_permitted');
      if (holder === actor.organisationId) {
        return { ...common, outcome: 'allow', reason: 'own_organisation', agreement: null, gatewayIds: [] };
      }
      const pair = ordered.filter(
        (f) =>
          f.partnershipId === actor.partnershipId &&
          f.fromOrganisationId === holder &&
          f.toOrganisationId === actor.organisationId,
      );
      const covering = pair.filter((f) => covers(f, purpose, fieldGroup));
      const allowing = covering.find((f) => live(f, at));
      if (allowing) {
        return {
          ...common,
          outcome: 'allow',
          reason: 'agreement_in_force',
          agreement: basis(allowing),
          gatewayIds: allowing.gatewayIds,
        };
      }
      const future = covering.filter((f) => at < f.validFrom);
      if (future.length > 0) return deny('agreement_not_started', future);
      if (covering.length > 0) return deny('agreement_expired', covering);
      const current = pair.filter((f) => live(f, at));
      if (current.length === 0) return deny('no_agreement');
      const forPurpose = current.filter((f) => f.purposes.includes(purpose));
      return forPurpose.length === 0
        ? deny('purpose_not_covered', current)
        : deny('field_group_not_covered', forPurpose);
    }),
  );
}

const runs = { numRuns: 500 };

describe('the compiled decision, on random partnerships', () => {
  test('never allows a field group that no flow in force covers for that purpose and pair at that time', () => {
    fc.assert(
      fc.property(flowsArb, requestArb, (flows, request) => {
        for (const d of decideAccess(request, flows)) {
          if (d.outcome !== 'allow') continue;
          const { actor, purpose, at } = request;
          assert.ok(mayAct(actor.role, purpose), 'the role may act for the purpose');
          if (d.reason === 'own_organisation') {
            assert.equal(d.holderOrganisationId, actor.organisationId);
            continue;
          }
          const relied = flows.find(
            (f) => f.flowId === d.agreement?.flowId && f.partnershipId === actor.partnershipId,
          );
          assert.ok(relied, 'the flow relied on exists in this partnership');
          assert.equal(relied.fromOrganisationId, d.holderOrganisationId);
          assert.equal(relied.toOrganisationId, actor.organisationId);
          assert.ok(covers(relied, purpose, d.fieldGroup) && live(relied, at), 'and covers it now');
        }
      }),
      runs,
    );
  });

  test('equals the reference implementation', () => {
    fc.assert(
      fc.property(flowsArb, requestArb, (flows, request) => {
        assert.deepStrictEqual(decideAccess(request, flows), referenceDecision(flows, request));
      }),
      runs,
    );
  });

  test('does not depend on the order the flows arrive in', () => {
    fc.assert(
      fc.property(flowsAndShuffled, requestArb, ([flows, shuffled], request) => {
        assert.deepStrictEqual(
          decideWithPolicy(compilePolicy(shuffled), request),
          decideWithPolicy(compilePolicy(flows), request),
        );
      }),
      runs,
    );
  });

  test('the row filter of a read allows exactly what the decision allows', () => {
    fc.assert(
      fc.property(flowsArb, requestArb, (flows, request) => {
        const policy = compilePolicy(flows);
        const scope = allowedScope(policy, request.actor, request.purpose, request.at, request.fieldGroups);
        for (const holder of organisationIds) {
          for (const group of request.fieldGroups) {
            const d = decideFieldGroup(
              policy,
              request.actor,
              request.purpose,
              holder,
              group,
              request.at.getTime(),
            );
            assert.equal(scope.holders.get(holder)?.includes(group) ?? false, d.outcome === 'allow');
          }
        }
      }),
      runs,
    );
  });
});
