// GOV.UK tag colours for an agreement's status: green only when it is in force and current.
const colours: Readonly<Record<string, string>> = {
  draft: 'govuk-tag--grey',
  awaiting_signatures: 'govuk-tag--yellow',
  signed_not_started: 'govuk-tag--blue',
  active: 'govuk-tag--green',
  review_due: 'govuk-tag--orange',
  suspended: 'govuk-tag--red',
  expired: 'govuk-tag--grey',
  superseded: 'govuk-tag--grey',
  terminated: 'govuk-tag--red',
};

export function AgreementStatusTag({ status, label }: { readonly status: string; readonly label: string }) {
  return <strong className={`govuk-tag ${colours[status] ?? 'govuk-tag--grey'}`}>{label}</strong>;
}
