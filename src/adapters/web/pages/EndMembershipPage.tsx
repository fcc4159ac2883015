import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { LoadFailed, Loading } from '../components/Status.tsx';
import { fromError, hasErrors, noErrors, type FormErrors } from '../form-errors.ts';
import { usePageTitle } from '../page-title.ts';
import { useApiData } from '../use-api-data.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/** Ending a membership signs the person out of it at once, so it is confirmed on its own page. */
export function EndMembershipPage() {
  const { userId = '', membershipId = '' } = useParams();
  const navigate = useNavigate();
  const [users] = useApiData(() => api.users(), []);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  usePageTitle('End membership', hasErrors(errors));

  if (users.status === 'loading') return <Loading />;
  if (users.status === 'failed') return <LoadFailed error={users.error} />;
  const user = users.data.find((u) => u.id === userId);
  const membership = user?.memberships.find((m) => m.id === membershipId);
  if (!user || !membership) return <NotFoundPage />;
  const description = `${membership.roleLabel}, ${membership.organisationName}`;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting || !user) return;
    setSubmitting(true);
    try {
      await api.endMembership(userId, membershipId);
      await navigate('/users', {
        state: { notice: `${user.displayName}’s membership as ${description} has ended` },
      });
    } catch (error) {
      setErrors(fromError(error, []));
      setSubmitting(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/users" className="govuk-back-link">
          Back to users
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{user.displayName}</span>
        <h1 className="govuk-heading-l">Are you sure you want to end this membership?</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Organisation</dt>
            <dd className="govuk-summary-list__value">{membership.organisationName}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Role</dt>
            <dd className="govuk-summary-list__value">{membership.roleLabel}</dd>
          </div>
        </dl>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {user.displayName} will be signed out of any session in this role at once.
          </strong>
        </div>
        <form noValidate onSubmit={submit}>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
              End membership
            </button>
            <Link className="govuk-link" to="/users">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
