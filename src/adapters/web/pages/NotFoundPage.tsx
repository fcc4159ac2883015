import { Link } from 'react-router';
import { mayFindChildren } from '../may-find-children.ts';
import { usePageTitle } from '../page-title.ts';
import { useSessionContext } from '../session.tsx';

/** The GOV.UK "page not found" page, with the ways back: search (for those who may) and home. */
export function NotFoundPage() {
  usePageTitle('Page not found');
  const { state } = useSessionContext();
  const mayFind = state.status === 'signed-in' && mayFindChildren(state.session);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Page not found</h1>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <ul className="govuk-list">
          {mayFind && (
            <li>
              <Link className="govuk-link" to="/persons">
                Find a child
              </Link>
            </li>
          )}
          <li>
            <Link className="govuk-link" to="/">
              Go to the home page
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
