import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import type { AgreementDetail, Session } from '../../api-types.ts';
import { FormGroup } from '../../components/FormGroup.tsx';
import { fromError, noErrors, type FormErrors } from '../../form-errors.ts';
import { mayManage } from './may-manage.ts';
import { versionAwaitingMySignature } from './may-sign.ts';

type ReasonAct = 'suspend' | 'terminate';

interface ActionsProps {
  readonly agreement: AgreementDetail;
  readonly session: Session;
  readonly errors: FormErrors;
  readonly onErrors: (errors: FormErrors) => void;
  /** `warnings`: what the checks found that does not stop signature (POST …/submit). */
  readonly onDone: (notice: string, warnings?: readonly string[]) => void;
}

/**
 * What this user may do with the agreement now. The server decides again: a button shown here
 * that the API refuses shows its answer in the error summary.
 */
export function AgreementActions({ agreement: a, session, errors, onErrors, onDone }: ActionsProps) {
  const [asking, setAsking] = useState<ReasonAct | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const pending = a.versions.find((v) => v.version === a.pendingVersion) ?? null;
  const organisation = session.membership;
  const awaitingMe = versionAwaitingMySignature(session, a);
  const manage = mayManage(session, a);
  const ended = a.termination !== null;

  async function act(run: () => Promise<unknown>, notice: string, fields: string[] = []): Promise<void> {
    await actWithWarnings(
      async () => {
        await run();
        return [];
      },
      notice,
      fields,
    );
  }

  async function actWithWarnings(
    run: () => Promise<readonly string[]>,
    notice: string,
    fields: string[] = [],
  ): Promise<void> {
    if (busy) return;
    setBusy(true);
    onErrors(noErrors);
    try {
      const warnings = await run();
      setAsking(null);
      setReason('');
      onDone(notice, warnings);
    } catch (error) {
      onErrors(fromError(error, fields));
    } finally {
      setBusy(false);
    }
  }

  function confirm(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (asking === 'suspend')
      void act(() => api.suspendAgreement(a.id, reason), 'The agreement is suspended', ['reason']);
    if (asking === 'terminate')
      void act(() => api.terminateAgreement(a.id, reason), 'The agreement is terminated', ['reason']);
  }

  if (asking !== null) {
    const verb = asking === 'suspend' ? 'Suspend' : 'Terminate';
    return (
      <form noValidate onSubmit={confirm} className="app-section">
        <h2 className="govuk-heading-m">{verb} this agreement</h2>
        <p className="govuk-body">
          {asking === 'suspend'
            ? 'Its flows stop at once, until it is resumed.'
            : 'Its flows stop for good. A terminated agreement cannot be resumed.'}
        </p>
        <FormGroup id="reason" label="Reason" error={errors.fields.reason} labelClassName="govuk-label--s">
          <textarea
            className={errors.fields.reason ? 'govuk-textarea govuk-textarea--error' : 'govuk-textarea'}
            id="reason"
            name="reason"
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-describedby={errors.fields.reason ? 'reason-error' : undefined}
          />
        </FormGroup>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            {verb} the agreement
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            onClick={() => setAsking(null)}
          >
            Cancel
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="govuk-button-group app-section">
      {awaitingMe && (
        <Link className="govuk-button" role="button" to={`/agreements/${a.id}/sign`}>
          Sign for {organisation.organisationName}
        </Link>
      )}
      {manage && pending?.status === 'draft' && (
        <>
          <button
            type="button"
            className="govuk-button"
            data-module="govuk-button"
            onClick={() =>
              void actWithWarnings(
                async () => (await api.submitAgreement(a.id)).warnings.map((w) => w.problem),
                'The agreement is awaiting signatures',
              )
            }
          >
            Submit for signature
          </button>
          <Link
            className="govuk-button govuk-button--secondary"
            role="button"
            to={`/agreements/${a.id}/edit`}
          >
            Edit the draft
          </Link>
        </>
      )}
      {manage && a.versionInForce !== null && pending === null && !ended && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={() => void act(() => api.amendAgreement(a.id), 'A new draft version has been started')}
        >
          Amend
        </button>
      )}
      {manage && a.suspension !== null && !ended && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={() => void act(() => api.resumeAgreement(a.id), 'The agreement is resumed')}
        >
          Resume
        </button>
      )}
      {manage && a.inForce && a.suspension === null && (
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          data-module="govuk-button"
          onClick={() => setAsking('suspend')}
        >
          Suspend
        </button>
      )}
      {manage && !ended && a.versionInForce !== null && (
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          data-module="govuk-button"
          onClick={() => setAsking('terminate')}
        >
          Terminate
        </button>
      )}
    </div>
  );
}
