import { useEffect, useRef, useState } from 'react';
import { lastActivity } from '../api-client.ts';
import { api } from '../api.ts';
import { SESSION_ENDED_NOTICE, SIGNED_OUT_NOTICE, useSessionContext } from '../session.tsx';

/**
 * The server ends a session after 30 minutes without a request (identity/session-token.ts); it
 * notes activity at most once a minute, so the browser counts 29 to be safe, and warns 2 minutes
 * before, after the GOV.UK timeout warning pattern: a modal dialog with the time left and a button
 * that keeps the session (any request to the server does), or signing out now.
 */
export const SIGN_OUT_AFTER_MS = 29 * 60_000;
export const WARN_BEFORE_MS = 2 * 60_000;
const CHECK_EVERY_MS = 5_000;

export function SessionTimeout() {
  const { signedOut } = useSessionContext();
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [left, setLeft] = useState<number | null>(null);

  useEffect(() => {
    const check = () => {
      const remaining = lastActivity() + SIGN_OUT_AFTER_MS - Date.now();
      if (remaining <= 0) {
        // Sign out here too, so the server's session ends with the page's (best effort).
        api.signOut().catch(() => undefined);
        signedOut(SESSION_ENDED_NOTICE);
      } else setLeft(remaining <= WARN_BEFORE_MS ? remaining : null);
    };
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [signedOut]);

  const open = left !== null;
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      button.current?.focus();
    } else if (!open && d.open) d.close();
  }, [open]);

  const stay = async () => {
    await api.currentSession().catch(() => null);
    setLeft(null);
  };
  const minutes = left === null ? 0 : Math.max(1, Math.ceil(left / 60_000));
  const words = `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;

  return (
    <dialog
      ref={dialog}
      className="app-timeout-dialog"
      aria-labelledby="timeout-heading"
      aria-describedby="timeout-message"
      // Escape keeps the session too, as closing the warning is a sign of someone at the screen.
      onCancel={(event) => {
        event.preventDefault();
        void stay();
      }}
    >
      <h2 className="govuk-heading-m" id="timeout-heading">
        You’re about to be signed out
      </h2>
      <p className="govuk-body" id="timeout-message">
        {`For your security, we will sign you out in ${words}. Anything you have not saved will be lost.`}
      </p>
      <div className="govuk-button-group">
        <button
          ref={button}
          type="button"
          className="govuk-button"
          data-module="govuk-button"
          onClick={() => void stay()}
        >
          Stay signed in
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={() => {
            api.signOut().catch(() => undefined);
            signedOut(SIGNED_OUT_NOTICE);
          }}
        >
          Sign out
        </button>
      </div>
    </dialog>
  );
}
