import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { gatewayKindLabels, gatewayKinds } from '../../../../domain/gateways/gateway-kinds.ts';
import { api, GATEWAY_EXPORT_URL } from '../../api.ts';
import { can, type CatalogueVersion, type GatewayList } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { LoadFailed } from '../../components/Status.tsx';
import { formatDate } from '../../format.ts';
import { fromError, hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useSignedInSession } from '../../session.tsx';
import { useApiData, type Loadable } from '../../use-api-data.ts';
import { FILTER_FIELDS, filtersFrom, queryFor, searchFor, type Filters } from './gateway-filters.ts';
import { GatewayFilters } from './GatewayFilters.tsx';
import { GatewayTable } from './GatewayTable.tsx';
import { ImportGatewaysForm } from './ImportGatewaysForm.tsx';

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
  const session = useSignedInSession();
  const mayImport = can(session, 'manage_gateways');
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = filtersFrom(params);
  const [list, reload] = useApiData(() => api.gateways(queryFor(filters)), [search]);
  const [reference] = useApiData(() => api.reference(), []);
  const [imported, setImported] = useState<CatalogueVersion | null>(null);
  const [importProblems, setImportProblems] = useState<FormErrors>(noErrors);
  const filterErrors = useMemo(
    () =>
      list.status === 'failed' && list.error.status === 400 ? fromError(list.error, FILTER_FIELDS) : noErrors,
    [list],
  );
  const errors = hasErrors(importProblems) ? importProblems : filterErrors;
  usePageTitle('Legal gateways', hasErrors(errors));
  const version = list.status === 'loaded' ? list.data.version : null;

  return (
    <>
      <ErrorSummary errors={errors} />
      {imported && !hasErrors(errors) && (
        <NotificationBanner
          type="success"
          heading={`Catalogue version ${imported.version} imported, with ${imported.rowCount} gateways`}
        />
      )}
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
      {mayImport && (
        <div className="govuk-grid-row app-section">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Import a new catalogue</h2>
            <p className="govuk-body">
              The catalogue is shared by every partnership. Importing a workbook makes it the current version;
              earlier versions are kept.
            </p>
            <ImportGatewaysForm
              errors={importProblems}
              onErrors={(next) => {
                setImportProblems(next);
                if (hasErrors(next)) setImported(null);
              }}
              onImported={(v) => {
                setImported(v);
                reload();
              }}
            />
          </div>
        </div>
      )}
    </>
  );
}
