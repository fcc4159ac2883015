import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select } from '../components/Select.tsx';
import { LoadFailed, Loading } from '../components/Status.tsx';
import { fromError, hasErrors, noErrors, type FormErrors } from '../form-errors.ts';
import { usePageTitle } from '../page-title.ts';
import { useSignedInSession } from '../session.tsx';
import { useApiData } from '../use-api-data.ts';
import { ownOrganisation } from './own-organisation.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

const FIELDS = ['organisationId', 'role'] as const;

export function AddMembershipPage() {
  const { userId = '' } = useParams();
  const navigate = useNavigate();
  const session = useSignedInSession();
  const [data] = useApiData(() => Promise.all([api.users(), api.reference()]), []);
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  usePageTitle('Add a membership', hasErrors(errors));

  if (data.status === 'loading') return <Loading />;
  if (data.status === 'failed') return <LoadFailed error={data.error} />;
  const [users, reference] = data.data;
  const organisations = ownOrganisation(session);
  const user = users.find((u) => u.id === userId);
  if (!user) return <NotFoundPage />;
  const userName = user.displayName;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      await api.addMembership(userId, { organisationId, role });
      const organisation = organisations.find((o) => o.id === organisationId)?.name ?? 'the organisation';
      await navigate('/users', { state: { notice: `${userName} is now a member of ${organisation}` } });
    } catch (error) {
      setErrors(fromError(error, FIELDS));
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
        <span className="govuk-caption-l">{userName}</span>
        <h1 className="govuk-heading-l">Add a membership</h1>
        <p className="govuk-body">
          A membership lets someone act for an organisation in a role. You can give roles in the organisation
          you act for, {session.membership.organisationName}, and never to yourself.
        </p>
        <form noValidate onSubmit={submit}>
          <Select
            id="organisationId"
            label="Organisation"
            placeholder="Select an organisation"
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            value={organisationId}
            onChange={setOrganisationId}
            error={errors.fields.organisationId}
          />
          <Select
            id="role"
            label="Role"
            placeholder="Select a role"
            options={reference.grantableRoles.map((r) => ({ value: r.id, label: r.label }))}
            value={role}
            onChange={setRole}
            error={errors.fields.role}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Add membership
          </button>
        </form>
      </div>
    </div>
  );
}
