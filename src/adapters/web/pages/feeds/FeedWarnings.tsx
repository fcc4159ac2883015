import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { IngestRun } from '../../api-types.ts';
import { fieldGroupLabel } from './run-labels.ts';

/** The GOV.UK warning text pattern. */
export function WarningText({ children }: { readonly children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

/**
 * What a run's counts alone would hide (issue 14): records kept but linked to no one because
 * their person's details are missing, and records in a category no agreement shares.
 */
export function RunWarnings({ run }: { readonly run: IngestRun }) {
  const holder = run.organisationName ?? 'the organisation';
  return (
    <>
      {run.waitingForIdentity > 0 && (
        <WarningText>
          {run.waitingForIdentity === 1 ? '1 record is' : `${run.waitingForIdentity} records are`} kept but
          waiting for identity: the person&apos;s details row was refused or has not arrived, so no one
          outside {holder} sees {run.waitingForIdentity === 1 ? 'it' : 'them'} yet.{' '}
          <Link className="govuk-link" to="/feeds/waiting">
            See the records waiting for identity
          </Link>
          .
        </WarningText>
      )}
      {run.sharedOutside === false && (
        <WarningText>
          No agreement in force lets anyone outside {holder} see{' '}
          {fieldGroupLabel(run.fieldGroup).toLowerCase()}: these records reach no one.{' '}
          <Link className="govuk-link" to="/agreements/coverage">
            Check which agreements cover this organisation
          </Link>
          .
        </WarningText>
      )}
    </>
  );
}
