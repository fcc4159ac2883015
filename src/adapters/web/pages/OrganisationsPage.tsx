import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.ts';
import type { Organisation } from '../api-types.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { NotificationBanner } from '../components/NotificationBanner.tsx';
import { LoadFailed, Loading } from '../components/Status.tsx';
import { formatDate } from '../format.ts';
import { hasErrors, noErrors, type FormErrors } from '../form-errors.ts';
import { usePageTitle } from '../page-title.ts';
import { useApiData } from '../use-api-data.ts';
import { AddOrganisationForm } from './AddOrganisationForm.tsx';

function OrganisationsTable({ organisations }: { readonly organisations: readonly Organisation[] }) {
  if (organisations.length === 0) return <p className="govuk-body">There are no organisations yet.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">Partner organisations</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Name
          </th>
          <th scope="col" className="govuk-table__header">
            Type
          </th>
          <th scope="col" className="govuk-table__header">
            Added
          </th>
          <th scope="col" className="govuk-table__header">
            <span className="govuk-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {organisations.map((organisation) => (
          <tr className="govuk-table__row" key={organisation.id}>
            <th scope="row" className="govuk-table__header">
              {organisation.name}
            </th>
            <td className="govuk-table__cell">{organisation.typeLabel}</td>
            <td className="govuk-table__cell">
              <time dateTime={organisation.createdAt}>{formatDate(organisation.createdAt)}</time>
            </td>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/organisations/${organisation.id}/contact-point`}>
                Contact point<span className="govuk-visually-hidden"> for {organisation.name}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OrganisationsPage() {
  const [organisations, reload] = useApiData(() => api.organisations(), []);
  const [reference] = useApiData(() => api.reference(), []);
  const [added, setAdded] = useState<Organisation | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  usePageTitle('Organisations', hasErrors(errors));

  function onAdded(organisation: Organisation): void {
    setAdded(organisation);
    reload();
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      {added && <NotificationBanner type="success" heading={`${added.name} has been added`} />}
      <h1 className="govuk-heading-l">Organisations</h1>
      {organisations.status === 'loading' && <Loading />}
      {organisations.status === 'failed' && <LoadFailed error={organisations.error} />}
      {organisations.status === 'loaded' && <OrganisationsTable organisations={organisations.data} />}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Add an organisation</h2>
          {reference.status === 'failed' && <LoadFailed error={reference.error} />}
          {reference.status === 'loaded' && (
            <AddOrganisationForm
              types={reference.data.organisationTypes}
              onAdded={onAdded}
              errors={errors}
              onErrors={(next) => {
                setErrors(next);
                if (hasErrors(next)) setAdded(null);
              }}
            />
          )}
        </div>
      </div>
    </>
  );
}
