import { Link } from 'react-router';
import type { Session } from '../api-types.ts';

/** The service name, and who is signed in, acting for which organisation in which role. */
export function Header({ session }: { readonly session: Session | null }) {
  return (
    <header className="govuk-header app-header" data-module="govuk-header">
      <div className="govuk-header__container govuk-width-container app-header__container">
        <div className="govuk-header__logo app-header__logo">
          <Link to="/" className="govuk-header__link govuk-header__link--homepage app-header__service-name">
            Tessera
          </Link>
        </div>
        {session && (
          <p className="app-header__account">
            <span className="govuk-visually-hidden">Signed in as </span>
            <span className="app-header__user">{session.user.displayName}</span>
            <span className="app-header__membership">
              {session.membership.roleLabel}, {session.membership.organisationName}
            </span>
          </p>
        )}
      </div>
    </header>
  );
}
