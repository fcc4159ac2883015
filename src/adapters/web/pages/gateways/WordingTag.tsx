/** Whether a gateway's paraphrase has been checked against legislation.gov.uk, as a GOV.UK tag. */
export function WordingTag({ checked }: { readonly checked: boolean }) {
  return checked ? (
    <strong className="govuk-tag govuk-tag--green">Checked</strong>
  ) : (
    <strong className="govuk-tag govuk-tag--yellow">Not checked</strong>
  );
}

/** GOV.UK warning text for a gateway whose wording nobody has checked yet. */
export function UncheckedWarning() {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        The wording of this gateway has not been checked. Check it against legislation.gov.uk before you rely
        on it.
      </strong>
    </div>
  );
}
