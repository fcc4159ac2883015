import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import type { Coverage } from '../../api-types.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Select } from '../../components/Select.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { formatDateTime } from '../../format.ts';
import { fromError, hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { GatewayLink } from './FlowTable.tsx';
import { optionsOf, partnershipOrganisations } from './labels.ts';
import { UnsharedFeeds } from './UnsharedFeeds.tsx';

const FIELDS = ['from', 'to', 'purpose', 'fieldGroups'];

function Answer({ coverage }: { readonly coverage: Coverage }) {
  const at = <time dateTime={coverage.at}>{formatDateTime(coverage.at)}</time>;
  if (!coverage.covered)
    return (
      <div className="app-section" role="status">
        <h2 className="govuk-heading-m">Not covered</h2>
        <p className="govuk-body">No agreement in force on {at} allows this, because:</p>
        <ul className="govuk-list govuk-list--bullet">
          {coverage.reasons.map((r, i) => (
            <li key={`${r.code}:${i}`}>
              {r.message}
              {r.reference !== undefined && r.agreementId !== undefined && (
                <>
                  {' '}
                  (
                  <Link className="govuk-link" to={`/agreements/${r.agreementId}`}>
                    {r.reference}
                    {r.version === undefined ? '' : ` version ${r.version}`}
                  </Link>
                  )
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <div className="app-section" role="status">
      <h2 className="govuk-heading-m">Covered</h2>
      <p className="govuk-body">On {at}, this is allowed by:</p>
      {coverage.matches.map((m) => (
        <dl className="govuk-summary-list" key={m.flowId}>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Agreement</dt>
            <dd className="govuk-summary-list__value">
              <Link className="govuk-link" to={`/agreements/${m.agreementId}`}>
                {m.reference}: {m.title}
              </Link>
              , version {m.version}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Flow</dt>
            <dd className="govuk-summary-list__value">
              {m.flowPosition}. {m.flowName}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Legal gateways</dt>
            <dd className="govuk-summary-list__value">
              <ul className="govuk-list">
                {m.gateways.map((g) => (
                  <li key={g.id}>
                    <GatewayLink id={g.id} title={g.title} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
      ))}
    </div>
  );
}

/** Would this sharing be covered by an agreement in force now? The same answer the policy gives. */
export function CoveragePage() {
  const [reference] = useApiData(() => api.agreementReference(), []);
  const [organisations] = useApiData(() => partnershipOrganisations(), []);
  const [form, setForm] = useState({ from: '', to: '', purpose: '', fieldGroups: [] as string[] });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [answer, setAnswer] = useState<Coverage | null>(null);
  usePageTitle('Check whether a flow is covered', hasErrors(errors));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setErrors(noErrors);
    setAnswer(null);
    try {
      const { fieldGroups, ...rest } = form;
      setAnswer(
        await api.checkCoverage({
          ...rest,
          ...(fieldGroups.length === 0 ? {} : { fieldGroups }),
        } as Parameters<typeof api.checkCoverage>[0]),
      );
    } catch (error) {
      setErrors(fromError(error, FIELDS));
    }
  }

  const orgOptions =
    organisations.status === 'loaded'
      ? organisations.data.map((o) => ({ value: o.organisationId, label: o.name }))
      : [];
  return (
    <>
      <Link className="govuk-back-link" to="/agreements">
        All agreements
      </Link>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Check whether a flow is covered</h1>
      {(reference.status === 'loading' || organisations.status === 'loading') && <Loading />}
      {reference.status === 'failed' && <LoadFailed error={reference.error} />}
      {organisations.status === 'failed' && <LoadFailed error={organisations.error} />}
      {reference.status === 'loaded' && organisations.status === 'loaded' && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <UnsharedFeeds />
            <form noValidate onSubmit={(e) => void submit(e)}>
              <Select
                id="from"
                label="From organisation"
                placeholder="Select the organisation that shares"
                options={orgOptions}
                value={form.from}
                onChange={(from) => setForm((f) => ({ ...f, from }))}
                error={errors.fields.from}
              />
              <Select
                id="to"
                label="To organisation"
                placeholder="Select the organisation that receives"
                options={orgOptions}
                value={form.to}
                onChange={(to) => setForm((f) => ({ ...f, to }))}
                error={errors.fields.to}
              />
              <Select
                id="purpose"
                label="Purpose"
                placeholder="Select a purpose"
                options={optionsOf(reference.data.purposes)}
                value={form.purpose}
                onChange={(purpose) => setForm((f) => ({ ...f, purpose }))}
                error={errors.fields.purpose}
              />
              <Checkboxes
                id="fieldGroups"
                legend="Information to share"
                hint="Leave these empty to check the purpose alone"
                small
                options={optionsOf(reference.data.fieldGroups)}
                values={form.fieldGroups}
                onChange={(fieldGroups) => setForm((f) => ({ ...f, fieldGroups }))}
                error={errors.fields.fieldGroups}
              />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Check coverage
              </button>
            </form>
            {answer && <Answer coverage={answer} />}
          </div>
        </div>
      )}
    </>
  );
}
