import type { Db } from '../shared/database.ts';
import type {
  EdgeEvidence,
  FamilyEdge,
  FamilyNetwork,
  FamilyRelationship,
  Household,
} from './family-network.ts';
import {
  readFamilyFacts,
  type FamilyFacts,
  type AddressPeriod,
  type ParentFamily,
  type RecordedRelationship,
} from './family-network-store.ts';

/**
 * The family network of a person, from what the agencies recorded: relationships (resolved from
 * the agency's own person id through agency_person, then person_link) and households (a shared
 * address over overlapping time), read in one statement. A system-level read that discloses
 * nothing itself: the single view shows an edge only if the viewer may see every item in its
 * evidence.
 */
export async function findFamilyNetwork(
  db: Db,
  partnershipId: string,
  personId: string,
): Promise<FamilyNetwork> {
  return familyNetworkFromFacts(personId, await readFamilyFacts(db, partnershipId, personId));
}

/** The network from its facts, however they were read (alone, or in the view's own statement). */
export function familyNetworkFromFacts(personId: string, facts: FamilyFacts): FamilyNetwork {
  const network = assembleFamilyNetwork(personId, facts.relationships, facts.addresses);
  return withSharedParents(network, facts.parents);
}

/**
 * Two children recorded with the same parent or carer are siblings (twins and half-siblings
 * included), even when no agency recorded them as such. The edge needs both items as evidence.
 */
export function withSharedParents(network: FamilyNetwork, families: readonly ParentFamily[]): FamilyNetwork {
  const edges = new Map(network.members.map((m) => [m.personId, [...m.edges]]));
  for (const { parentEvidence, children } of families) {
    for (const child of children) {
      if (child.otherPersonId === network.personId) continue;
      const list = edges.get(child.otherPersonId) ?? [];
      list.push({
        relationship: 'sibling',
        source: 'shared_parent',
        fromDate: null,
        toDate: null,
        addressKey: null,
        evidence: [parentEvidence, child.evidence],
      });
      edges.set(child.otherPersonId, list);
    }
  }
  return {
    ...network,
    members: [...edges.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([personId, list]) => ({ personId, edges: list })),
  };
}

/**
 * What the other person is to the person, given a relationship as recorded. A record about the
 * person saying "B is my parent" makes B a parent; a record about B saying "the person is my
 * parent" (or my parent's partner) makes B the person's child.
 */
export function relationshipToPerson(
  kind: string,
  recordedAboutPerson: boolean,
): FamilyRelationship | undefined {
  if (kind === 'sibling') return 'sibling';
  if (kind === 'parent_or_carer') return recordedAboutPerson ? 'parent_or_carer' : 'child';
  if (kind === 'partner_of_parent') return recordedAboutPerson ? 'partner_of_parent' : 'child';
  return undefined;
}

/** The start of an undated, ongoing period: "lives here now", as of the feed. */
const NOW = '9999-12-30';
const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const startOf = (p: { fromDate: string | null; toDate: string | null }) =>
  p.fromDate ?? (p.toDate === null ? NOW : dayBefore(p.toDate));
const endOf = (p: { toDate: string | null }) => p.toDate ?? '9999-12-31';

/**
 * Two periods overlap when each starts before the other ends. The end date is the day someone
 * left, so a family moving out the day another moves in never forms one household. No end date
 * means ongoing. No start date is not "since forever", which would put everyone who ever lived
 * at an address in one household: an item with only an end date says they were there the day
 * before it, and an undated item says they live there now.
 */
export function periodsOverlap(
  a: { fromDate: string | null; toDate: string | null },
  b: { fromDate: string | null; toDate: string | null },
): boolean {
  return startOf(a) < endOf(b) && startOf(b) < endOf(a);
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

export function assembleFamilyNetwork(
  personId: string,
  relationships: readonly RecordedRelationship[],
  addresses: { own: readonly AddressPeriod[]; others: readonly AddressPeriod[] },
): FamilyNetwork {
  const edges = new Map<string, FamilyEdge[]>();
  const addEdge = (other: string, edge: FamilyEdge) => {
    if (other === personId) return;
    const list = edges.get(other);
    if (list) list.push(edge);
    else edges.set(other, [edge]);
  };
  for (const r of relationships) {
    const relationship = relationshipToPerson(r.kind, r.recordedAboutPerson);
    if (!relationship) continue;
    addEdge(r.otherPersonId, {
      relationship,
      source: 'relationship',
      fromDate: r.fromDate,
      toDate: r.toDate,
      addressKey: null,
      evidence: [r.evidence],
    });
  }
  const households: Household[] = [];
  const byKey = new Map<string, AddressPeriod[]>();
  for (const a of addresses.own) byKey.set(a.addressKey, [...(byKey.get(a.addressKey) ?? []), a]);
  for (const [addressKey, periods] of [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const members: Household['members'][number][] = [];
    for (const other of addresses.others) {
      if (other.addressKey !== addressKey || other.personId === personId) continue;
      // One edge per pair of items (the person's and the member's): the view can show the
      // member as soon as one pair is visible to the viewer, and never needs a hidden one.
      for (const own of periods) {
        if (!periodsOverlap(own, other)) continue;
        const fromDate = later(own.fromDate, other.fromDate);
        const toDate = earlier(own.toDate, other.toDate);
        const evidence: EdgeEvidence[] = [own.evidence, other.evidence];
        members.push({ personId: other.personId, fromDate, toDate, evidence });
        addEdge(other.personId, {
          relationship: 'household_member',
          source: 'household',
          fromDate,
          toDate,
          addressKey,
          evidence,
        });
      }
    }
    households.push({
      addressKey,
      postcode: periods.find((p) => p.postcode)?.postcode ?? null,
      fromDate: periods
        .map((p) => p.fromDate)
        .reduce((a, b) => (a === null || b === null ? null : earlier(a, b))),
      toDate: periods.map((p) => p.toDate).reduce((a, b) => (a === null || b === null ? null : later(a, b))),
      evidence: periods.map((p) => p.evidence),
      members: members.sort((a, b) => a.personId.localeCompare(b.personId)),
    });
  }
  return {
    personId,
    members: [...edges.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, list]) => ({ personId: id, edges: list })),
    households,
  };
}
