import { Link, useLocation } from 'react-router';
import { api } from '../api.ts';
import { can, type User } from '../api-types.ts';
import { NotificationBanner } from '../components/NotificationBanner.tsx';
import { LoadFailed, Loading } from '../components/Status.tsx';
import { usePageTitle } from '../page-title.ts';
import { noticeFrom } from '../route-state.ts';
import { useSignedInSession } from '../session.tsx';
import { useApiData } from '../use-api-data.ts';

function Memberships({ user }: { readonly user: User }) {
  if (user.memberships.length === 0) return <p className="govuk-body-s app-flush">No current memberships</p>;
  return (
    <ul className="govuk-list app-flush">
      {user.memberships.map((membership) => (
        <li key={membership.id} className="app-membership">
          <span>
            {membership.roleLabel}, {membership.organisationName}
          </span>{' '}
          {membership.mayEnd && (
            <Link
              className="govuk-link govuk-body-s"
              to={`/users/${encodeURIComponent(user.id)}/memberships/${encodeURIComponent(membership.id)}/end`}
            >
              End
              <span className="govuk-visually-hidden">
                {' '}
                {user.displayName}&rsquo;s membership as {membership.roleLabel}, {membership.organisationName}
              </span>
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

function UsersTable({ users, selfId }: { readonly users: readonly User[]; readonly selfId: string }) {
  if (users.length === 0) return <p className="govuk-body">There are no users yet.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">Users and their memberships</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Name
          </th>
          <th scope="col" className="govuk-table__header">
            Role and organisation
          </th>
          <th scope="col" className="govuk-table__header">
            <span className="govuk-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {users.map((user) => (
          <tr className="govuk-table__row" key={user.id}>
            <th scope="row" className="govuk-table__header">
              {user.displayName}
              <span className="govuk-body-s app-secondary-text">{user.email}</span>
            </th>
            <td className="govuk-table__cell">
              <Memberships user={user} />
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">
              {user.id !== selfId && (
                <Link className="govuk-link" to={`/users/${encodeURIComponent(user.id)}/memberships/new`}>
                  Add membership<span className="govuk-visually-hidden"> for {user.displayName}</span>
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UsersPage() {
  const session = useSignedInSession();
  const [users] = useApiData(() => api.users(), []);
  const notice = noticeFrom(useLocation().state);
  usePageTitle('Users');

  return (
    <>
      {notice && <NotificationBanner type="success" heading={notice} />}
      <h1 className="govuk-heading-l">Users</h1>
      <p className="govuk-body">
        {can(session, 'manage_partnership')
          ? 'Everyone in the partnership. You give and end partnership administrator roles in your own organisation; each organisation’s administrator gives its other roles.'
          : `The people with a role in ${session.membership.organisationName}, which you give and end.`}
      </p>
      <Link
        to="/users/new"
        role="button"
        draggable="false"
        className="govuk-button"
        data-module="govuk-button"
      >
        Add a user
      </Link>
      {users.status === 'loading' && <Loading />}
      {users.status === 'failed' && <LoadFailed error={users.error} />}
      {users.status === 'loaded' && <UsersTable users={users.data} selfId={session.user.id} />}
    </>
  );
}
