import { londonDate } from '../agreements/calendar-dates.ts';
import { findContactPoints } from '../partnership/organisation-contact-point.ts';
import type { CachedSession } from '../identity/session-gate.ts';
import { fieldGroups, type FieldGroup } from '../policy/field-groups.ts';
import type { PolicyDeps } from '../policy/flows-in-force-source.ts';
import type { Purpose } from '../policy/purposes.ts';
import type { PersonRecordsView } from '../policy/read-person-records.ts';
import type { Disclosure } from '../policy/read-subject-records.ts';
import { createScopedReader, type ScopedReader } from '../policy/scoped-reader.ts';
import type { Actor } from '../shared/actor.ts';
import { DomainError } from '../shared/errors.ts';
import {
  buildAgencies,
  withContactPoints,
  buildChronology,
  buildFlags,
  buildIdentity,
  type ActiveFlag,
  type ChronologyEntry,
  type IdentityValue,
  type InvolvedAgency,
} from './build-child-view.ts';
import {
  noFamilyNetwork,
  type FamilyEvidence,
  type FamilyNetwork,
  type FamilyNetworkSource,
} from './family-network-source.ts';

export interface ViewDeps extends PolicyDeps {
  /** people module's findFamilyNetwork; none until it is wired in. */
  readonly familyNetwork?: FamilyNetworkSource;
}

/** "Why can I see this": one per (holder, field group) shown, with the decision and its words. */
export type ShownBecause = Disclosure;

export interface FamilyMemberView {
  readonly personId: string;
  readonly relationship: string;
  readonly name: string;
  readonly dob: string | null;
  readonly evidence: readonly FamilyEvidence[];
}

export interface ChildView {
  readonly personId: string;
  readonly purpose: Purpose;
  readonly identity: readonly IdentityValue[];
  readonly flags: readonly ActiveFlag[];
  readonly agencies: readonly InvolvedAgency[];
  readonly chronology: readonly ChronologyEntry[];
  readonly family: {
    readonly members: readonly FamilyMemberView[];
    readonly households: readonly {
      readonly id: string;
      readonly memberPersonIds: readonly string[];
      readonly fromDate: string | null;
      readonly toDate: string | null;
      readonly evidence: readonly FamilyEvidence[];
    }[];
  };
  readonly shownBecause: readonly ShownBecause[];
  /**
   * Kinds of information no agreement in force lets another organisation share with this reader
   * for this purpose: the same for every child, so it says nothing about this one.
   */
  readonly neverShownForPurpose: readonly FieldGroup[];
}

/**
 * The single view of a child (issue 4 section 5), read only through the policy's scoped reader:
 * one statement reads every record linked to the child and the family network's facts, and the
 * read's audit event is durable before anything is built; of the network only the edges resting on evidence this actor may see are
 * kept, each member named only from identity items this actor may see (a member without one is
 * left out, not shown as hidden).
 */
export async function getChildView(
  deps: ViewDeps,
  actor: Actor,
  input: { personId: string; purpose: Purpose; session?: CachedSession },
): Promise<ChildView> {
  const reader = createScopedReader(deps, actor, input.purpose, { session: input.session });
  const source = deps.familyNetwork ?? noFamilyNetwork;
  const read = await reader.readPersonRecords(input.personId, {
    view: 'single_view',
    familyFacts: deps.familyNetwork !== undefined,
  });
  const family = await findVisibleFamily(reader, read, source.network(read.personId, read.familyFacts));
  const agencies = buildAgencies(read.records);
  // Directory entries are organisations' own contact points, read only for agencies the policy
  // has already shown to be involved: they add whom to call, never whether an agency is.
  const contactPoints = await findContactPoints(
    deps.db,
    actor.partnershipId,
    agencies.filter((a) => a.leadPractitioner === null).map((a) => a.organisationId),
  );
  return {
    personId: read.personId,
    purpose: read.purpose,
    identity: buildIdentity(read.records),
    flags: buildFlags(read.records, londonDate(deps.clock.now())),
    agencies: withContactPoints(agencies, contactPoints),
    chronology: buildChronology(read.records),
    family,
    shownBecause: read.disclosures,
    neverShownForPurpose: fieldGroups.filter((g) => !read.sharedWithViewer.includes(g)),
  };
}

async function findVisibleFamily(
  reader: ScopedReader,
  read: PersonRecordsView,
  network: FamilyNetwork,
): Promise<ChildView['family']> {
  // An edge rests on all of its evidence (a household member is shown by the child's address
  // item AND the member's): it is shown only if every item is one this actor may see.
  const allVisible = (evidence: readonly FamilyEvidence[]) =>
    evidence.length > 0 && evidence.every((e) => read.mayShow(e));
  const visible = network.members.filter((m) => allVisible(m.evidence));
  // Each relative's identity is its own audited read; they are independent, so run them at once
  // (a family is a handful of people) and keep the network's order.
  const relatives = [...new Set(visible.map((m) => m.personId))];
  const identityReads = await Promise.all(relatives.map((id) => readIdentity(reader, id)));
  const identities = new Map(relatives.map((id, i) => [id, identityReads[i]]));
  const members: FamilyMemberView[] = [];
  const shown = new Set<string>();
  for (const m of visible) {
    const identity = identities.get(m.personId);
    if (!identity || shown.has(`${m.personId}|${m.relationship}`)) continue;
    shown.add(`${m.personId}|${m.relationship}`);
    members.push({ personId: m.personId, relationship: m.relationship, evidence: m.evidence, ...identity });
  }
  const named = new Set([read.personId, ...members.map((m) => m.personId)]);
  const households = network.households.flatMap((h) => {
    if (!allVisible(h.evidence)) return [];
    const present = (p: string) =>
      named.has(p) &&
      (h.memberEvidence?.get(p) ?? [h.evidence]).some((alternative) => allVisible(alternative));
    const { memberEvidence: _hidden, ...rest } = h;
    return [{ ...rest, memberPersonIds: h.memberPersonIds.filter(present), evidence: h.evidence }];
  });
  return { members, households };
}

/** A relative's name and date of birth from the identity items this actor may see, audited as a view. */
async function readIdentity(reader: ScopedReader, personId: string) {
  try {
    const read = await reader.readPersonRecords(personId, {
      fieldGroups: ['identity'],
      view: 'family_member',
    });
    const identity = buildIdentity(read.records);
    const first = (field: string) => identity.find((i) => i.field === field)?.values[0]?.value ?? null;
    const name = [first('firstName'), first('lastName')].filter((v) => v !== null).join(' ');
    return name === '' ? undefined : { name, dob: first('dob') };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return undefined;
    throw error;
  }
}
