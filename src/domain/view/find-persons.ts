import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { SlidingWindowLimiter } from '../identity/rate-limiter.ts';
import type { PolicyDeps } from '../policy/flows-in-force-source.ts';
import type { Purpose } from '../policy/purposes.ts';
import { identifySearch, type SearchRefusal } from '../policy/search-identifiers.ts';
import { searchPersons } from '../policy/search-persons.ts';
import type { Actor } from '../shared/actor.ts';
import { DomainError } from '../shared/errors.ts';
import { buildIdentity, type IdentityValue } from './build-child-view.ts';

export interface SearchDeps extends PolicyDeps {
  /** Searches per user (identity/rate-limiter.ts): no one may enumerate the partnership's children. */
  readonly searchLimiter: SlidingWindowLimiter;
}

export interface PersonSearchInput {
  readonly purpose: Purpose;
  readonly name?: string;
  readonly dob?: string;
  readonly nhsNumber?: string;
  readonly upn?: string;
}

export interface PersonSummary {
  readonly personId: string;
  readonly identity: readonly IdentityValue[];
}

export interface PersonSearchView {
  readonly purpose: Purpose;
  readonly persons: readonly PersonSummary[];
  readonly truncated: boolean;
}

/**
 * Search for a person, for a purpose, by a minimum identifying set (policy/search-identifiers.ts:
 * a valid NHS number, a name with the date of birth, or a pupil number with either). "No match"
 * and "not yours" are the same empty list. Rate-limited per user. A refused search (too often,
 * a bad identifier, too few identifiers) is audited in its own transaction, which commits, and
 * answers rate_limited or validation_failed naming the field; a refusal comes before any read,
 * so it says nothing about whether any child exists.
 */
export async function findPersons(
  deps: SearchDeps,
  actor: Actor,
  input: PersonSearchInput,
): Promise<PersonSearchView> {
  const identified = identifySearch(input);
  const { fields } = identified;
  const refuse = (reason: 'rate_limited' | SearchRefusal) =>
    deps.db.transaction((tx) =>
      appendAuditEvent(tx, {
        actor,
        action: 'subject.searched',
        outcome: 'denied',
        purpose: input.purpose,
        details: { fields: [...fields], returned: 0, reason },
      }),
    );
  const key = actor.kind === 'user' ? actor.userId : `system:${actor.process}`;
  if (!deps.searchLimiter.tryAcquire(key)) {
    await refuse('rate_limited');
    // Rounded up: a client that waits exactly this long is never refused again for the same act.
    const retryAfterSeconds = Math.ceil(deps.searchLimiter.retryAfterMs(key) / 1000);
    throw new DomainError('rate_limited', 'You have searched too often. Wait a few minutes and try again', {
      retryAfterSeconds,
    });
  }
  if (!identified.ok) {
    await refuse(identified.reason);
    throw new DomainError('validation_failed', 'Check the highlighted fields', {
      fields: identified.problems,
    });
  }
  const found = await searchPersons(deps, actor, input.purpose, {
    terms: identified.terms,
    fields: identified.fields,
  });
  return {
    purpose: input.purpose,
    persons: found.persons.map((p) => ({ personId: p.personId, identity: buildIdentity(p.records) })),
    truncated: found.truncated,
  };
}
