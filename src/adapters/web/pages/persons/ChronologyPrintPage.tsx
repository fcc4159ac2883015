import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { Loading, LoadFailed } from '../../components/Status.tsx';
import { formatDateTime } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { useSignedInSession } from '../../session.tsx';
import { useApiData } from '../../use-api-data.ts';
import { ChildNotFound } from './ChildNotFound.tsx';
import { ChronologyTable } from './ChronologyTable.tsx';
import { PurposeGate } from './PurposeGate.tsx';
import { filtersFrom, queryFor, searchFor } from './chronology-filters.ts';
import { filtersInWords } from './filters-in-words.ts';
import { displayName } from './person-labels.ts';

/**
 * The chronology to print, with the filters applied. The print stylesheet (app.css, @media
 * print) drops the header, navigation and buttons and numbers the pages under the protective
 * marking. What is printed says which child it is about, who produced it and when, for which
 * purpose and with which filters, and that it is an extract, so a paper copy is never mistaken
 * for the whole record or passed on without knowing whose it is (issue 14 point 4; Government
 * Security Classifications: OFFICIAL-SENSITIVE is marked on every page).
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
  // The child's name, read through the single view for the same purpose (audited as a view).
  const [view] = useApiData(() => api.childView(personId, purpose), [personId, purpose]);
  const session = useSignedInSession();
  usePageTitle('Chronology to print');
  if (chronology.status === 'loading') return <Loading />;
  if (chronology.status === 'failed') {
    if (chronology.error.status === 404) return <ChildNotFound />;
    return <LoadFailed error={chronology.error} />;
  }
  const printedAt = new Date().toISOString();
  const child = view.status === 'loaded' ? displayName(view.data.identity) : 'the child';
  const applied = filtersInWords(filters, chronology.data.entries);
  return (
    <>
      <p className="govuk-body app-no-print">
        <Link className="govuk-back-link" to={`/persons/${personId}${search}`}>
          Back to the child
        </Link>
      </p>
      <p className="govuk-body govuk-!-font-weight-bold">OFFICIAL-SENSITIVE</p>
      <h1 className="govuk-heading-l">{`Multi-agency chronology: ${child}`}</h1>
      <dl className="govuk-summary-list govuk-summary-list--no-border app-print-details">
        {[
          ['Child', child],
          ['Purpose', chronology.data.purposeLabel],
          [
            'Produced by',
            `${session.user.displayName}, ${session.membership.roleLabel}, ${session.membership.organisationName}`,
          ],
          ['Printed', formatDateTime(printedAt)],
          ['Filters', applied.length === 0 ? 'None: every entry you may see' : applied.join('; ')],
        ].map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="govuk-body">An extract of what you may see for this purpose, not the whole record.</p>
      <button
        type="button"
        className="govuk-button app-no-print"
        data-module="govuk-button"
        onClick={() => window.print()}
      >
        Print
      </button>
      {/* The page has no h2 above the entries, so on a phone each card's title is one. */}
      <ChronologyTable entries={chronology.data.entries} cardHeading="h2" />
    </>
  );
}
