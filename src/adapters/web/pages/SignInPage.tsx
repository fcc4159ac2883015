import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { NotificationBanner } from '../components/NotificationBanner.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { fromError, fromProblems, hasErrors, noErrors, type FormErrors } from '../form-errors.ts';
import { usePageTitle } from '../page-title.ts';
import { returnPathFrom } from '../route-state.ts';
import { SESSION_ENDED_NOTICE, useSessionContext } from '../session.tsx';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const { state, setSession } = useSessionContext();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  usePageTitle('Sign in', hasErrors(errors));

  // Signed in (now, or in another tab): back to the page the person was sent from. This must not
  // be "/": the navigation after sign-in is a transition, so this render can come first and would
  // otherwise win, losing the page the person was on when the session ended.
  if (state.status === 'signed-in' && !submitting)
    return <Navigate to={returnPathFrom(location.state)} replace />;
  const notice = state.status === 'signed-out' ? state.notice : null;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    const missing = [
      ...(email.trim() === '' ? [{ field: 'email', problem: 'Enter your email address' }] : []),
      ...(password === '' ? [{ field: 'password', problem: 'Enter your password' }] : []),
    ];
    if (missing.length > 0) {
      setErrors(fromProblems(missing, FIELDS));
      return;
    }
    setSubmitting(true);
    try {
      const session = await api.signIn({ email: email.trim(), password });
      setSession(session);
      await navigate(returnPathFrom(location.state), { replace: true });
    } catch (error) {
      setPassword('');
      setErrors(fromError(error, FIELDS, 'password'));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {notice && !hasErrors(errors) && (
          <NotificationBanner heading={notice}>
            {notice === SESSION_ENDED_NOTICE && (
              <p className="govuk-body">
                This happens after 30 minutes without activity, after 12 hours, or when your access changes.
                Sign in again to continue.
              </p>
            )}
          </NotificationBanner>
        )}
        <h1 className="govuk-heading-l">Sign in to Tessera</h1>
        <form noValidate onSubmit={submit}>
          <TextInput
            id="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={errors.fields.email}
          />
          <TextInput
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errors.fields.password}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Sign in
          </button>
        </form>
      </div>
    </div>
  );
}
