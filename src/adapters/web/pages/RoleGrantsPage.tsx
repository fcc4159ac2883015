import { api } from '../api.ts';
import type { RoleGrants } from '../api-types.ts';
import { LoadFailed, Loading } from '../components/Status.tsx';
import { formatDateTime } from '../format.ts';
import { usePageTitle } from '../page-title.ts';
import { useApiData } from '../use-api-data.ts';

type Author = RoleGrants['grants'][number]['grantedBy'];

function authorName(author: Author): string {
  switch (author.kind) {
    case 'user':
      return author.name;
    case 'platform':
      return 'The platform operator';
    case 'unrecorded':
      return 'Not recorded';
  }
}

function When({ at }: { readonly at: string }) {
  return <time dateTime={at}>{formatDateTime(at)}</time>;
}

/**
 * The register of roles given and ended in the DPO's organisation (GET /api/role-grants): who
 * was given which role, by whom and when, newest first (UK GDPR Arts 32(4), 39(1)(b)).
 */
export function RoleGrantsPage() {
  usePageTitle('Role grants');
  const [register] = useApiData(() => api.roleGrants(), []);
  return (
    <>
      <h1 className="govuk-heading-l">Role grants</h1>
      {register.status === 'loading' && <Loading />}
      {register.status === 'failed' && <LoadFailed error={register.error} />}
      {register.status === 'loaded' && (
        <>
          <p className="govuk-body">
            Every role given or ended in {register.data.organisationName}, newest first, with who gave or
            ended it. A role given by someone outside your organisation, or to someone you do not expect, is
            worth asking about. Refused attempts are in the audit log as ‘Role grant refused’.
          </p>
          {register.data.grants.length === 0 ? (
            <p className="govuk-body">No role has been given yet.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">
                Roles given and ended in {register.data.organisationName}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {['Person', 'Role', 'Given', 'Given by', 'Ended', 'Ended by'].map((h) => (
                    <th scope="col" className="govuk-table__header" key={h}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {register.data.grants.map((g) => (
                  <tr className="govuk-table__row" key={g.membershipId}>
                    <th scope="row" className="govuk-table__header">
                      {g.userName}
                      <span className="govuk-body-s app-secondary-text">{g.userEmail}</span>
                    </th>
                    <td className="govuk-table__cell">{g.roleLabel}</td>
                    <td className="govuk-table__cell">
                      <When at={g.grantedAt} />
                    </td>
                    <td className="govuk-table__cell">{authorName(g.grantedBy)}</td>
                    <td className="govuk-table__cell">{g.endedAt ? <When at={g.endedAt} /> : 'Current'}</td>
                    <td className="govuk-table__cell">{g.endedBy ? authorName(g.endedBy) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
