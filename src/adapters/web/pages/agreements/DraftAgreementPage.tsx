import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api-client.ts';
import { api } from '../../api.ts';
import type { AgreementDetail, UpdateDraftBody } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Select } from '../../components/Select.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
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
  tier1Body,
  type DraftForm,
} from './draft-form.ts';
import { FlowFields } from './FlowFields.tsx';
import { partnershipOrganisations } from './labels.ts';
import { SectionFields, Tier1Fields } from './SectionFields.tsx';

function errorsOf(error: unknown, flowEndpoint = false): FormErrors {
  if (error instanceof ApiError && error.fields.length > 0)
    return fromProblems(problemsForForm(error.fields, flowEndpoint), FORM_FIELDS);
  return fromError(error, FORM_FIELDS);
}

/**
 * Draft an agreement: a Tier 2 with its first flow (`/agreements/new`) or a Tier 1
 * (`/agreements/new/tier1`), or edit the sections of either's draft (`/agreements/:id/edit`).
 * A Tier 2 draft's flows are added, changed and removed one at a time from its page.
 */
export function DraftAgreementPage({ tier: newTier = 'tier2' }: { readonly tier?: 'tier1' | 'tier2' }) {
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
  const draft = existing?.versions.find((v) => v.version === existing.pendingVersion && v.status === 'draft');
  const tier = existing?.tier ?? newTier;
  useEffect(() => {
    if (existing && draft) setForm(draftFormOf(draft, existing.tier1?.id ?? ''));
  }, [existing, draft]);
  const heading = existing
    ? `Edit the draft of ${existing.reference}`
    : tier === 'tier1'
      ? 'Draft a Tier 1 agreement'
      : 'Draft a Tier 2 agreement';
  usePageTitle(heading, hasErrors(errors));
  const set =
    <K extends keyof DraftForm>(field: K) =>
    (value: DraftForm[K]) =>
      setForm((f) => ({ ...f, [field]: value }));

  async function save(): Promise<AgreementDetail> {
    const sections = { ...sectionsBody(form), ...(tier === 'tier1' ? tier1Body(form) : {}) };
    // The codes come from the server's reference lists, and the server checks them again.
    if (existing) return api.updateAgreementDraft(existing.id, sections as UpdateDraftBody);
    if (tier === 'tier1')
      return api.createAgreement({ tier: 'tier1', ...sections } as Parameters<typeof api.createAgreement>[0]);
    return api.createAgreement({
      tier: 'tier2',
      tier1AgreementId: form.tier1AgreementId,
      ...sections,
      flows: [flowBody(form.flow)],
    } as Parameters<typeof api.createAgreement>[0]);
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors(noErrors);
    try {
      const saved = await save();
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
          This agreement has no draft to edit. To change an agreement in force, amend it.
        </p>
      )}
      {data.status === 'loaded' && (!existing || draft) && (
        <div className="govuk-grid-row">
          <form noValidate className="govuk-grid-column-two-thirds" onSubmit={(e) => void submit(e)}>
            {!existing && tier === 'tier2' && (
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
            <SectionFields form={form} set={set} organisations={data.data[1]} errors={errors} />
            {tier === 'tier1' && (
              <Tier1Fields
                form={form}
                set={set}
                reference={data.data[2]}
                gateways={data.data[3].gateways}
                errors={errors}
              />
            )}
            {!existing && tier === 'tier2' && (
              <>
                <h2 className="govuk-heading-m">The first flow</h2>
                <p className="govuk-body">
                  You can add more flows from the agreement’s page once the draft is saved.
                </p>
                <FlowFields
                  flow={form.flow}
                  onChange={set('flow')}
                  organisations={data.data[1]}
                  reference={data.data[2]}
                  gateways={data.data[3].gateways}
                  errors={errors}
                />
              </>
            )}
            {existing && tier === 'tier2' && (
              <p className="govuk-body">
                The flows are added, changed and removed from the{' '}
                <Link className="govuk-link" to={`/agreements/${existing.id}`}>
                  agreement’s page
                </Link>
                .
              </p>
            )}
            <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
              Save the draft
            </button>
          </form>
        </div>
      )}
    </>
  );
}
