import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '../../../domain/identity/password-policy.ts';
import { api } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select } from '../components/Select.tsx';
import { LoadFailed, Loading } from '../components/Status.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { fromError, hasErrors, noErrors, type FormErrors } from '../form-errors.ts';
import { usePageTitle } from '../page-title.ts';
import { useSignedInSession } from '../session.tsx';
import { useApiData } from '../use-api-data.ts';
import { ownOrganisation } from './own-organisation.ts';

const FIELDS = ['email', 'displayName', 'password', 'organisationId', 'role'] as const;
type Field = (typeof FIELDS)[number];

export function AddUserPage() {
  const navigate = useNavigate();
  const session = useSignedInSession();
  const [choices] = useApiData(() => api.reference(), []);
  const [values, setValues] = useState<Record<Field, string>>({
    email: '',
    displayName: '',
    password: '',
    organisationId: '',
    role: '',
  });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  usePageTitle('Add a user', hasErrors(errors));

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      const user = await api.createUser({
        ...values,
        email: values.email.trim(),
        displayName: values.displayName.trim(),
      });
      await navigate('/users', { state: { notice: `${user.displayName} has been added` } });
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
        <h1 className="govuk-heading-l">Add a user</h1>
        {choices.status === 'loading' && <Loading />}
        {choices.status === 'failed' && <LoadFailed error={choices.error} />}
        {choices.status === 'loaded' && (
          <form noValidate onSubmit={submit}>
            <TextInput
              id="email"
              label="Email address"
              type="email"
              spellCheck={false}
              value={values.email}
              onChange={set('email')}
              error={errors.fields.email}
            />
            <TextInput
              id="displayName"
              label="Full name"
              value={values.displayName}
              onChange={set('displayName')}
              error={errors.fields.displayName}
            />
            <TextInput
              id="password"
              label="Password for their first sign-in"
              hint={`Use ${MIN_PASSWORD_LENGTH} characters or more. Give it to them securely: they should change it after they sign in.`}
              type="password"
              autoComplete="new-password"
              value={values.password}
              onChange={set('password')}
              error={errors.fields.password}
            />
            <Select
              id="organisationId"
              label="Organisation"
              placeholder="Select an organisation"
              hint="You can add people to the organisation you act for"
              options={ownOrganisation(session).map((o) => ({ value: o.id, label: o.name }))}
              value={values.organisationId}
              onChange={set('organisationId')}
              error={errors.fields.organisationId}
            />
            <Select
              id="role"
              label="Role"
              placeholder="Select a role"
              options={choices.data.grantableRoles.map((r) => ({ value: r.id, label: r.label }))}
              value={values.role}
              onChange={set('role')}
              error={errors.fields.role}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Add user
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
