import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { keepAllowed, recordDisclosure } from './disclose-records.ts';
import type { PolicyDeps } from './flows-in-force-source.ts';
import type { PersonRecord } from './person-record-store.ts';
import { findPersonsMatching, MAX_SEARCH_RESULTS, type SearchTerms } from './person-search-store.ts';
import { loadPolicyAccess, visibilityOf } from './policy-access.ts';
import type { Purpose } from './purposes.ts';
import { isIdentifyingSet } from './search-identifiers.ts';

export { MAX_SEARCH_RESULTS, type SearchTerms } from './person-search-store.ts';

export interface PersonSearchResult {
  readonly persons: readonly { readonly personId: string; readonly records: readonly PersonRecord[] }[];
  /** More persons matched than are returned: the caller should narrow the search. */
  readonly truncated: boolean;
}

/**
 * Persons matching every term whose identity this actor may see for the purpose, each described
 * only by the identity items in scope. A person not known and a person known only to agencies
 * whose identity items are out of scope both answer as no match (DESIGN.md rule 2: searches do
 * not reveal whether a child is known elsewhere). One transaction: the `subject.searched` event
 * (which kinds of identifier, how many results; never the terms) and a `subject.viewed` per
 * person shown. Terms short of the minimum identifying set are refused, audited, unread.
 */
export async function searchPersons(
  deps: PolicyDeps,
  actor: Actor,
  purpose: Purpose,
  input: { readonly terms: SearchTerms; readonly fields: readonly string[] },
): Promise<PersonSearchResult> {
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const searched = (
      returned: number,
      outcome: 'success' | 'denied',
      reason?: 'system_actor' | 'role_not_permitted' | 'not_identifying',
    ) =>
      appendAuditEvent(tx, {
        actor,
        action: 'subject.searched',
        outcome,
        purpose,
        at,
        details: { fields: [...input.fields].sort(), returned, ...(reason ? { reason } : {}) },
      });
    // Deny by default: terms short of the minimum identifying set (search-identifiers.ts) are
    // never run, whoever the caller, so no path lists children by a surname or a birthday.
    if (!isIdentifyingSet(input.terms)) {
      await searched(0, 'denied', 'not_identifying');
      return { persons: [], truncated: false };
    }
    const access = await loadPolicyAccess(tx, deps.flowsInForce, actor, purpose, at, ['identity']);
    if (!access.ok) {
      await searched(0, 'denied', access.reason === 'system_actor' ? 'system_actor' : 'role_not_permitted');
      return { persons: [], truncated: false };
    }
    const matching = await findPersonsMatching(tx, visibilityOf(access, purpose), input.terms);
    const persons: { personId: string; records: PersonRecord[] }[] = [];
    for (const [personId, found] of matching.found) {
      if (persons.length === MAX_SEARCH_RESULTS) break;
      const { records, decisions } = keepAllowed(access, purpose, found, matching.live);
      if (records.length === 0) continue;
      await recordDisclosure(tx, actor, {
        access,
        purpose,
        subjectId: personId,
        view: 'search_result',
        records,
        decisions,
        viewerName: undefined,
      });
      persons.push({ personId, records });
    }
    await searched(persons.length, 'success');
    return { persons, truncated: matching.found.size > MAX_SEARCH_RESULTS };
  });
}
