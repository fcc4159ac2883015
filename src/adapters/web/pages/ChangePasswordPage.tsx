import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '../../../domain/identity/password-policy.ts';
import { api } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { fromError, fromProblems, hasErrors, noErrors, type FormErrors } from '../form-errors.ts';
import { usePageTitle } from '../page-title.ts';
import { useSessionContext } from '../session.tsx';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

export function ChangePasswordPage() {
  const { setSession } = useSessionContext();
  const navigate = useNavigate();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  usePageTitle('Change your password', hasErrors(errors));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    const problems = [
      ...(currentPassword === ''
        ? [{ field: 'currentPassword', problem: 'Enter your current password' }]
        : []),
      ...(newPassword === '' ? [{ field: 'newPassword', problem: 'Enter a new password' }] : []),
      ...(newPassword !== '' && confirmPassword !== newPassword
        ? [{ field: 'confirmPassword', problem: 'The passwords do not match' }]
        : []),
    ];
    if (problems.length > 0) {
      setErrors(fromProblems(problems, FIELDS));
      return;
    }
    setSubmitting(true);
    try {
      const session = await api.changePassword({ currentPassword, newPassword });
      setSession(session);
      await navigate('/', {
        state: { notice: 'Your password has been changed. You have been signed out everywhere else.' },
      });
    } catch (error) {
      setCurrentPassword('');
      setErrors(fromError(error, FIELDS, 'currentPassword'));
      setSubmitting(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Change your password</h1>
        <p className="govuk-body">
          When you change your password, you will be signed out on every other device.
        </p>
        <form noValidate onSubmit={submit}>
          <TextInput
            id="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={setCurrentPassword}
            error={errors.fields.currentPassword}
          />
          <TextInput
            id="newPassword"
            label="New password"
            hint={`Use ${MIN_PASSWORD_LENGTH} characters or more, and not a password you use anywhere else. Three random words make a strong password.`}
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={setNewPassword}
            error={errors.fields.newPassword}
          />
          <TextInput
            id="confirmPassword"
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            value={confirmPassword}
            onChange={setConfirmPassword}
            error={errors.fields.confirmPassword}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Change password
          </button>
        </form>
      </div>
    </div>
  );
}
