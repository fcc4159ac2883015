import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { SlidingWindowLimiter } from '../identity/rate-limiter.ts';
import type { PolicyDeps } from '../policy/flows-in-force-source.ts';
import type { Purpose } from '../policy/purposes.ts';
import { searchPersons, type SearchTerms } from '../policy/search-persons.ts';
import type { Actor } from '../shared/actor.ts';
import { DomainError, invalid } from '../shared/errors.ts';
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

const normalise = (input: PersonSearchInput): { terms: SearchTerms; fields: string[] } => {
  const nameWords = (input.name ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const terms: SearchTerms = {
    ...(nameWords.length > 0 ? { nameWords } : {}),
    ...(input.dob ? { dob: input.dob } : {}),
    ...(input.nhsNumber ? { nhsNumber: input.nhsNumber.replace(/\s/g, '') } : {}),
    ...(input.upn ? { upn: input.upn.toUpperCase() } : {}),
  };
  const fields = (['name', 'dob', 'nhsNumber', 'upn'] as const).filter((f) =>
    f === 'name' ? nameWords.length > 0 : (input[f] ?? '').trim() !== '',
  );
  return { terms, fields };
};

/**
 * Search for a person by name, date of birth, NHS number or pupil number, for a purpose.
 * "No match" and "not yours" are the same empty list. Rate-limited per user; a refused search
 * is audited in its own transaction, which commits, and answers rate_limited.
 */
export async function findPersons(
  deps: SearchDeps,
  actor: Actor,
  input: PersonSearchInput,
): Promise<PersonSearchView> {
  const { terms, fields } = normalise(input);
  if (fields.length === 0) throw invalid('name', 'Enter a name, date of birth, NHS number or pupil number');
  const key = actor.kind === 'user' ? actor.userId : `system:${actor.process}`;
  if (!deps.searchLimiter.tryAcquire(key)) {
    await deps.db.transaction((tx) =>
      appendAuditEvent(tx, {
        actor,
        action: 'subject.searched',
        outcome: 'denied',
        purpose: input.purpose,
        details: { fields, returned: 0, reason: 'rate_limited' },
      }),
    );
    // Rounded up: a client that waits exactly this long is never refused again for the same act.
    const retryAfterSeconds = Math.ceil(deps.searchLimiter.retryAfterMs(key) / 1000);
    throw new DomainError('rate_limited', 'You have searched too often. Wait a few minutes and try again', {
      retryAfterSeconds,
    });
  }
  const found = await searchPersons(deps, actor, input.purpose, { terms, fields });
  return {
    purpose: input.purpose,
    persons: found.persons.map((p) => ({ personId: p.personId, identity: buildIdentity(p.records) })),
    truncated: found.truncated,
  };
}
