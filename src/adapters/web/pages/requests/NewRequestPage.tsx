import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api-client.ts';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { Radios } from '../../components/Radios.tsx';
import { Select } from '../../components/Select.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { fromError, hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useSignedInSession } from '../../session.tsx';
import { useApiData } from '../../use-api-data.ts';
import { purposeLabels, ragLabels } from './request-labels.ts';

const FIELDS = [
  'firstName',
  'lastName',
  'dob',
  'nhsNumber',
  'postcode',
  'purpose',
  'gatewayId',
  'rag',
  'question',
  'partnerChecks',
] as const;
type Field = (typeof FIELDS)[number];

/** The API names the child's fields under `child.` and each agency by its place in the list. */
function formField(apiField: string): string {
  if (apiField.startsWith('child.')) return apiField.slice('child.'.length);
  if (apiField.startsWith('partnerChecks')) return 'partnerChecks';
  return apiField;
}

const ragHints: Record<string, string> = {
  red: 'Potential child protection: the quickest timescale',
  amber: 'Significant concerns not needing immediate action',
  green: 'Wellbeing concerns below the statutory threshold',
};

/**
 * Make a request for information (the MASH partner checks): the child as you know them, why you
 * ask and on which legal gateway, how urgent, and which agencies to ask, each on its own clock.
 */
export function NewRequestPage() {
  const navigate = useNavigate();
  const session = useSignedInSession();
  const [lists] = useApiData(
    async () => ({
      gateways: (await api.gateways({})).gateways,
      organisations: await api.agreementOrganisations(),
    }),
    [],
  );
  const [values, setValues] = useState<Record<Exclude<Field, 'partnerChecks'>, string>>({
    firstName: '',
    lastName: '',
    dob: '',
    nhsNumber: '',
    postcode: '',
    purpose: '',
    gatewayId: '',
    rag: '',
    question: '',
  });
  const [agencies, setAgencies] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  usePageTitle('Make a request for information', hasErrors(errors));
  const set = (field: Exclude<Field, 'partnerChecks'>) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      const created = await api.createRequest({
        child: {
          firstName: values.firstName,
          lastName: values.lastName,
          ...(optional(values.dob) ? { dob: optional(values.dob) } : {}),
          ...(optional(values.nhsNumber) ? { nhsNumber: optional(values.nhsNumber) } : {}),
          ...(optional(values.postcode) ? { postcode: optional(values.postcode) } : {}),
        },
        purpose: values.purpose as never,
        gatewayId: values.gatewayId,
        rag: values.rag as never,
        question: values.question,
        partnerChecks: agencies.map((organisationId) => ({ organisationId })),
      });
      await navigate(`/requests/${created.id}`, {
        state: {
          notice: `Request sent to ${agencies.length} ${agencies.length === 1 ? 'agency' : 'agencies'}`,
        },
      });
    } catch (error) {
      const mapped =
        error instanceof ApiError
          ? new ApiError(
              error.status,
              error.code,
              error.message,
              error.fields.map((f) => ({ ...f, field: formField(f.field) })),
            )
          : error;
      setErrors(fromError(mapped, FIELDS));
      setSubmitting(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/requests" className="govuk-back-link">
          Back to requests
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Make a request for information</h1>
        {lists.status === 'loading' && <Loading />}
        {lists.status === 'failed' && <LoadFailed error={lists.error} />}
        {lists.status === 'loaded' && (
          <form noValidate onSubmit={submit}>
            <h2 className="govuk-heading-m">The child</h2>
            <p className="govuk-body">
              Give a name with the date of birth, or a valid NHS number, so that each agency can find one
              child.
            </p>
            <TextInput
              id="firstName"
              label="First name"
              value={values.firstName}
              onChange={set('firstName')}
              error={errors.fields.firstName}
              widthClass="govuk-input--width-20"
            />
            <TextInput
              id="lastName"
              label="Last name"
              value={values.lastName}
              onChange={set('lastName')}
              error={errors.fields.lastName}
              widthClass="govuk-input--width-20"
            />
            <TextInput
              id="dob"
              label="Date of birth"
              hint="For example, 2017-03-14"
              value={values.dob}
              onChange={set('dob')}
              error={errors.fields.dob}
              widthClass="govuk-input--width-10"
            />
            <TextInput
              id="nhsNumber"
              label="NHS number (optional)"
              value={values.nhsNumber}
              onChange={set('nhsNumber')}
              error={errors.fields.nhsNumber}
              widthClass="govuk-input--width-10"
            />
            <TextInput
              id="postcode"
              label="Postcode (optional)"
              value={values.postcode}
              onChange={set('postcode')}
              error={errors.fields.postcode}
              widthClass="govuk-input--width-10"
            />
            <h2 className="govuk-heading-m">The request</h2>
            <Radios
              id="purpose"
              legend="Why are you asking?"
              value={values.purpose}
              onChange={set('purpose')}
              error={errors.fields.purpose}
              options={Object.entries(purposeLabels).map(([value, label]) => ({ value, label }))}
            />
            <Select
              id="gatewayId"
              label="Legal gateway"
              hint="The law the request relies on, such as Children Act 1989 s47"
              placeholder="Select a legal gateway"
              options={lists.data.gateways.map((g) => ({ value: g.id, label: `${g.id}: ${g.title}` }))}
              value={values.gatewayId}
              onChange={set('gatewayId')}
              error={errors.fields.gatewayId}
            />
            <Radios
              id="rag"
              legend="How urgent is it?"
              value={values.rag}
              onChange={set('rag')}
              error={errors.fields.rag}
              options={Object.entries(ragLabels).map(([value, label]) => ({
                value,
                label,
                hint: ragHints[value],
              }))}
            />
            <Textarea
              id="question"
              label="What do you want to know?"
              hint="Ask only for what you need for this purpose"
              value={values.question}
              onChange={set('question')}
              error={errors.fields.question}
            />
            <Checkboxes
              id="partnerChecks"
              legend="Which agencies do you want to ask?"
              hint="Each agency answers on its own clock"
              values={agencies}
              onChange={setAgencies}
              error={errors.fields.partnerChecks}
              options={lists.data.organisations
                .filter((o) => session.membership.organisationId !== o.id)
                .map((o) => ({ value: o.id, label: o.name }))}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Send request
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
