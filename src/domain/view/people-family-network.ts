import type { FieldGroup } from '../policy/field-groups.ts';
import type { EdgeEvidence, FamilyNetwork as PeopleNetwork } from '../people/family-network.ts';
import { familyFactsFrom } from '../people/family-network-store.ts';
import { familyNetworkFromFacts } from '../people/find-family-network.ts';
import type { FamilyEvidence, FamilyNetwork, FamilyNetworkSource } from './family-network-source.ts';

const evidenceOf = (items: readonly EdgeEvidence[]): FamilyEvidence[] =>
  items.map((e) => ({
    subjectRecordId: e.subjectRecordId,
    holderOrganisationId: e.organisationId,
    fieldGroup: e.fieldGroup as FieldGroup,
  }));

/**
 * The people module's network in the shape the view filters: one member entry per recorded or
 * derived edge (its evidence all needed), and each household with, per member, every pair of
 * overlapping address items that places them there (any one pair, wholly visible, is enough).
 */
export function toViewNetwork(network: PeopleNetwork): FamilyNetwork {
  const members = network.members.flatMap((m) =>
    m.edges
      .filter((e) => e.source !== 'household')
      .map((e) => ({ personId: m.personId, relationship: e.relationship, evidence: evidenceOf(e.evidence) })),
  );
  const households = network.households.map((h) => {
    const memberEvidence = new Map<string, FamilyEvidence[][]>();
    for (const m of h.members) {
      const list = memberEvidence.get(m.personId) ?? [];
      list.push(evidenceOf(m.evidence));
      memberEvidence.set(m.personId, list);
    }
    return {
      id: h.addressKey,
      memberPersonIds: [...memberEvidence.keys()],
      fromDate: h.fromDate,
      toDate: h.toDate,
      evidence: evidenceOf(h.evidence),
      memberEvidence,
    };
  });
  return { members, households };
}

/** The view's family network port, read from the people module's records and links. */
export const peopleFamilyNetwork: FamilyNetworkSource = {
  network: (personId, facts) => toViewNetwork(familyNetworkFromFacts(personId, familyFactsFrom(facts))),
};
