import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  breakGlassReasonCodes,
  breakGlassReasonLabels,
} from '../../../../domain/break-glass/reason-codes.ts';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Radios } from '../../components/Radios.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { fromError, fromProblems, hasErrors, noErrors } from '../../form-errors.ts';
import { mayBreakGlassAs } from '../../may-find-children.ts';
import { usePageTitle } from '../../page-title.ts';
import { useSignedInSession } from '../../session.tsx';

const FIELDS = ['reasonCode', 'reasonText', 'personId'] as const;

/**
 * Break glass (issue 16 point 7): a warning that says what happens, why, and the form. Confirming
 * opens the child's view under 'emergency' for at most an hour. The server refuses what this
 * page checks, and more (one child, the rate limit).
 */
export function BreakGlassPage() {
  const { personId = '' } = useParams();
  const session = useSignedInSession();
  const navigate = useNavigate();
  const [reasonCode, setReasonCode] = useState('');
  const [reasonText, setReasonText] = useState('');
  const [errors, setErrors] = useState(noErrors);
  const [sending, setSending] = useState(false);
  usePageTitle('Break glass: emergency access', hasErrors(errors));

  if (!mayBreakGlassAs(session))
    return (
      <>
        <h1 className="govuk-heading-l">You cannot break glass</h1>
        <p className="govuk-body">Your role does not give emergency access to children’s records.</p>
      </>
    );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = [
      ...(reasonCode === '' ? [{ field: 'reasonCode', problem: 'Select why you must break glass' }] : []),
      ...(reasonText.trim().length < 10
        ? [
            {
              field: 'reasonText',
              problem: 'Say in your own words why this cannot wait (at least 10 characters)',
            },
          ]
        : []),
    ];
    if (problems.length > 0) return setErrors(fromProblems(problems, [...FIELDS]));
    setSending(true);
    try {
      await api.breakGlass({ personId, reasonCode: reasonCode as never, reasonText });
      void navigate(`/persons/${encodeURIComponent(personId)}?purpose=emergency`);
    } catch (error) {
      setErrors(fromError(error, [...FIELDS]));
      setSending(false);
    }
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Break glass: emergency access</h1>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Only where a child’s life or safety is at risk now and you cannot wait. Breaking glass is recorded
          and reviewed.
        </strong>
      </div>
      <p className="govuk-body">If you continue:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>you alone will see everything every agency holds about this one child, for up to an hour</li>
        <li>restrictions and withdrawn consent on the records are set aside, and the record says which</li>
        <li>
          the data protection officer and Caldicott guardian of every organisation holding the child’s records
          are told at once, and review your reasons afterwards
        </li>
        <li>you may break glass only a few times a day</li>
      </ul>
      <p className="govuk-body">
        The law allows this to protect someone’s life or prevent serious harm, when no other basis is
        available (UK GDPR Article 6(1)(d) and Article 9(2)(c), vital interests). If there is immediate
        danger, call 999 first.
      </p>
      <form noValidate onSubmit={submit}>
        <Radios
          id="reasonCode"
          legend="Why must you break glass?"
          value={reasonCode}
          onChange={setReasonCode}
          error={errors.fields.reasonCode}
          options={breakGlassReasonCodes.map((code) => ({
            value: code,
            label: breakGlassReasonLabels[code].label,
            hint: breakGlassReasonLabels[code].hint,
          }))}
        />
        <Textarea
          id="reasonText"
          label="What is happening, and why can it not wait?"
          hint="The reviewers will read this. Say what you know and what you need to find out."
          value={reasonText}
          onChange={setReasonText}
          error={errors.fields.reasonText}
          rows={5}
        />
        <div className="govuk-button-group">
          <button
            type="submit"
            className="govuk-button govuk-button--warning"
            data-module="govuk-button"
            disabled={sending}
          >
            Break glass and open the record
          </button>
          <Link className="govuk-link" to="/persons">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
