import { Link } from 'react-router';

/** The buttons under every filter form: apply what is chosen, or clear back to `clearTo`. */
export function FilterActions({ clearTo }: { readonly clearTo: string }) {
  return (
    <div className="govuk-button-group">
      <button type="submit" className="govuk-button" data-module="govuk-button">
        Apply filters
      </button>
      <Link className="govuk-link" to={clearTo}>
        Clear filters
      </Link>
    </div>
  );
}
