import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api-client.ts';
import { api } from '../../api.ts';
import type { AgreementDetail } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { fromError, fromProblems, hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData, type Loadable } from '../../use-api-data.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import {
  emptyFlow,
  flowBody,
  flowFormOf,
  FORM_FIELDS,
  problemsForForm,
  type FlowForm,
} from './draft-form.ts';
import { FlowFields } from './FlowFields.tsx';
import { partnershipOrganisations } from './labels.ts';

/** The Tier 2 draft of an agreement, and the flow named in the address, if any. */
export function draftOf(agreement: AgreementDetail | null, flowId?: string) {
  const draft =
    agreement?.tier === 'tier2'
      ? agreement.versions.find((v) => v.version === agreement.pendingVersion && v.status === 'draft')
      : undefined;
  return { draft, flow: flowId === undefined ? undefined : draft?.flows.find((f) => f.id === flowId) };
}

/** Back link, error summary, the agreement's reference and the heading of a page about a draft. */
export function DraftPageTop(props: {
  readonly agreementId: string;
  readonly agreement: AgreementDetail | null;
  readonly heading: string;
  readonly data: Loadable<unknown>;
  readonly errors: FormErrors;
}) {
  const { agreementId, agreement, heading, data, errors } = props;
  return (
    <>
      <Link className="govuk-back-link" to={`/agreements/${agreementId}`}>
        Back
      </Link>
      <ErrorSummary errors={errors} />
      {agreement && <span className="govuk-caption-l">Draft of {agreement.reference}</span>}
      <h1 className="govuk-heading-l">{heading}</h1>
      {data.status === 'loading' && <Loading />}
      {data.status === 'failed' && <LoadFailed error={data.error} />}
    </>
  );
}

/**
 * One flow of a Tier 2 draft on a page of its own (GOV.UK: one thing per page): add a flow
 * (`/agreements/:id/flows/new`) or change one (`/agreements/:id/flows/:flowId`).
 */
export function FlowPage() {
  const { id = '', flowId } = useParams();
  const navigate = useNavigate();
  const [data] = useApiData(
    () =>
      Promise.all([
        api.agreement(id),
        partnershipOrganisations(),
        api.agreementReference(),
        api.gateways({}),
      ]),
    [id],
  );
  const agreement = data.status === 'loaded' ? data.data[0] : null;
  const { draft, flow } = draftOf(agreement, flowId);
  const [form, setForm] = useState<FlowForm>(emptyFlow);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (flow) setForm(flowFormOf(flow));
  }, [flow]);
  const heading = flow ? `Change flow ${flow.position}: ${flow.name}` : 'Add a flow';
  usePageTitle(heading, hasErrors(errors));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy || !agreement) return;
    setBusy(true);
    setErrors(noErrors);
    try {
      await (flow
        ? api.updateAgreementFlow(agreement.id, flow.id, flowBody(form))
        : api.addAgreementFlow(agreement.id, flowBody(form)));
      const notice = flow ? `Flow ${flow.position} changed` : `Flow ‘${form.name}’ added`;
      await navigate(`/agreements/${agreement.id}`, { state: { notice } });
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.fields.length > 0
          ? fromProblems(problemsForForm(error.fields, true), FORM_FIELDS)
          : fromError(error, FORM_FIELDS),
      );
    } finally {
      setBusy(false);
    }
  }

  if (data.status === 'failed' && data.error.status === 404) return <NotFoundPage />;
  if (data.status === 'loaded' && (!draft || (flowId !== undefined && !flow))) return <NotFoundPage />;
  return (
    <>
      <DraftPageTop agreementId={id} agreement={agreement} heading={heading} data={data} errors={errors} />
      {data.status === 'loaded' && (
        <div className="govuk-grid-row">
          <form noValidate className="govuk-grid-column-two-thirds" onSubmit={(e) => void submit(e)}>
            <FlowFields
              flow={form}
              onChange={setForm}
              organisations={data.data[1]}
              reference={data.data[2]}
              gateways={data.data[3].gateways}
              errors={errors}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
              {flow ? 'Save the flow' : 'Add the flow'}
            </button>
          </form>
        </div>
      )}
    </>
  );
}
