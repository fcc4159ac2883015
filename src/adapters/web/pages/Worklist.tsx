import { Link } from 'react-router';
import { api } from '../api.ts';
import type { Worklist as WorklistData } from '../api-types.ts';
import { Loading, LoadFailed } from '../components/Status.tsx';
import { formatDateTime } from '../format.ts';
import { useApiData } from '../use-api-data.ts';

/**
 * What is waiting for the person signed in, by role (GET /api/worklist): the children they opened
 * lately, agreements their organisation has still to sign, matches to review and feed runs that
 * rejected rows. A part the role has no work of is left out; an empty part says so plainly.
 */
export function Worklist() {
  const [worklist] = useApiData(() => api.worklist(), []);
  if (worklist.status === 'loading') return <Loading />;
  if (worklist.status === 'failed') return <LoadFailed error={worklist.error} />;
  const w = worklist.data;
  return (
    <>
      {w.recentChildren && <RecentChildren recent={w.recentChildren} />}
      {w.signaturesAwaited && <Signatures awaited={w.signaturesAwaited} />}
      {w.linkReviewsWaiting !== null && <LinkReviews waiting={w.linkReviewsWaiting} />}
      {w.feedRunsWithRejections && <FeedRuns runs={w.feedRunsWithRejections} />}
    </>
  );
}

function RecentChildren({ recent }: { readonly recent: NonNullable<WorklistData['recentChildren']> }) {
  return (
    <section className="app-worklist" aria-labelledby="recent-children">
      <h2 className="govuk-heading-m" id="recent-children">
        Children you looked at recently
      </h2>
      {recent.length === 0 ? (
        <p className="govuk-body">You have not opened a child’s record yet.</p>
      ) : (
        <ul className="govuk-list">
          {recent.map((c) => (
            <li key={`${c.personId}|${c.purpose}`}>
              <Link
                className="govuk-link"
                to={`/persons/${c.personId}?purpose=${encodeURIComponent(c.purpose)}`}
              >
                {c.name ?? 'Child (name not shown for this purpose)'}
              </Link>
              <span className="govuk-hint govuk-!-margin-bottom-0 govuk-!-display-block">{`${c.purposeLabel}, last opened ${formatDateTime(c.viewedAt)}`}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/persons">
          Find a child
        </Link>
      </p>
    </section>
  );
}

function Signatures({ awaited }: { readonly awaited: NonNullable<WorklistData['signaturesAwaited']> }) {
  return (
    <section className="app-worklist" aria-labelledby="signatures-awaited">
      <h2 className="govuk-heading-m" id="signatures-awaited">
        Agreements waiting for your organisation’s signature
      </h2>
      {awaited.length === 0 ? (
        <p className="govuk-body">No agreement is waiting for your organisation to sign.</p>
      ) : (
        <ul className="govuk-list">
          {awaited.map((a) => (
            <li key={a.id}>
              <Link className="govuk-link" to={`/agreements/${a.id}`}>
                {`${a.reference}: ${a.title}`}
              </Link>{' '}
              <span className="govuk-hint govuk-!-display-inline">{`(version ${a.version})`}</span>{' '}
              <Link className="govuk-link" to={`/agreements/${a.id}/sign`}>
                Sign<span className="govuk-visually-hidden">{` ${a.reference} version ${a.version}`}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LinkReviews({ waiting }: { readonly waiting: number }) {
  return (
    <section className="app-worklist" aria-labelledby="link-reviews-waiting">
      <h2 className="govuk-heading-m" id="link-reviews-waiting">
        Possible matches to review
      </h2>
      <p className="govuk-body">
        {waiting === 0 ? (
          'No possible match is waiting for review.'
        ) : (
          <Link className="govuk-link" to="/link-reviews">
            {waiting === 1
              ? '1 possible match is waiting for review'
              : `${waiting} possible matches are waiting for review`}
          </Link>
        )}
      </p>
    </section>
  );
}

function FeedRuns({ runs }: { readonly runs: NonNullable<WorklistData['feedRunsWithRejections']> }) {
  return (
    <section className="app-worklist" aria-labelledby="feed-runs-rejected">
      <h2 className="govuk-heading-m" id="feed-runs-rejected">
        Feed runs with rejected rows
      </h2>
      {runs.length === 0 ? (
        <p className="govuk-body">No recent feed run rejected any rows.</p>
      ) : (
        <ul className="govuk-list">
          {runs.map((r) => (
            <li key={r.id}>
              <Link className="govuk-link" to={`/feeds/runs/${r.id}`}>
                {`${r.feed}, ${formatDateTime(r.startedAt)}`}
              </Link>
              <span className="govuk-hint govuk-!-margin-bottom-0">{`${r.rejected} of ${r.rowsRead} ${r.rowsRead === 1 ? 'row' : 'rows'} rejected`}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
