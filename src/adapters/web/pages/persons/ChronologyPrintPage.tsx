import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { Loading, LoadFailed } from '../../components/Status.tsx';
import { formatDateTime } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { ChildNotFound } from './ChildNotFound.tsx';
import { ChronologyTable } from './ChronologyTable.tsx';
import { PurposeGate } from './PurposeGate.tsx';
import { filtersFrom, queryFor, searchFor } from './chronology-filters.ts';

/**
 * The chronology to print, with the filters applied. The print stylesheet (app.css, @media
 * print) drops the header, navigation and buttons; what is printed says when, for which purpose
 * and that it is an extract, so a paper copy is never mistaken for the whole record.
 */
export function ChronologyPrintPage() {
  return (
    <PurposeGate>
      <ChronologyPrint />
    </PurposeGate>
  );
}

function ChronologyPrint() {
  const { personId = '' } = useParams();
  const [params] = useSearchParams();
  const purpose = params.get('purpose') ?? '';
  const filters = filtersFrom(params);
  const search = searchFor(purpose, filters);
  const [chronology] = useApiData(
    () => api.chronology(personId, queryFor(purpose, filters)),
    [personId, search],
  );
  usePageTitle('Chronology to print');
  if (chronology.status === 'loading') return <Loading />;
  if (chronology.status === 'failed') {
    if (chronology.error.status === 404) return <ChildNotFound />;
    return <LoadFailed error={chronology.error} />;
  }
  const printedAt = new Date().toISOString();
  return (
    <>
      <p className="govuk-body app-no-print">
        <Link className="govuk-back-link" to={`/persons/${personId}${search}`}>
          Back to the child
        </Link>
      </p>
      <h1 className="govuk-heading-l">Multi-agency chronology</h1>
      <p className="govuk-body">
        {`Purpose: ${chronology.data.purposeLabel}. Printed ${formatDateTime(printedAt)}. OFFICIAL-SENSITIVE: an extract of what you may see for this purpose, not the whole record.`}
      </p>
      <button
        type="button"
        className="govuk-button app-no-print"
        data-module="govuk-button"
        onClick={() => window.print()}
      >
        Print
      </button>
      <ChronologyTable entries={chronology.data.entries} />
    </>
  );
}
