import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  breakGlassOutcomeLabels,
  breakGlassReviewOutcomes,
} from '../../../../domain/break-glass/review-outcomes.ts';
import { api } from '../../api.ts';
import type { BreakGlassReviews } from '../../api-types.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { Radios } from '../../components/Radios.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { formatDateTime } from '../../format.ts';
import { fromError, fromProblems, hasErrors, noErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { outcomeLabel, reasonLabel, roleLabel } from './labels.ts';

const FIELDS = ['outcome', 'notes'] as const;
type Review = BreakGlassReviews['reviews'][number];

/** One break-glass in the queue: who, when, why in their words, and the reviewer's outcome. */
export function BreakGlassReviewPage() {
  const { id = '' } = useParams();
  const [queue, reload] = useApiData(() => api.breakGlassReviews(), [id]);
  const review =
    queue.status === 'loaded' ? queue.data.reviews.find((r) => r.breakGlassId === id) : undefined;
  usePageTitle(review ? `Break-glass by ${review.by.name}` : 'Break-glass review');
  if (queue.status === 'loading') return <Loading />;
  if (queue.status === 'failed') return <LoadFailed error={queue.error} />;
  if (!review)
    return (
      <>
        <h1 className="govuk-heading-l">Break-glass not found</h1>
        <p className="govuk-body">
          <Link className="govuk-link" to="/break-glass/reviews">
            Back to break-glass reviews
          </Link>
        </p>
      </>
    );
  return <ReviewDetail review={review} onReviewed={reload} />;
}

function ReviewDetail({ review, onReviewed }: { readonly review: Review; readonly onReviewed: () => void }) {
  const [outcome, setOutcome] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState(noErrors);
  const [recorded, setRecorded] = useState<string | null>(null);
  usePageTitle(`Break-glass by ${review.by.name}`, hasErrors(errors));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = [
      ...(outcome === '' ? [{ field: 'outcome', problem: 'Select the outcome of your review' }] : []),
      ...(notes.trim() === '' ? [{ field: 'notes', problem: 'Say why you reached this outcome' }] : []),
    ];
    if (problems.length > 0) return setErrors(fromProblems(problems, [...FIELDS]));
    try {
      const result = await api.reviewBreakGlass(review.breakGlassId, { outcome: outcome as never, notes });
      setErrors(noErrors);
      setRecorded(outcomeLabel(result.outcome));
      setOutcome('');
      setNotes('');
      onReviewed();
    } catch (error) {
      setErrors(fromError(error, [...FIELDS]));
    }
  }

  const rows: [string, string][] = [
    ['Broken by', `${review.by.name}, ${roleLabel(review.by.role)}, ${review.by.organisationName}`],
    ['When', `${formatDateTime(review.startedAt)} until ${formatDateTime(review.expiresAt)}`],
    ['Reason', reasonLabel(review.reasonCode)],
    ['In their words', review.reasonText],
    [
      'Limits set aside',
      review.setAsideLimits === 0 ? 'None' : `${review.setAsideLimits} (restriction or withdrawn consent)`,
    ],
    ['Outcome', outcomeLabel(review.outcome)],
    ...(review.notes ? ([['Reviewer’s notes', review.notes]] as [string, string][]) : []),
    ...(review.reviewedBy && review.reviewedAt
      ? ([['Reviewed by', `${review.reviewedBy}, ${formatDateTime(review.reviewedAt)}`]] as [
          string,
          string,
        ][])
      : []),
  ];
  return (
    <>
      {recorded && <NotificationBanner type="success" heading={`Outcome recorded: ${recorded}`} />}
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">Break-glass review</span>
      <h1 className="govuk-heading-l">{`Break-glass by ${review.by.name}`}</h1>
      <dl className="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value app-break-anywhere">{value}</dd>
          </div>
        ))}
      </dl>
      {review.status === 'pending' && (
        <form noValidate onSubmit={submit}>
          <Radios
            id="outcome"
            legend="Was breaking glass justified?"
            value={outcome}
            onChange={setOutcome}
            error={errors.fields.outcome}
            options={breakGlassReviewOutcomes.map((o) => ({ value: o, label: breakGlassOutcomeLabels[o] }))}
          />
          <Textarea
            id="notes"
            label="Your reasons"
            hint="Recorded with the outcome. If not justified, say to whom you referred it."
            value={notes}
            onChange={setNotes}
            error={errors.fields.notes}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Record the outcome
          </button>
        </form>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/break-glass/reviews">
          Back to break-glass reviews
        </Link>
      </p>
    </>
  );
}
