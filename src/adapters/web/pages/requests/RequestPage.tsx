import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api.ts';
import type { InformationRequest } from '../../api-types.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { fromError, hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { noticeFrom } from '../../route-state.ts';
import { useApiData } from '../../use-api-data.ts';
import {
  messageLabels,
  purposeLabels,
  ragLabels,
  ragTagClass,
  refusalReasonLabels,
  statusLabels,
  timeLeftInWords,
} from './request-labels.ts';

type Check = InformationRequest['partnerChecks'][number];

/**
 * One request: what was asked about which child, and each agency's check with its clock. The
 * asked agency may ask the requester to clarify or to verify who they are (the clock stops), or
 * refuse with reasons; the requester answers the question (the clock starts again) or withdraws.
 * A shared answer is a decision record (the decisions module).
 */
export function RequestPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const [request, reload] = useApiData(() => api.informationRequest(id), [id]);
  const [notice, setNotice] = useState<string | null>(noticeFrom(location.state));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  usePageTitle('Request for information', hasErrors(errors));
  const done = (text: string) => {
    setErrors(noErrors);
    setNotice(text);
    reload();
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/requests" className="govuk-back-link">
          Back to requests
        </Link>
        <ErrorSummary errors={errors} />
        {notice && !hasErrors(errors) && <NotificationBanner type="success" heading={notice} />}
        {request.status === 'loading' && <Loading />}
        {request.status === 'failed' && <LoadFailed error={request.error} />}
        {request.status === 'loaded' && (
          <RequestDetail request={request.data} onDone={done} onError={setErrors} errors={errors} />
        )}
      </div>
    </div>
  );
}

interface ActProps {
  readonly request: InformationRequest;
  readonly onDone: (notice: string) => void;
  readonly onError: (errors: FormErrors) => void;
  readonly errors: FormErrors;
}

function RequestDetail({ request, onDone, onError, errors }: ActProps) {
  const child = request.child;
  const rows: [string, ReactNode][] = [
    ['Child', `${child.firstName} ${child.lastName}`],
    ...(child.dob ? [['Date of birth', formatDate(child.dob)] as [string, ReactNode]] : []),
    ...(child.nhsNumber ? [['NHS number', child.nhsNumber] as [string, ReactNode]] : []),
    ...(child.postcode ? [['Postcode', child.postcode] as [string, ReactNode]] : []),
    ['Purpose', purposeLabels[request.purpose] ?? request.purpose],
    ['Legal gateway', request.gatewayId],
    ['RAG rating', <strong className={ragTagClass[request.rag]}>{ragLabels[request.rag]}</strong>],
    ['Question', request.question],
    ['From', `${request.requester.userName}, ${request.requester.organisationName}`],
    ['Sent', formatDateTime(request.createdAt)],
  ];
  const waiting = request.partnerChecks.some((c) => c.closedAt === null);
  return (
    <>
      <span className="govuk-caption-l">Request for information</span>
      <h1 className="govuk-heading-l">
        {child.firstName} {child.lastName}
      </h1>
      <dl className="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      {request.partnerChecks.map((check) => (
        <CheckSection key={check.organisationId} check={check} {...{ request, onDone, onError, errors }} />
      ))}
      {request.side === 'requester' && waiting && (
        <TextAct
          id="withdrawReason"
          heading="Withdraw the request"
          label="Why are you withdrawing it?"
          button="Withdraw request"
          secondary
          errors={errors}
          onError={onError}
          act={async (reason) => {
            await api.withdrawRequest(request.id, reason);
            onDone('The request has been withdrawn');
          }}
        />
      )}
    </>
  );
}

function CheckSection({ check, request, onDone, onError, errors }: ActProps & { readonly check: Check }) {
  const msLeft = check.dueAt ? new Date(check.dueAt).getTime() - Date.now() : null;
  const act = (path: string, body: object, notice: string) => async () => {
    await api.actOnCheck(request.id, check.organisationId, path, body);
    onDone(notice);
  };
  const key = check.organisationId;
  return (
    <section className="app-section" aria-labelledby={`check-${key}`}>
      <h2 className="govuk-heading-m" id={`check-${key}`}>
        {check.organisationName}
      </h2>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Status</dt>
          <dd className="govuk-summary-list__value">{statusLabels[check.status] ?? check.status}</dd>
        </div>
        {check.closedAt === null && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Due</dt>
            <dd className="govuk-summary-list__value">
              {check.dueAt
                ? `${formatDateTime(check.dueAt)} (${timeLeftInWords(msLeft)})`
                : 'The clock is stopped'}
            </dd>
          </div>
        )}
        {check.refusal && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Refused because</dt>
            <dd className="govuk-summary-list__value">
              <ul className="govuk-list govuk-list--bullet">
                {check.refusal.reasons.map((r) => (
                  <li key={r}>{refusalReasonLabels[r as keyof typeof refusalReasonLabels] ?? r}</li>
                ))}
              </ul>
              <p className="govuk-body">{check.refusal.explanation}</p>
            </dd>
          </div>
        )}
        {check.messages.map((m) => (
          <div className="govuk-summary-list__row" key={`${m.kind}/${m.at}`}>
            <dt className="govuk-summary-list__key">
              {messageLabels[m.kind]}, {formatDateTime(m.at)}
            </dt>
            <dd className="govuk-summary-list__value">{m.text}</dd>
          </div>
        ))}
      </dl>
      {request.side === 'responder' && check.status === 'open' && (
        <>
          <TextAct
            id="clarifyQuestion"
            heading="Ask the requester to clarify"
            label="What do you need to know?"
            hint="The clock stops until they answer"
            button="Ask to clarify"
            errors={errors}
            onError={onError}
            act={(question) =>
              act('clarification-request', { question }, 'The requester has been asked to clarify')()
            }
          />
          <TextAct
            id="verifyQuestion"
            heading="Ask the requester to verify who they are"
            label="How should they verify?"
            hint="For example, call back through their organisation’s switchboard. The clock stops until they do."
            button="Ask to verify"
            errors={errors}
            onError={onError}
            act={(question) =>
              act(
                'verification-request',
                { question },
                'The requester has been asked to verify who they are',
              )()
            }
          />
          <RefuseForm
            errors={errors}
            onError={onError}
            act={(body) => act('refusal', body, 'The request has been refused')()}
          />
          <p className="govuk-body">To share information, record a decision to share for this request.</p>
        </>
      )}
      {request.side === 'requester' &&
        (check.status === 'awaiting_clarification' || check.status === 'awaiting_verification') && (
          <TextAct
            id={`answer-${key}`}
            heading={check.status === 'awaiting_clarification' ? 'Clarify the request' : 'Verify who you are'}
            label="Your answer"
            button="Send answer"
            errors={errors}
            onError={onError}
            act={(answer) =>
              act(
                check.status === 'awaiting_clarification' ? 'clarification' : 'verification',
                { answer },
                'Your answer has been sent and the clock has started again',
              )()
            }
          />
        )}
    </section>
  );
}

function TextAct(props: {
  readonly id: string;
  readonly heading: string;
  readonly label: string;
  readonly hint?: string;
  readonly button: string;
  readonly secondary?: boolean;
  readonly errors: FormErrors;
  readonly onError: (errors: FormErrors) => void;
  readonly act: (text: string) => Promise<void>;
}) {
  const [text, setText] = useState('');
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await props.act(text);
      setText('');
    } catch (error) {
      const errors = fromError(error, [props.id], props.id);
      onlyField(errors, props.id);
      props.onError(errors);
    }
  }
  return (
    <form noValidate onSubmit={submit}>
      <h3 className="govuk-heading-s">{props.heading}</h3>
      <Textarea
        id={props.id}
        label={props.label}
        {...(props.hint ? { hint: props.hint } : {})}
        value={text}
        onChange={setText}
        error={props.errors.fields[props.id]}
        rows={3}
      />
      <button
        type="submit"
        className={
          props.secondary ? 'govuk-button govuk-button--warning' : 'govuk-button govuk-button--secondary'
        }
        data-module="govuk-button"
      >
        {props.button}
      </button>
    </form>
  );
}

/** Any field the API named is shown at the one text box of the form that was sent. */
function onlyField(errors: FormErrors, id: string): void {
  const first = errors.summary[0];
  if (first && errors.fields[id] === undefined) {
    (errors.fields as Record<string, string>)[id] = first.text;
    (errors.summary as { text: string; field?: string }[])[0] = { text: first.text, field: id };
  }
}

function RefuseForm(props: {
  readonly errors: FormErrors;
  readonly onError: (errors: FormErrors) => void;
  readonly act: (body: { reasons: string[]; explanation: string }) => Promise<void>;
}) {
  const [reasons, setReasons] = useState<string[]>([]);
  const [explanation, setExplanation] = useState('');
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await props.act({ reasons, explanation });
    } catch (error) {
      props.onError(fromError(error, ['reasons', 'explanation'], 'explanation'));
    }
  }
  return (
    <form noValidate onSubmit={submit}>
      <h3 className="govuk-heading-s">Refuse the request</h3>
      <Checkboxes
        id="reasons"
        legend="Why are you refusing?"
        values={reasons}
        onChange={setReasons}
        error={props.errors.fields.reasons}
        options={Object.entries(refusalReasonLabels).map(([value, label]) => ({ value, label }))}
      />
      <Textarea
        id="explanation"
        label="Explain the refusal to the requester"
        hint="Say what would let you reconsider"
        value={explanation}
        onChange={setExplanation}
        error={props.errors.fields.explanation}
        rows={3}
      />
      <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
        Refuse request
      </button>
    </form>
  );
}
