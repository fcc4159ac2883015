import { Link } from 'react-router';
import { usePageTitle } from '../../page-title.ts';
import { BreakGlassLink } from '../break-glass/BreakGlassLink.tsx';

/**
 * A child that does not exist and a child this person may not see for this purpose answer the
 * same page (DESIGN.md rule 2: foreign means not found), with the way back to search.
 */
export function ChildNotFound({ personId }: { readonly personId?: string | undefined } = {}) {
  usePageTitle('Child not found');
  return (
    <>
      <h1 className="govuk-heading-l">Child not found</h1>
      <p className="govuk-body">There is no child you may see with these details for this purpose.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/persons">
          Find a child
        </Link>
      </p>
      {personId !== undefined && <BreakGlassLink personId={personId} />}
    </>
  );
}
