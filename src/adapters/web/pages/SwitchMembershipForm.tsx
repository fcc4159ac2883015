import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import type { Session } from '../api-types.ts';
import { Radios } from '../components/Radios.tsx';
import { fromError, fromProblems, noErrors, type FormErrors } from '../form-errors.ts';
import { useSessionContext } from '../session.tsx';

const FIELDS = ['membershipId'] as const;

interface SwitchMembershipFormProps {
  readonly session: Session;
  /** Shown by the page: the error summary belongs at the top of the page. */
  readonly errors: FormErrors;
  readonly onErrors: (errors: FormErrors) => void;
  readonly onSwitched: (session: Session) => void;
}

/** For people who work for more than one organisation, or in more than one role. */
export function SwitchMembershipForm({ session, errors, onErrors, onSwitched }: SwitchMembershipFormProps) {
  const { setSession } = useSessionContext();
  const [membershipId, setMembershipId] = useState(session.membership.id);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (membershipId === session.membership.id) {
      onErrors(
        fromProblems([{ field: 'membershipId', problem: 'Select a different organisation or role' }], FIELDS),
      );
      return;
    }
    try {
      const next = await api.switchMembership(membershipId);
      onErrors(noErrors);
      setSession(next);
      onSwitched(next);
    } catch (error) {
      onErrors(fromError(error, FIELDS, 'membershipId'));
    }
  }

  return (
    <form noValidate onSubmit={submit} className="app-section">
      <Radios
        id="membershipId"
        legend="Change organisation or role"
        value={membershipId}
        onChange={setMembershipId}
        error={errors.fields.membershipId}
        options={session.memberships.map((m) => ({
          value: m.id,
          label: `${m.roleLabel} at ${m.organisationName}`,
          ...(m.id === session.membership.id ? { hint: 'You are acting in this role now' } : {}),
        }))}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Change
      </button>
    </form>
  );
}
