import type { ApiError } from '../api-client.ts';
import { usePageTitle } from '../page-title.ts';

export function Loading() {
  return (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  );
}

/** Tessera itself cannot be reached or failed: the GOV.UK "problem with the service" page. */
export function ServiceProblem() {
  usePageTitle('Sorry, there is a problem with the service');
  return (
    <>
      <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p className="govuk-body">Try again later.</p>
    </>
  );
}

/** A request for a page's data failed; the rest of the page still works. */
export function LoadFailed({ error }: { readonly error: ApiError }) {
  return (
    <div className="govuk-inset-text app-inset-text--error" role="alert">
      {error.status >= 500 || error.status === 0
        ? error.message
        : `Sorry, this could not be shown: ${error.message}`}
    </div>
  );
}
