import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api.ts';
import { fromError, hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { draftOf, DraftPageTop } from './FlowPage.tsx';

/** Asks before removing a flow from a Tier 2 draft (`/agreements/:id/flows/:flowId/remove`). */
export function RemoveFlowPage() {
  const { id = '', flowId = '' } = useParams();
  const navigate = useNavigate();
  const [data] = useApiData(() => api.agreement(id), [id]);
  const agreement = data.status === 'loaded' ? data.data : null;
  const { draft, flow } = draftOf(agreement, flowId);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const heading = flow ? `Remove flow ${flow.position}: ${flow.name}?` : 'Remove a flow';
  usePageTitle(heading, hasErrors(errors));

  async function remove(): Promise<void> {
    if (busy || !flow) return;
    setBusy(true);
    setErrors(noErrors);
    try {
      await api.removeAgreementFlow(id, flow.id);
      await navigate(`/agreements/${id}`, { state: { notice: `Flow ‘${flow.name}’ removed` } });
    } catch (error) {
      setErrors(fromError(error, []));
    } finally {
      setBusy(false);
    }
  }

  if (data.status === 'failed' && data.error.status === 404) return <NotFoundPage />;
  if (data.status === 'loaded' && (!draft || !flow)) return <NotFoundPage />;
  return (
    <>
      <DraftPageTop agreementId={id} agreement={agreement} heading={heading} data={data} errors={errors} />
      {flow && draft && (
        <>
          <p className="govuk-body">
            The flow is taken out of this draft only.{' '}
            {draft.flows.length === 1 && 'It is the draft’s only flow.'}
          </p>
          <div className="govuk-button-group">
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              data-module="govuk-button"
              disabled={busy}
              onClick={() => void remove()}
            >
              Remove the flow
            </button>
            <Link className="govuk-link" to={`/agreements/${id}`}>
              Cancel
            </Link>
          </div>
        </>
      )}
    </>
  );
}
