import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { gatewayKindLabels, gatewayKinds } from '../../../../domain/gateways/gateway-kinds.ts';
import { api, GATEWAY_EXPORT_URL } from '../../api.ts';
import type { GatewayList } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadFailed } from '../../components/Status.tsx';
import { formatDate } from '../../format.ts';
import { fromError, hasErrors, noErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData, type Loadable } from '../../use-api-data.ts';
import { FILTER_FIELDS, filtersFrom, queryFor, searchFor, type Filters } from './gateway-filters.ts';
import { GatewayFilters } from './GatewayFilters.tsx';
import { GatewayTable } from './GatewayTable.tsx';

// A plain list of words with no dependencies, so it may be bundled for the browser.
const kindOptions = gatewayKinds.map((k) => ({ value: k, label: gatewayKindLabels[k] }));

function resultsText(list: Loadable<GatewayList>): string {
  if (list.status === 'loading') return 'Loading gateways…';
  if (list.status === 'failed') return '';
  const n = list.data.gateways.length;
  return n === 0
    ? 'No gateways match these filters.'
    : `Showing ${n} ${n === 1 ? 'gateway' : 'gateways'}, in catalogue order.`;
}

/** The legal gateway catalogue: public law, readable by everyone signed in. */
export function GatewaysPage() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = filtersFrom(params);
  const [list] = useApiData(() => api.gateways(queryFor(filters)), [search]);
  const [reference] = useApiData(() => api.reference(), []);
  const filterErrors = useMemo(
    () =>
      list.status === 'failed' && list.error.status === 400 ? fromError(list.error, FILTER_FIELDS) : noErrors,
    [list],
  );
  const errors = filterErrors;
  usePageTitle('Legal gateways', hasErrors(errors));
  const version = list.status === 'loaded' ? list.data.version : null;

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Legal gateways</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            The laws, data protection conditions and guidance that partners rely on to share information about
            children (Appendix 3 of a Tier 1 agreement). What each gateway permits is a paraphrase, not the
            statutory wording.
          </p>
          {version && (
            <p className="govuk-body">
              Catalogue version {version.version}, {version.rowCount} gateways, from{' '}
              <time dateTime={version.createdAt}>{formatDate(version.createdAt)}</time>.
            </p>
          )}
          <div className="govuk-inset-text">
            The catalogue is national law, the same for every partnership on Tessera, so no partnership can
            change it. The platform’s operator publishes new versions; earlier versions are kept, and a
            version that would drop a gateway a live agreement cites, or change its kind, is refused.
          </div>
          <p className="govuk-body">
            <a className="govuk-link" href={GATEWAY_EXPORT_URL} download>
              Download the catalogue as a spreadsheet (.xlsx)
            </a>
          </p>
        </div>
      </div>
      {reference.status === 'loaded' && (
        <GatewayFilters
          initial={filters}
          kinds={kindOptions}
          organisationTypes={reference.data.organisationTypes}
          errors={filterErrors}
          onApply={(next: Filters) => setParams(searchFor(next))}
        />
      )}
      <p className="govuk-body" role="status">
        {resultsText(list)}
      </p>
      {list.status === 'failed' && list.error.status !== 400 && <LoadFailed error={list.error} />}
      {list.status === 'loaded' && <GatewayTable gateways={list.data.gateways} />}
    </>
  );
}
