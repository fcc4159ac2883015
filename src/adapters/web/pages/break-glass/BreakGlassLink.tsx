import { Link } from 'react-router';
import { mayBreakGlassAs } from '../../may-find-children.ts';
import { useSignedInSession } from '../../session.tsx';

/**
 * The way to emergency access from a child's page, for the roles that may break glass. It says
 * nothing about the child: it is offered on the not-found page as on the view, whatever is held.
 */
export function BreakGlassLink({ personId }: { readonly personId: string }) {
  const session = useSignedInSession();
  if (!mayBreakGlassAs(session)) return null;
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to={`/persons/${encodeURIComponent(personId)}/break-glass`}>
        Break glass: emergency access
      </Link>
    </p>
  );
}
