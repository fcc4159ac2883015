import { TableScroll } from '../../components/TableScroll.tsx';
import { Link } from 'react-router';
import type { AgreementFlow } from '../../api-types.ts';
import type { Labeller } from './labels.ts';

const names = (orgs: readonly { name: string }[]) => orgs.map((o) => o.name).join(', ');

/** A gateway id as a link to the catalogue, with its title when the agreement knows it. */
export function GatewayLink({ id, title }: { readonly id: string; readonly title?: string | undefined }) {
  return (
    <Link className="govuk-link" to={`/gateways/${encodeURIComponent(id)}`}>
      {title === undefined ? id : `${id}: ${title}`}
    </Link>
  );
}

/** The legal bases of a flow (UK GDPR Arts 6, 9, 10; DPA 2018 Sched 1; statute; common law). */
export function FlowBases({ flow }: { readonly flow: Omit<AgreementFlow, 'id'> }) {
  const rows: [string, string | null | readonly string[]][] = [
    ['Art 6', flow.art6BasisId],
    ['Art 9', flow.art9ConditionId],
    ['Sched 1 (Art 9)', flow.art9Sched1ConditionId],
    ['Art 10', flow.art10ConditionId],
    ['Sched 1 (Art 10)', flow.art10Sched1ConditionId],
    ['Statutory gateway', flow.statutoryGatewayIds],
    ['Confidentiality', flow.confidentialityGatewayId],
  ];
  return (
    <ul className="govuk-list govuk-body-s">
      {rows
        .filter(([, v]) => v !== null && (typeof v === 'string' || v.length > 0))
        .map(([label, v]) => (
          <li key={label}>
            {label}:{' '}
            {(typeof v === 'string' ? [v] : (v ?? [])).map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <GatewayLink id={id} />
              </span>
            ))}
          </li>
        ))}
    </ul>
  );
}

export function FlowTable({
  flows,
  label,
  caption,
  editableFor,
}: {
  readonly flows: readonly AgreementFlow[];
  readonly label: Labeller;
  readonly caption: string;
  /** The agreement's id when these are a draft's flows that the viewer may change. */
  readonly editableFor?: string | undefined;
}) {
  const headers = ['Flow', 'From → to', 'Purposes', 'Information', 'Legal bases', 'Method'];
  if (flows.length === 0) return <p className="govuk-body">This version has no flows.</p>;
  return (
    <TableScroll label={caption}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {[...headers, ...(editableFor === undefined ? [] : ['Changes'])].map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {flows.map((f) => (
            <tr className="govuk-table__row" key={f.id}>
              <td className="govuk-table__cell">
                {f.position}. {f.name}
              </td>
              <td className="govuk-table__cell">
                {names(f.from)} → {names(f.to)}
              </td>
              <td className="govuk-table__cell">{f.purposes.map((p) => label('purposes', p)).join(', ')}</td>
              <td className="govuk-table__cell">
                {f.fieldGroups.map((g) => label('fieldGroups', g)).join(', ')}
              </td>
              <td className="govuk-table__cell">
                <FlowBases flow={f} />
              </td>
              <td className="govuk-table__cell">
                {label('methods', f.method)}, {label('frequencies', f.frequency).toLowerCase()}
              </td>
              {editableFor !== undefined && (
                <td className="govuk-table__cell">
                  <ul className="govuk-list">
                    <li>
                      <Link className="govuk-link" to={`/agreements/${editableFor}/flows/${f.id}`}>
                        Change<span className="govuk-visually-hidden"> flow {f.position}</span>
                      </Link>
                    </li>
                    <li>
                      <Link className="govuk-link" to={`/agreements/${editableFor}/flows/${f.id}/remove`}>
                        Remove<span className="govuk-visually-hidden"> flow {f.position}</span>
                      </Link>
                    </li>
                  </ul>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
