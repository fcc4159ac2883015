import type { Role } from '../../src/domain/partnership/roles.ts';
import { fieldGroups, type FieldGroup } from '../../src/domain/policy/field-groups.ts';
import type { FlowInForce } from '../../src/domain/policy/flows-in-force.ts';
import { purposes, type Purpose } from '../../src/domain/policy/purposes.ts';
import type { OrganisationId, PartnershipId } from '../../src/domain/shared/ids.ts';

/**
 * A realistic partnership for the benchmarks, the same on every run (seeded): 40 organisations
 * (a council, police, trusts, GPs, many schools), 12 agreements of 5 flows each. Every purpose
 * and every field group appears in some flow; two agreements have expired and one has not
 * started, so the time checks do real work.
 */
export const benchPartnershipId = '9b1d0c3e-5a7f-4e21-8c64-0f2a3b4c5d00' as PartnershipId;
export const organisationCount = 40;
export const agreementCount = 12;
export const flowsPerAgreement = 5;

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32: small, fast and good enough to spread requests.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const organisationIds: readonly OrganisationId[] = Array.from(
  { length: organisationCount },
  (_, i) => `9b1d0c3e-5a7f-4e21-8c64-${(i + 1).toString(16).padStart(12, '0')}` as OrganisationId,
);

/** The council's children's services: the receiver of most flows, as in life. */
export const councilId = organisationIds[0]!;

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

function some<T>(next: () => number, list: readonly T[], min: number, max: number): T[] {
  const count = min + Math.floor(next() * (max - min + 1));
  const shuffled = [...list].sort(() => next() - 0.5);
  return shuffled.slice(0, count);
}

export function benchFlows(now: Date): FlowInForce[] {
  const next = random(20261102);
  const year = 365 * 86_400_000;
  const flows: FlowInForce[] = [];
  for (let a = 0; a < agreementCount; a += 1) {
    const reference = `T2-${String(a + 1).padStart(3, '0')}`;
    const expired = a >= 10;
    const future = a === 9;
    const validFrom = new Date(now.getTime() + (future ? 0.25 * year : expired ? -3 * year : -year));
    const validTo = expired
      ? new Date(now.getTime() - 0.1 * year)
      : a % 3 === 0
        ? null
        : new Date(now.getTime() + year);
    for (let f = 0; f < flowsPerAgreement; f += 1) {
      const n = a * flowsPerAgreement + f;
      // Round-robin guarantees every purpose and field group appears; the rest is random.
      const chosenPurposes = new Set<Purpose>([
        purposes[n % purposes.length]!,
        ...some(next, purposes, 0, 3),
      ]);
      const chosenGroups = new Set<FieldGroup>([
        fieldGroups[n % fieldGroups.length]!,
        ...some(next, fieldGroups, 1, 7),
      ]);
      const to = next() < 0.6 ? councilId : pick(next, organisationIds);
      let from = pick(next, organisationIds);
      while (from === to) from = pick(next, organisationIds);
      flows.push({
        partnershipId: benchPartnershipId,
        agreementId: `bench-agreement-${a + 1}`,
        agreementReference: reference,
        agreementTitle: `Bench agreement ${a + 1}`,
        agreementVersion: 1 + (a % 2),
        flowId: `${reference}-F${f + 1}`,
        fromOrganisationId: from,
        toOrganisationId: to,
        purposes: [...chosenPurposes],
        fieldGroups: [...chosenGroups],
        gatewayIds: ['CA1989-S47', 'UKGDPR-A6-1E', 'UKGDPR-A9-2H'],
        validFrom,
        validTo,
      });
    }
  }
  return flows;
}

/** Mostly casework roles, as the requests of a working day are; now and then one with no purpose. */
const requestRoles: readonly Role[] = [
  'practitioner',
  'practitioner',
  'practitioner',
  'designated_safeguarding_lead',
  'front_door_officer',
  'team_manager',
  'team_manager',
  'data_protection_officer',
  'partnership_admin',
];

export interface BenchRequest {
  readonly actor: { partnershipId: PartnershipId; organisationId: OrganisationId; role: Role };
  readonly purpose: Purpose;
  readonly holder: OrganisationId;
  readonly fieldGroup: FieldGroup;
}

/**
 * Random requests: any role at any organisation, any purpose and field group, and a holder that
 * half the time is one with flows to the viewer (so allowed answers and every deny reason occur).
 */
export function benchRequests(flows: readonly FlowInForce[], count: number): BenchRequest[] {
  const next = random(47);
  const holdersTo = new Map<string, OrganisationId[]>();
  for (const f of flows)
    holdersTo.set(f.toOrganisationId, [...(holdersTo.get(f.toOrganisationId) ?? []), f.fromOrganisationId]);
  return Array.from({ length: count }, () => {
    const organisationId = next() < 0.5 ? councilId : pick(next, organisationIds);
    const partners = holdersTo.get(organisationId) ?? [];
    const holder =
      partners.length > 0 && next() < 0.5
        ? pick(next, partners)
        : next() < 0.1
          ? organisationId
          : pick(next, organisationIds);
    return {
      actor: { partnershipId: benchPartnershipId, organisationId, role: pick(next, requestRoles) },
      purpose: pick(next, purposes),
      holder,
      fieldGroup: pick(next, fieldGroups),
    };
  });
}
