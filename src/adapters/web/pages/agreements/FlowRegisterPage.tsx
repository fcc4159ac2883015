import { Link } from 'react-router';
import { api, FLOW_REGISTER_CSV_URL } from '../../api.ts';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { FlowBases } from './FlowTable.tsx';
import { labellerFor } from './labels.ts';

const names = (orgs: readonly { name: string }[]) => orgs.map((o) => o.name).join(', ');

/**
 * Every flow in force across the partnership's agreements: the record of processing the
 * partners keep together (UK GDPR Art 30) and what the policy module enforces.
 */
export function FlowRegisterPage() {
  usePageTitle('Flow register');
  const [register] = useApiData(() => api.flowRegister(), []);
  const [reference] = useApiData(() => api.agreementReference(), []);
  const label = labellerFor(reference.status === 'loaded' ? reference.data : null);
  return (
    <>
      <Link className="govuk-back-link" to="/agreements">
        All agreements
      </Link>
      <h1 className="govuk-heading-l">Flow register</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Every flow of information that an agreement in force allows: who shares with whom, why, and under
            which law. Nothing else may be shared through Tessera.
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href={FLOW_REGISTER_CSV_URL} download>
              Download the flow register (.csv)
            </a>
          </p>
        </div>
      </div>
      {register.status === 'loading' && <Loading />}
      {register.status === 'failed' && <LoadFailed error={register.error} />}
      {register.status === 'loaded' &&
        (register.data.flows.length === 0 ? (
          <p className="govuk-body">No flow is in force.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {register.data.flows.length} flows in force on{' '}
              <time dateTime={register.data.at}>{formatDateTime(register.data.at)}</time>
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {['Agreement', 'Flow', 'From → to', 'Purposes', 'Legal bases', 'Review date'].map((h) => (
                  <th scope="col" className="govuk-table__header" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {register.data.flows.map((f) => (
                <tr className="govuk-table__row" key={f.flowId}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/agreements/${f.agreementId}`}>
                      {f.reference}
                    </Link>{' '}
                    version {f.version}
                  </td>
                  <td className="govuk-table__cell">
                    {f.position}. {f.name}
                  </td>
                  <td className="govuk-table__cell">
                    {names(f.from)} → {names(f.to)}
                  </td>
                  <td className="govuk-table__cell">
                    {f.purposes.map((p) => label('purposes', p)).join(', ')}
                  </td>
                  <td className="govuk-table__cell">
                    <FlowBases flow={f} />
                  </td>
                  <td className="govuk-table__cell">
                    <time dateTime={f.reviewDate}>{formatDate(f.reviewDate)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </>
  );
}
