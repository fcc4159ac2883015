import { Link } from 'react-router';
import type { Gateway } from '../../api-types.ts';
import { WordingTag } from './WordingTag.tsx';

/** Who the gateway binds or empowers, in a few words. */
export function AppliesTo({ gateway }: { readonly gateway: Gateway }) {
  if (gateway.appliesToAll) return <>All organisation types</>;
  if (gateway.organisationTypes.length === 0) return <>Rarely relevant to safeguarding</>;
  return <>{gateway.organisationTypes.map((t) => t.label).join(', ')}</>;
}

export function GatewayTable({ gateways }: { readonly gateways: readonly Gateway[] }) {
  if (gateways.length === 0) return null;
  return (
    <table className="govuk-table app-gateway-table">
      <caption className="govuk-table__caption govuk-visually-hidden">
        Legal gateways, in catalogue order
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {['Gateway', 'Kind', 'Applies to', 'Wording'].map((heading) => (
            <th scope="col" className="govuk-table__header" key={heading}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {gateways.map((g) => (
          <tr className="govuk-table__row" key={g.id}>
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" to={`/gateways/${encodeURIComponent(g.id)}`}>
                {g.title}
              </Link>
              <span className="govuk-body-s app-secondary-text app-id">{g.id}</span>
            </th>
            <td className="govuk-table__cell">{g.kindLabel}</td>
            <td className="govuk-table__cell">
              <AppliesTo gateway={g} />
            </td>
            <td className="govuk-table__cell">
              <WordingTag checked={g.wordingChecked} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
