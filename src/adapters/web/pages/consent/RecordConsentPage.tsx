import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { fieldGroups } from '../../../../domain/policy/field-groups.ts';
import { purposes } from '../../../../domain/policy/purposes.ts';
import { api } from '../../api.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Radios } from '../../components/Radios.tsx';
import { Select } from '../../components/Select.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useSignedInSession } from '../../session.tsx';
import { useApiData } from '../../use-api-data.ts';
import {
  competenceOptions,
  fieldGroupLabel,
  formOptions,
  giverOptions,
  parentalResponsibilityOptions,
  purposeLabel,
} from './consent-labels.ts';
import {
  consentBody,
  consentErrors,
  consentFormFields,
  emptyAnswers,
  type ConsentAnswers,
} from './consent-form.ts';

/**
 * Recording a consent to share the organisation's records about a child: who gave it (a person
 * with parental responsibility, or a child whose competence was assessed), what it covers, its
 * evidence and when it ends. One page, GOV.UK pattern; the server checks everything and names
 * each field it refuses.
 */
export function RecordConsentPage() {
  const { personId = '' } = useParams();
  const [params] = useSearchParams();
  const purpose = params.get('purpose') ?? '';
  const navigate = useNavigate();
  const session = useSignedInSession();
  const [organisations] = useApiData(() => api.agreementOrganisations(), []);
  const [answers, setAnswers] = useState<ConsentAnswers>(() => emptyAnswers(purpose));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  usePageTitle('Record a consent to share', hasErrors(errors));
  const back = `/persons/${encodeURIComponent(personId)}?purpose=${encodeURIComponent(purpose)}`;
  const set =
    <K extends keyof ConsentAnswers>(key: K) =>
    (value: ConsentAnswers[K]) =>
      setAnswers((a) => ({ ...a, [key]: value }));
  const error = (field: string) => errors.fields[field];

  if (organisations.status === 'loading') return <Loading />;
  if (organisations.status === 'failed') return <LoadFailed error={organisations.error} />;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      const recorded = await api.recordConsent(personId, consentBody(answers));
      const notice = ['Consent recorded', ...recorded.warnings].join('. ');
      await navigate(back, { state: { notice } });
    } catch (e) {
      setErrors(consentErrors(e, consentFormFields));
      setSubmitting(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={back} className="govuk-back-link">
          Back to the child
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Record a consent to share</h1>
        <p className="govuk-body">
          You do not need consent to share information to keep a child safe. Record consent where sharing for
          early help rests on the family’s agreement.
        </p>
        <form noValidate onSubmit={submit}>
          <Radios
            id="givenBy"
            legend="Who gave consent?"
            error={error('givenBy')}
            value={answers.givenBy}
            onChange={set('givenBy')}
            options={giverOptions}
          />
          {answers.givenBy === 'person_with_parental_responsibility' && (
            <>
              {error('giver') && (
                <p className="govuk-error-message" id="giver">
                  {error('giver')}
                </p>
              )}
              <TextInput
                id="giver.name"
                label="Their full name"
                error={error('giver.name')}
                value={answers.giverName}
                onChange={set('giverName')}
              />
              <TextInput
                id="giver.relationship"
                label="Their relationship to the child"
                hint="For example, mother or special guardian"
                error={error('giver.relationship')}
                value={answers.giverRelationship}
                onChange={set('giverRelationship')}
                widthClass="govuk-input--width-20"
              />
              <Select
                id="giver.parentalResponsibility"
                label="How do they hold parental responsibility?"
                hint="Children Act 1989. A carer or grandparent without an order does not hold it."
                error={error('giver.parentalResponsibility')}
                value={answers.parentalResponsibility}
                onChange={set('parentalResponsibility')}
                options={parentalResponsibilityOptions}
                placeholder="Select how they hold it"
              />
            </>
          )}
          {answers.givenBy === 'child' && (
            <>
              {error('competence') && (
                <p className="govuk-error-message" id="competence">
                  {error('competence')}
                </p>
              )}
              <TextInput
                id="competence.assessedBy"
                label="Who assessed the child’s competence?"
                hint="Name and role"
                error={error('competence.assessedBy')}
                value={answers.assessedBy}
                onChange={set('assessedBy')}
              />
              <TextInput
                id="competence.assessedAt"
                label="When was it assessed?"
                type="date"
                error={error('competence.assessedAt')}
                value={answers.assessedAt}
                onChange={set('assessedAt')}
                widthClass="govuk-input--width-10"
              />
              <Radios
                id="competence.test"
                legend="Which test was applied?"
                error={error('competence.test')}
                value={answers.test}
                onChange={set('test')}
                options={competenceOptions}
              />
            </>
          )}
          <Checkboxes
            id="organisationIds"
            legend="Which organisations may it be shared with?"
            error={error('organisationIds')}
            values={answers.organisationIds}
            onChange={set('organisationIds')}
            small
            options={organisations.data
              .filter((o) => o.id !== session.membership.organisationId)
              .map((o) => ({ value: o.id, label: o.name }))}
          />
          <Checkboxes
            id="purposes"
            legend="For which purposes?"
            error={error('purposes')}
            values={answers.purposes}
            onChange={set('purposes')}
            small
            options={purposes.map((p) => ({ value: p, label: purposeLabel(p) }))}
          />
          <Checkboxes
            id="fieldGroups"
            legend="Which information?"
            error={error('fieldGroups')}
            values={answers.fieldGroups}
            onChange={set('fieldGroups')}
            small
            options={fieldGroups.map((g) => ({ value: g, label: fieldGroupLabel(g) }))}
          />
          <Radios
            id="evidence.form"
            legend="How was consent given?"
            error={error('evidence.form')}
            value={answers.evidenceForm}
            onChange={set('evidenceForm')}
            options={formOptions}
          />
          <TextInput
            id="evidence.reference"
            label="Reference of the signed form or case note"
            error={error('evidence.reference')}
            value={answers.evidenceReference}
            onChange={set('evidenceReference')}
            widthClass="govuk-input--width-20"
          />
          <TextInput
            id="givenAt"
            label="Date consent was given"
            type="date"
            error={error('givenAt')}
            value={answers.givenAt}
            onChange={set('givenAt')}
            widthClass="govuk-input--width-10"
          />
          <TextInput
            id="expiresAt"
            label="Date consent ends"
            hint="Review consent at least every 12 months"
            type="date"
            error={error('expiresAt')}
            value={answers.expiresAt}
            onChange={set('expiresAt')}
            widthClass="govuk-input--width-10"
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Record consent
            </button>
            <Link className="govuk-link" to={back}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
