import { londonDate } from '../agreements/calendar-dates.ts';
import { findDecisionsForChronology } from '../decisions/find-decisions.ts';
import type { FieldGroup } from '../policy/field-groups.ts';
import type { PolicyDeps } from '../policy/flows-in-force-source.ts';
import type { Purpose } from '../policy/purposes.ts';
import { createScopedReader } from '../policy/scoped-reader.ts';
import type { Actor } from '../shared/actor.ts';
import {
  buildChronology,
  buildIdentity,
  filterChronology,
  type ChronologyEntry,
  type ChronologyFilters,
} from './build-child-view.ts';
import { describeDecision } from './describe-decision.ts';
import type { ShownBecause } from './get-child-view.ts';

export interface ChronologyView {
  readonly personId: string;
  readonly purpose: Purpose;
  readonly entries: readonly ChronologyEntry[];
  readonly shownBecause: readonly ShownBecause[];
  /** The child's name from the identity items this reader may see in the same read, if any. */
  readonly childName: string | null;
  /**
   * Decisions to share or not to share about the child that the reader's organisation made or
   * received (the latest version of each), as sentences, newest first: beside the agencies'
   * records rather than among them, since a decision is no agency's record of a field group.
   */
  readonly decisions: readonly DecisionChronologyEntry[];
}

export interface DecisionChronologyEntry {
  readonly decisionId: string;
  readonly version: number;
  readonly decision: 'share' | 'not_share';
  readonly organisationId: string;
  readonly recipientOrganisationId: string | null;
  /** A plain sentence (describe-decision.ts). */
  readonly summary: string;
  /** The UK date it was shared or decided. */
  readonly eventDate: string;
  readonly recordedAt: Date;
}

/**
 * The multi-agency chronology of a person, filtered. A field group filter narrows the policy
 * read itself, so only those groups are read and audited (data minimisation, UK GDPR Art
 * 5(1)(c)); the other filters apply to what was read, and the audit event records the read.
 */
export async function findChronology(
  deps: PolicyDeps,
  actor: Actor,
  input: { personId: string; purpose: Purpose; fieldGroups?: readonly FieldGroup[] } & ChronologyFilters,
  /** Names the screen in the read's audit event: the page, or a download (export-chronology.ts). */
  view: 'chronology' | 'chronology_csv' = 'chronology',
): Promise<ChronologyView> {
  const reader = createScopedReader(deps, actor, input.purpose);
  const read = await reader.readPersonRecords(input.personId, {
    view,
    ...(input.fieldGroups?.length ? { fieldGroups: input.fieldGroups } : {}),
  });
  // Only after the policy's read showed this reader the child (it throws not found otherwise).
  // The CSV export writes the agencies' records only, so it does not read the decisions.
  const decisions = view === 'chronology' ? await findDecisionsForChronology(deps, actor, read.personId) : [];
  return {
    personId: read.personId,
    purpose: read.purpose,
    entries: filterChronology(buildChronology(read.records), input),
    shownBecause: read.disclosures,
    childName: nameOf(buildIdentity(read.records)),
    decisions: decisions
      .map((d) => ({
        decisionId: d.id,
        version: d.version,
        decision: d.decision,
        organisationId: d.organisationId,
        recipientOrganisationId: d.recipientOrganisationId,
        summary: describeDecision(d),
        eventDate: londonDate(d.sharedAt),
        recordedAt: d.recordedAt,
      }))
      .sort((a, b) => b.eventDate.localeCompare(a.eventDate)),
  };
}

function nameOf(identity: ReturnType<typeof buildIdentity>): string | null {
  const first = (field: string) => identity.find((i) => i.field === field)?.values[0]?.value;
  const name = [first('firstName'), first('lastName')].filter(Boolean).join(' ');
  return name === '' ? null : name;
}
