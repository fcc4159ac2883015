import { useEffect, useState, type FormEvent } from 'react';
import { FilterActions } from '../../components/FilterActions.tsx';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { can } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Select } from '../../components/Select.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { formatDate } from '../../format.ts';
import { fromError, hasErrors, noErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useSignedInSession } from '../../session.tsx';
import { useApiData } from '../../use-api-data.ts';
import { AgreementTable } from './AgreementTable.tsx';

const FILTER_FIELDS = ['status', 'tier'];

function DueForReview() {
  const [due] = useApiData(() => api.agreementsDueForReview(), []);
  return (
    <div className="govuk-grid-row app-section">
      <div className="govuk-grid-column-two-thirds">
        <h2 className="govuk-heading-m">Due for review in the next 30 days</h2>
        {due.status === 'loading' && <Loading />}
        {due.status === 'failed' && <LoadFailed error={due.error} />}
        {due.status === 'loaded' &&
          (due.data.length === 0 ? (
            <p className="govuk-body">No agreement is due for review in the next 30 days.</p>
          ) : (
            <ul className="govuk-list govuk-list--bullet">
              {due.data.map((a) => (
                <li key={a.id}>
                  <Link className="govuk-link" to={`/agreements/${a.id}`}>
                    {a.reference}: {a.title}
                  </Link>
                  , review by <time dateTime={a.reviewDate}>{formatDate(a.reviewDate)}</time> (
                  {a.daysUntilReview < 0
                    ? `${-a.daysUntilReview} days overdue`
                    : `in ${a.daysUntilReview} ${a.daysUntilReview === 1 ? 'day' : 'days'}`}
                  )
                </li>
              ))}
            </ul>
          ))}
      </div>
    </div>
  );
}

/** Every agreement of the partnership: transparency for all members (Working Together 2023). */
export function AgreementsPage() {
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const query = { status: params.get('status') ?? '', tier: params.get('tier') ?? '' };
  const [list] = useApiData(() => api.agreements(query), [search]);
  const [reference] = useApiData(() => api.agreementReference(), []);
  const [filters, setFilters] = useState(query);
  useEffect(
    () => setFilters({ status: params.get('status') ?? '', tier: params.get('tier') ?? '' }),
    [search],
  );
  const errors =
    list.status === 'failed' && list.error.status === 400 ? fromError(list.error, FILTER_FIELDS) : noErrors;
  usePageTitle('Data sharing agreements', hasErrors(errors));

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const next = new URLSearchParams();
    if (filters.status !== '') next.set('status', filters.status);
    if (filters.tier !== '') next.set('tier', filters.tier);
    setParams(next);
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Data sharing agreements</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            The Tier 1 agreement sets the partnership&apos;s principles; each Tier 2 agreement says who shares
            what, why and under which law.
          </p>
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to="/agreements/flows">
                Flow register: every flow in force
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to="/agreements/coverage">
                Check whether a flow is covered by an agreement
              </Link>
            </li>
          </ul>
          {can(session, 'draft_agreements') && (
            <div className="govuk-button-group">
              <Link className="govuk-button" data-module="govuk-button" role="button" to="/agreements/new">
                Draft a Tier 2 agreement
              </Link>
              <Link
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
                role="button"
                to="/agreements/new/tier1"
              >
                Draft a Tier 1 agreement
              </Link>
            </div>
          )}
        </div>
      </div>
      <DueForReview />
      {reference.status === 'loaded' && (
        <form noValidate onSubmit={apply} className="app-filter" aria-labelledby="agreement-filter-heading">
          <h2 className="govuk-heading-m" id="agreement-filter-heading">
            Filter agreements
          </h2>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-half">
              <Select
                id="status"
                label="Status"
                placeholder="Any status"
                options={reference.data.statuses.map((s) => ({ value: s.id, label: s.label }))}
                value={filters.status}
                onChange={(status) => setFilters((f) => ({ ...f, status }))}
                error={errors.fields.status}
              />
            </div>
            <div className="govuk-grid-column-one-half">
              <Select
                id="tier"
                label="Tier"
                placeholder="Any tier"
                options={reference.data.tiers.map((t) => ({ value: t.id, label: t.label }))}
                value={filters.tier}
                onChange={(tier) => setFilters((f) => ({ ...f, tier }))}
                error={errors.fields.tier}
              />
            </div>
          </div>
          <FilterActions clearTo="/agreements" />
        </form>
      )}
      {list.status === 'loading' && <Loading />}
      {list.status === 'failed' && list.error.status !== 400 && <LoadFailed error={list.error} />}
      {list.status === 'loaded' &&
        (list.data.length === 0 ? (
          <p className="govuk-body" role="status">
            No agreements match these filters.
          </p>
        ) : (
          <AgreementTable
            agreements={list.data}
            caption={`${list.data.length} ${list.data.length === 1 ? 'agreement' : 'agreements'}`}
          />
        ))}
    </>
  );
}
