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
import type { ShownBecause } from './get-child-view.ts';

export interface ChronologyView {
  readonly personId: string;
  readonly purpose: Purpose;
  readonly entries: readonly ChronologyEntry[];
  readonly shownBecause: readonly ShownBecause[];
  /** The child's name from the identity items this reader may see in the same read, if any. */
  readonly childName: string | null;
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
  return {
    personId: read.personId,
    purpose: read.purpose,
    entries: filterChronology(buildChronology(read.records), input),
    shownBecause: read.disclosures,
    childName: nameOf(buildIdentity(read.records)),
  };
}

function nameOf(identity: ReturnType<typeof buildIdentity>): string | null {
  const first = (field: string) => identity.find((i) => i.field === field)?.values[0]?.value;
  const name = [first('firstName'), first('lastName')].filter(Boolean).join(' ');
  return name === '' ? null : name;
}
