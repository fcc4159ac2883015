import { Link, Navigate } from 'react-router';
import { usePageTitle } from '../../page-title.ts';
import { pathExit, pathHref, type PathProps } from './path-props.ts';

/** The GOV.UK confirmation page: the decision's reference, and what happens next. */
export function DecisionRecorded({ context, state }: PathProps) {
  const heading = 'Decision recorded';
  usePageTitle(heading);
  const start = context.start;
  if (state.recorded === null) return <Navigate to={pathHref(start, 'record-check')} replace />;
  const shared = state.record.decision === 'share';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{heading}</h1>
          <div className="govuk-panel__body">
            Your reference
            <br />
            <strong className="app-decision-reference">{state.recorded.id}</strong>
          </div>
        </div>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          {shared
            ? 'The receiving organisation can see the information you chose until access ends. The decision, your reasons and the recommendation are kept in the audit log.'
            : 'Your decision not to share, with your reasons and the recommendation, is kept in the audit log. Think again if new information comes to light.'}
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={pathExit(start)}>
            Back to the child
          </Link>
        </p>
      </div>
    </div>
  );
}
