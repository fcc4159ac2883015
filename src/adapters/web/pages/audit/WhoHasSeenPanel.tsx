import { api } from '../../api.ts';
import type { Reference } from '../../api-types.ts';
import { Loading, LoadFailed } from '../../components/Status.tsx';
import { formatDateTime, humanise } from '../../format.ts';
import { useApiData } from '../../use-api-data.ts';

/**
 * "Who has seen this child": when the log is narrowed to one person, everyone who was shown
 * something about them, how often and when last (GET /api/audit/seen, itself audited). What a
 * data protection officer asks first about a complaint or a subject access request.
 */
export function WhoHasSeenPanel({
  subjectId,
  reference,
}: {
  readonly subjectId: string;
  readonly reference: Reference | null;
}) {
  const [seen] = useApiData(() => api.whoHasSeen('person', subjectId), [subjectId]);
  const roleLabel = (role: string | null) =>
    role === null ? '' : (reference?.roles.find((r) => r.id === role)?.label ?? humanise(role));
  return (
    <section aria-labelledby="who-has-seen">
      <h2 className="govuk-heading-m" id="who-has-seen">
        Who has seen this child
      </h2>
      {seen.status === 'loading' && <Loading />}
      {seen.status === 'failed' && <LoadFailed error={seen.error} />}
      {seen.status === 'loaded' &&
        (seen.data.viewers.length === 0 ? (
          <p className="govuk-body">Nobody has been shown anything about this child.</p>
        ) : (
          <ul className="govuk-list">
            {seen.data.viewers.map((v) => (
              <li key={v.actorId}>
                <strong>{v.actorName ?? 'A user'}</strong>
                {`, ${roleLabel(v.role)}${v.organisationName ? ` at ${v.organisationName}` : ''}: ${v.times} ${v.times === 1 ? 'time' : 'times'}, last ${formatDateTime(v.lastSeenAt)}`}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
