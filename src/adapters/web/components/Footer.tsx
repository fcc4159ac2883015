export function Footer() {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">About Tessera</h2>
            <p className="app-footer__text">
              Tessera helps safeguarding partners share information about children lawfully. Every time
              someone uses it, it is recorded in an audit log that cannot be changed without detection.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
