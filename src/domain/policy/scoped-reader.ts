import type { CachedSession } from '../identity/session-gate.ts';
import type { Actor } from '../shared/actor.ts';
import { explainAccess, type AccessExplanationView } from './explain-access.ts';
import type { FieldGroup } from './field-groups.ts';
import type { PolicyDeps } from './flows-in-force-source.ts';
import { limitNotFoundViews } from './limit-not-found-views.ts';
import type { Purpose } from './purposes.ts';
import {
  ReadGateClosed,
  readPersonRecords,
  type PersonReadOptions,
  type PersonRecordsView,
} from './read-person-records.ts';
import { readSubjectRecords, type SubjectRecordsView } from './read-subject-records.ts';

/**
 * The only way any module reads subject data (DESIGN.md rule 1; STYLE.md practice 1, after
 * Medplum's per-request repository). It is bound to one actor and one purpose, so a module that
 * receives it cannot widen either; every call decides per holder × field group, returns only
 * what is allowed, and audits the read or the refusal before returning (a refusal in the same
 * transaction, a person read's disclosure through the group-commit writer, DESIGN.md rule 3).
 */
export interface ScopedReader {
  readonly purpose: Purpose;
  /** The subject's records this actor may see for the purpose; not_found if there are none. */
  readSubjectRecords(
    subjectId: string,
    options?: { readonly fieldGroups?: readonly FieldGroup[] },
  ): Promise<SubjectRecordsView>;
  /**
   * The records of every agency person linked to a person (the single view), in one scoped
   * query and one audit event; `view` names the screen in the audit details.
   */
  readPersonRecords(personId: string, options?: PersonReadOptions): Promise<PersonRecordsView>;
  /** "Why can I see this": the decisions behind the subject's records, in words. */
  explainAccess(
    subjectId: string,
    options?: { readonly fieldGroups?: readonly FieldGroup[] },
  ): Promise<AccessExplanationView>;
}

/**
 * `session`: a session resolved earlier and cached, which every read must find still live in its
 * own statement (identity/session-gate.ts). Only the person read checks one; the others refuse to
 * run with one (ReadGateClosed), so an unverified actor can never read through them, and the
 * caller starts again with the session resolved.
 */
export function createScopedReader(
  deps: PolicyDeps,
  actor: Actor,
  purpose: Purpose,
  bound: { readonly session?: CachedSession | undefined } = {},
): ScopedReader {
  const { session } = bound;
  const ungated = <T>(read: () => Promise<T>) => (session ? Promise.reject(new ReadGateClosed()) : read());
  // Every read counts against the user's not-found limit (limit-not-found-views.ts).
  const limited = <T>(subjectId: string, read: () => Promise<T>) =>
    limitNotFoundViews(deps, actor, { purpose, subjectId, at: deps.clock.now() }, read);
  return Object.freeze<ScopedReader>({
    purpose,
    readSubjectRecords: (subjectId, options = {}) =>
      limited(subjectId, () => ungated(() => readSubjectRecords(deps, actor, purpose, subjectId, options))),
    readPersonRecords: (personId, options = {}) =>
      limited(personId, () =>
        readPersonRecords(deps, actor, purpose, personId, session ? { ...options, session } : options),
      ),
    explainAccess: (subjectId, options = {}) =>
      limited(subjectId, () => ungated(() => explainAccess(deps, actor, purpose, subjectId, options))),
  });
}
