import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api } from '../api.ts';
import type { OrganisationContactPoint } from '../api-types.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { NotificationBanner } from '../components/NotificationBanner.tsx';
import { LoadFailed, Loading } from '../components/Status.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { fromError, hasErrors, noErrors, type FormErrors } from '../form-errors.ts';
import { usePageTitle } from '../page-title.ts';
import { useApiData } from '../use-api-data.ts';

const FIELDS = ['name', 'role', 'phone', 'email'] as const;
type Field = (typeof FIELDS)[number];
const empty: Record<Field, string> = { name: '', role: '', phone: '', email: '' };

/**
 * An organisation's directory entry: whom partners call about a child when no record names a
 * lead worker (issue 14 point 5). Shown on the child's single view beside the agency; its
 * administrator or the partnership administrator keeps it.
 */
export function ContactPointPage() {
  const { organisationId = '' } = useParams();
  const [entry] = useApiData(() => api.contactPoint(organisationId), [organisationId]);
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState<OrganisationContactPoint | null>(null);
  const [submitting, setSubmitting] = useState(false);
  usePageTitle('Contact point for partners', hasErrors(errors));

  useEffect(() => {
    if (entry.status !== 'loaded') return;
    const c = entry.data.contactPoint;
    setValues(c ? { name: c.name, role: c.role ?? '', phone: c.phone ?? '', email: c.email ?? '' } : empty);
  }, [entry]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      setSaved(await api.setContactPoint(organisationId, { contactPoint: values }));
      setErrors(noErrors);
    } catch (error) {
      setSaved(null);
      setErrors(fromError(error, FIELDS, 'name'));
    } finally {
      setSubmitting(false);
    }
  }

  const set = (field: Field) => (value: string) => setValues({ ...values, [field]: value });
  if (entry.status === 'loading') return <Loading />;
  if (entry.status === 'failed') return <LoadFailed error={entry.error} />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {saved && <NotificationBanner type="success" heading="The contact point has been saved" />}
        <span className="govuk-caption-l">{entry.data.name}</span>
        <h1 className="govuk-heading-l">Contact point for partners</h1>
        <p className="govuk-body">
          Partners see this on a child’s page when none of your records names a lead worker, so they know whom
          to call. Give a team or a post, not a personal mobile number.
        </p>
        <form noValidate onSubmit={submit}>
          <TextInput
            id="name"
            label="Team or post"
            hint="For example, Designated safeguarding lead, or Public protection unit"
            value={values.name}
            onChange={set('name')}
            error={errors.fields.name}
          />
          <TextInput
            id="role"
            label="Role (optional)"
            value={values.role}
            onChange={set('role')}
            error={errors.fields.role}
          />
          <TextInput
            id="phone"
            label="Work telephone (optional)"
            value={values.phone}
            onChange={set('phone')}
            error={errors.fields.phone}
            autoComplete="tel"
            widthClass="govuk-input--width-20"
          />
          <TextInput
            id="email"
            type="email"
            label="Work email (optional)"
            value={values.email}
            onChange={set('email')}
            error={errors.fields.email}
            autoComplete="email"
            spellCheck={false}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save contact point
          </button>
        </form>
      </div>
    </div>
  );
}
