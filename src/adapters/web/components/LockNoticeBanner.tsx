import { Link } from 'react-router';
import type { Session } from '../api-types.ts';
import { formatDateTime } from '../format.ts';
import { NotificationBanner } from './NotificationBanner.tsx';

/**
 * Tells the account holder, on the pages after they sign in, that their account was locked
 * since they last signed in: when, and how many attempts failed. Only the sign-in answer carries
 * the notice, so it goes when the session is next read (a reload, a change of organisation).
 */
export function LockNoticeBanner({ notice }: { readonly notice: NonNullable<Session['lockNotice']> }) {
  const attempts = `${notice.failedAttempts} failed ${notice.failedAttempts === 1 ? 'attempt' : 'attempts'}`;
  return (
    <NotificationBanner heading={`Your account was locked on ${formatDateTime(notice.lockedAt)}`}>
      <p className="govuk-body">
        There were {attempts} to sign in to your account since you last signed in. If you did not make them
        all, tell your organisation’s administrator and{' '}
        <Link className="govuk-link" to="/change-password">
          change your password
        </Link>
        .
      </p>
    </NotificationBanner>
  );
}
