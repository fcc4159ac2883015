import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import type { LinkReview } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { Radios } from '../../components/Radios.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { formatDateTime } from '../../format.ts';
import { fromError, hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { percent, reasonLabels, statusLabels } from './labels.ts';
import { Explanation, RecordsSideBySide } from './PairTables.tsx';

const decisionLabels: Readonly<Record<string, string>> = {
  confirmed: 'Confirmed as one person',
  rejected: 'Rejected as different people',
  undone: 'Match undone',
};

interface FormProps {
  readonly review: LinkReview;
  readonly errors: FormErrors;
  readonly onErrors: (errors: FormErrors) => void;
  readonly onDone: (notice: string) => void;
}

/** Confirm or reject a pending pair, or undo a confirmed one: always with a reason. */
function DecisionForm({ review, errors, onErrors, onDone }: FormProps) {
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const undoing = review.status === 'confirmed';
  if (review.status !== 'pending' && !undoing) return null;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    onErrors(noErrors);
    try {
      if (undoing) {
        await api.undoLinkReview(review.id, reason);
        onDone('The match has been undone: each record is back with the person it was with');
      } else {
        await api.decideLinkReview(review.id, { decision: decision as 'confirmed' | 'rejected', reason });
        onDone(
          decision === 'confirmed'
            ? 'The records are now one person'
            : 'The records stay as different people',
        );
      }
      setReason('');
    } catch (error) {
      onErrors(fromError(error, undoing ? ['reason'] : ['decision', 'reason']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="app-section">
      {undoing ? (
        <h2 className="govuk-heading-m">Undo this match</h2>
      ) : (
        <Radios
          id="decision"
          legend="Are these records about the same person?"
          error={errors.fields.decision}
          value={decision}
          onChange={setDecision}
          options={[
            { value: 'confirmed', label: 'Yes, the same person' },
            { value: 'rejected', label: 'No, different people' },
          ]}
        />
      )}
      <Textarea
        id="reason"
        label={undoing ? 'Why are you undoing it?' : 'Reason for your decision'}
        hint="This is kept in the audit log with your decision."
        error={errors.fields.reason}
        value={reason}
        onChange={setReason}
        rows={3}
      />
      <button
        type="submit"
        className={undoing ? 'govuk-button govuk-button--warning' : 'govuk-button'}
        data-module="govuk-button"
      >
        {undoing ? 'Undo the match' : 'Save decision'}
      </button>
    </form>
  );
}

function History({ decisions }: { readonly decisions: LinkReview['decisions'] }) {
  if (decisions.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Decisions</h2>
      <ul className="govuk-list">
        {decisions.map((d) => (
          <li key={`${d.kind}:${d.decidedAt}`}>
            <strong>{decisionLabels[d.kind] ?? d.kind}</strong> on {formatDateTime(d.decidedAt)}: {d.reason}
          </li>
        ))}
      </ul>
    </>
  );
}

/** One pair side by side, with the explanation of its score and the reviewer's decision. */
export function LinkReviewPage() {
  const { id = '' } = useParams();
  const [review, reload] = useApiData(() => api.linkReview(id), [id]);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<string | null>(null);
  const notFound = review.status === 'failed' && review.error.status === 404;
  usePageTitle(notFound ? 'Page not found' : 'Are these the same person?', hasErrors(errors));
  return (
    <>
      <Link className="govuk-back-link" to="/link-reviews">
        All possible matches
      </Link>
      <ErrorSummary errors={errors} />
      {notice && !hasErrors(errors) && <NotificationBanner type="success" heading={notice} />}
      {review.status === 'loading' && <Loading />}
      {notFound && <NotFoundPage />}
      {review.status === 'failed' && !notFound && <LoadFailed error={review.error} />}
      {review.status === 'loaded' && (
        <>
          <span className="govuk-caption-l">{reasonLabels[review.data.reason] ?? review.data.reason}</span>
          <h1 className="govuk-heading-l">Are these the same person?</h1>
          <p className="govuk-body">
            <strong className="govuk-tag govuk-tag--grey">{statusLabels[review.data.status]}</strong> Match
            probability {percent(review.data.matchProbability)}.{' '}
            {review.data.samePerson ? 'They are one person now.' : 'They are kept as different people now.'}
          </p>
          <RecordsSideBySide records={review.data.records} />
          <Explanation explanation={review.data.explanation} />
          <DecisionForm
            review={review.data}
            errors={errors}
            onErrors={(next) => {
              setErrors(next);
              if (hasErrors(next)) setNotice(null);
            }}
            onDone={(text) => {
              setNotice(text);
              reload();
            }}
          />
          <History decisions={review.data.decisions} />
        </>
      )}
    </>
  );
}
