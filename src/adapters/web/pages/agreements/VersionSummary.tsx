import { TableScroll } from '../../components/TableScroll.tsx';
import type { ReactNode } from 'react';
import type { AgreementVersion } from '../../api-types.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { AgreementStatusTag } from './AgreementStatusTag.tsx';

export function Row({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

const Text = ({ text }: { readonly text: string }) =>
  text.trim() === '' ? <span className="app-secondary-text">Not written yet</span> : <>{text}</>;

/** The sections of one version, as the parties signed (or will sign) them. */
export function VersionSummary({ version }: { readonly version: AgreementVersion }) {
  return (
    <dl className="govuk-summary-list">
      <Row label="Version">
        {version.version} <AgreementStatusTag status={version.status} label={version.statusLabel} />
      </Row>
      <Row label="Purpose">
        <Text text={version.summary} />
      </Row>
      <Row label="Parties">
        <ul className="govuk-list">
          {version.parties.map((p) => (
            <li key={p.organisationId}>
              {p.name}
              {p.contact === null ? '' : ` (${p.contact})`}:{' '}
              <strong className={`govuk-tag ${p.signed ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>
                {p.signed ? 'Signed' : 'Not signed'}
              </strong>
            </li>
          ))}
        </ul>
      </Row>
      <Row label="Dates">
        Starts <time dateTime={version.startDate}>{formatDate(version.startDate)}</time>, review by{' '}
        <time dateTime={version.reviewDate}>{formatDate(version.reviewDate)}</time>
        {version.endDate === null ? (
          ', no end date'
        ) : (
          <>
            , ends <time dateTime={version.endDate}>{formatDate(version.endDate)}</time>
          </>
        )}
      </Row>
      <Row label="Security">
        <Text text={version.security} />
      </Row>
      <Row label="Retention">
        <Text text={version.retention} />
      </Row>
      <Row label="Rights of the people concerned">
        <Text text={version.rights} />
      </Row>
    </dl>
  );
}

/** Every version, oldest first, with who signed each and when: the history is never edited. */
export function VersionHistory({ versions }: { readonly versions: readonly AgreementVersion[] }) {
  return (
    <TableScroll label="Version history">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Version history</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Version', 'Status', 'Signatures', 'Awaiting'].map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {versions.map((v) => (
            <tr className="govuk-table__row" key={v.version}>
              <td className="govuk-table__cell">{v.version}</td>
              <td className="govuk-table__cell">
                <AgreementStatusTag status={v.status} label={v.statusLabel} />
              </td>
              <td className="govuk-table__cell">
                {v.signatures.length === 0 ? (
                  'None'
                ) : (
                  <ul className="govuk-list govuk-body-s">
                    {v.signatures.map((s) => (
                      <li key={`${s.organisationId}:${s.userId}`}>
                        {s.signerName}, {s.roleLabel}, for {s.name}, on{' '}
                        <time dateTime={s.signedAt}>{formatDateTime(s.signedAt)}</time>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="govuk-table__cell">
                {v.awaitingSignatureFrom.length === 0
                  ? 'Nobody'
                  : v.awaitingSignatureFrom.map((o) => o.name).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
