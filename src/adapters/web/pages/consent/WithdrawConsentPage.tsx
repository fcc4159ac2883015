import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Radios } from '../../components/Radios.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { fromError, hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { formOptions, giverOptions } from './consent-labels.ts';

const fields = ['withdrawnBy', 'form', 'reference'];

/**
 * Recording that a consent was withdrawn (UK GDPR Art 7(3)): sharing that rests on it stops at
 * once, and the organisations that received information on it are told, so the page says so
 * before the button.
 */
export function WithdrawConsentPage() {
  const { personId = '', consentId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [withdrawnBy, setWithdrawnBy] = useState('');
  const [form, setForm] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  usePageTitle('Withdraw consent', hasErrors(errors));
  const back = `/persons/${encodeURIComponent(personId)}?purpose=${encodeURIComponent(params.get('purpose') ?? '')}`;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      await api.withdrawConsent(consentId, {
        withdrawnBy: withdrawnBy as 'child',
        form: form as 'verbal',
        ...(reference.trim() === '' ? {} : { reference }),
      });
      await navigate(back, { state: { notice: 'Consent withdrawn' } });
    } catch (e) {
      setErrors(fromError(e, fields));
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
        <h1 className="govuk-heading-l">Withdraw consent</h1>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Sharing that rests on this consent stops at once. The data protection officers of organisations
            that received information on it will be told.
          </strong>
        </div>
        <form noValidate onSubmit={submit}>
          <Radios
            id="withdrawnBy"
            legend="Who withdrew consent?"
            error={errors.fields.withdrawnBy}
            value={withdrawnBy}
            onChange={setWithdrawnBy}
            options={giverOptions.map(({ value, label }) => ({ value, label }))}
          />
          <Radios
            id="form"
            legend="How was it withdrawn?"
            error={errors.fields.form}
            value={form}
            onChange={setForm}
            options={formOptions}
          />
          <TextInput
            id="reference"
            label="Reference of the letter or case note (optional)"
            error={errors.fields.reference}
            value={reference}
            onChange={setReference}
            widthClass="govuk-input--width-20"
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
              Withdraw consent
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
