import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api-client.ts';
import { api } from '../../api.ts';
import type { AgreementDetail } from '../../api-types.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Select } from '../../components/Select.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { fromError, fromProblems, hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import {
  draftFormOf,
  emptyDraft,
  flowBody,
  FORM_FIELDS,
  problemsForForm,
  sectionsBody,
  type DraftForm,
} from './draft-form.ts';
import { FlowFields } from './FlowFields.tsx';
import { partnershipOrganisations } from './labels.ts';

const DATE_HINT = 'Year, month and day, for example 2026-04-01';

function errorsOf(error: unknown, flowEndpoint = false): FormErrors {
  if (error instanceof ApiError && error.fields.length > 0)
    return fromProblems(problemsForForm(error.fields, flowEndpoint), FORM_FIELDS);
  return fromError(error, FORM_FIELDS);
}

/** Draft a Tier 2 agreement with its first flow, or edit a Tier 2 draft (`/agreements/:id/edit`). */
export function DraftAgreementPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [data] = useApiData(
    () =>
      Promise.all([
        api.agreements({ tier: 'tier1' }),
        partnershipOrganisations(),
        api.agreementReference(),
        api.gateways({}),
        id === undefined ? Promise.resolve(null) : api.agreement(id),
      ]),
    [id],
  );
  const [form, setForm] = useState<DraftForm>(emptyDraft);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const existing: AgreementDetail | null = data.status === 'loaded' ? data.data[4] : null;
  // Only a Tier 2 has flows to edit here; a Tier 1 draft is edited through the API or the CLI.
  const draft =
    existing?.tier === 'tier2'
      ? existing.versions.find((v) => v.version === existing.pendingVersion && v.status === 'draft')
      : undefined;
  useEffect(() => {
    if (existing && draft) setForm(draftFormOf(draft, existing.tier1?.id ?? ''));
  }, [existing, draft]);
  const heading = existing ? `Edit the draft of ${existing.reference}` : 'Draft a Tier 2 agreement';
  usePageTitle(heading, hasErrors(errors));
  const set =
    <K extends keyof DraftForm>(field: K) =>
    (value: DraftForm[K]) =>
      setForm((f) => ({ ...f, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(noErrors);
    try {
      let saved: AgreementDetail;
      if (existing) {
        saved = await api.updateAgreementDraft(existing.id, sectionsBody(form));
        const flowId = draft?.flows[0]?.id;
        try {
          saved = await (flowId === undefined
            ? api.addAgreementFlow(existing.id, flowBody(form.flow))
            : api.updateAgreementFlow(existing.id, flowId, flowBody(form.flow)));
        } catch (error) {
          setErrors(errorsOf(error, true));
          return;
        }
      } else {
        saved = await api.createAgreement({
          tier: 'tier2',
          tier1AgreementId: form.tier1AgreementId,
          ...sectionsBody(form),
          flows: [flowBody(form.flow)],
        } as Parameters<typeof api.createAgreement>[0]);
      }
      await navigate(`/agreements/${saved.id}`, { state: { notice: `Draft ${saved.reference} saved` } });
    } catch (error) {
      setErrors(errorsOf(error));
    } finally {
      setBusy(false);
    }
  }

  if (data.status === 'failed' && data.error.status === 404) return <NotFoundPage />;
  return (
    <>
      <Link className="govuk-back-link" to={existing ? `/agreements/${existing.id}` : '/agreements'}>
        Back
      </Link>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{heading}</h1>
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <LoadFailed error={data.error} />}
      {data.status === 'loaded' && existing && !draft && (
        <p className="govuk-body">
          This agreement has no Tier 2 draft to edit here. To change an agreement in force, amend it.
        </p>
      )}
      {data.status === 'loaded' && (!existing || draft) && (
        <div className="govuk-grid-row">
          <form noValidate className="govuk-grid-column-two-thirds" onSubmit={(e) => void submit(e)}>
            {!existing && (
              <Select
                id="tier1AgreementId"
                label="Tier 1 agreement it comes under"
                placeholder="Select a Tier 1 agreement"
                options={data.data[0]
                  .filter((a) => a.inForce)
                  .map((a) => ({ value: a.id, label: `${a.reference}: ${a.title}` }))}
                value={form.tier1AgreementId}
                onChange={set('tier1AgreementId')}
                error={errors.fields.tier1AgreementId}
              />
            )}
            <TextInput
              id="title"
              label="Title"
              value={form.title}
              onChange={set('title')}
              error={errors.fields.title}
            />
            <Textarea
              id="summary"
              label="Purpose"
              hint="Why the partners share, and what for"
              value={form.summary}
              onChange={set('summary')}
              error={errors.fields.summary}
            />
            <Checkboxes
              id="parties"
              legend="Parties"
              hint="Every organisation that shares or receives; each must sign"
              small
              options={data.data[1].map((o) => ({ value: o.organisationId, label: o.name }))}
              values={form.parties}
              onChange={set('parties')}
              error={errors.fields.parties}
            />
            <TextInput
              id="startDate"
              label="Start date"
              hint={DATE_HINT}
              widthClass="govuk-input--width-10"
              value={form.startDate}
              onChange={set('startDate')}
              error={errors.fields.startDate}
            />
            <TextInput
              id="reviewDate"
              label="Review date"
              hint={DATE_HINT}
              widthClass="govuk-input--width-10"
              value={form.reviewDate}
              onChange={set('reviewDate')}
              error={errors.fields.reviewDate}
            />
            <Textarea
              id="security"
              label="Security"
              value={form.security}
              onChange={set('security')}
              error={errors.fields.security}
            />
            <Textarea
              id="retention"
              label="Retention"
              value={form.retention}
              onChange={set('retention')}
              error={errors.fields.retention}
            />
            <Textarea
              id="rights"
              label="Rights of the people concerned"
              value={form.rights}
              onChange={set('rights')}
              error={errors.fields.rights}
            />
            <h2 className="govuk-heading-m">The flow</h2>
            {draft && draft.flows.length > 1 && (
              <p className="govuk-body">
                This form changes the first of the {draft.flows.length} flows; the others stay as they are.
              </p>
            )}
            <FlowFields
              flow={form.flow}
              onChange={set('flow')}
              organisations={data.data[1]}
              reference={data.data[2]}
              gateways={data.data[3].gateways}
              errors={errors}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
              Save the draft
            </button>
          </form>
        </div>
      )}
    </>
  );
}
