import { Link } from 'react-router';
import { capabilitiesOf } from '../../../domain/partnership/capabilities.ts';
import { roleLabels, roles } from '../../../domain/partnership/roles.ts';
import type { Capability } from '../api-types.ts';
import { usePageTitle } from '../page-title.ts';

/** The roles that hold any of these capabilities, in words: "partnership administrators". */
export function rolesWith(anyOf: readonly Capability[]): string[] {
  return roles
    .filter((role) => capabilitiesOf(role).some((c) => anyOf.includes(c as Capability)))
    .map((role) => roleLabels[role].toLowerCase());
}

const inWords = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/**
 * A page this role cannot use. A function of the service is public knowledge (the menu lists
 * them), so the person is told they lack access and who has it, rather than "page not found".
 * Records never answer this way: a child, agreement or run outside someone's scope stays "not
 * found" (DESIGN.md rule 2).
 */
export function NoAccessPage({ anyOf }: { readonly anyOf: readonly Capability[] }) {
  usePageTitle('You cannot use this page');
  const holders = rolesWith(anyOf);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You cannot use this page</h1>
        <p className="govuk-body">Your role does not give you access to this page.</p>
        {holders.length > 0 && (
          <p className="govuk-body">{`It is for ${inWords(holders.map((r) => `the ${r}`))}. Ask them if you need something done here.`}</p>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Go to the home page
          </Link>
        </p>
      </div>
    </div>
  );
}
