import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { can, type Session } from '../api-types.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { NotificationBanner } from '../components/NotificationBanner.tsx';
import { hasErrors, noErrors, type FormErrors } from '../form-errors.ts';
import { mayFindChildren } from '../may-find-children.ts';
import { usePageTitle } from '../page-title.ts';
import { noticeFrom } from '../route-state.ts';
import { useSignedInSession } from '../session.tsx';
import { SwitchMembershipForm } from './SwitchMembershipForm.tsx';
import { Worklist } from './Worklist.tsx';

interface Task {
  readonly to: string;
  readonly title: string;
  readonly description: string;
}

function tasksFor(session: Session): Task[] {
  const tasks: Task[] = [];
  if (mayFindChildren(session)) {
    tasks.push({
      to: '/persons',
      title: 'Find a child',
      description: 'Search for a child and see what partner agencies may share with you, and why.',
    });
  }
  if (mayFindChildren(session)) {
    tasks.push({
      to: '/decide',
      title: 'Get advice on sharing information',
      description:
        'Answer a few questions about a concern or a request and see what the information sharing guidance recommends, and why.',
    });
  }
  if (can(session, 'manage_partnership')) {
    tasks.push({
      to: '/organisations',
      title: 'Organisations',
      description: 'See the partner organisations and add new ones.',
    });
  }
  if (can(session, 'manage_users')) {
    tasks.push({
      to: '/users',
      title: 'Users',
      description: 'Add people, and give or end the roles you look after.',
    });
  }
  if (can(session, 'read_role_grants')) {
    tasks.push({
      to: '/role-grants',
      title: 'Role grants',
      description: `See who was given or lost a role in ${session.membership.organisationName}, by whom and when.`,
    });
  }
  if (can(session, 'read_audit', 'verify_audit')) {
    const description = can(session, 'read_audit')
      ? 'See who did what and when, and check that the record has not been changed.'
      : 'Check that the record of who did what has not been changed.';
    tasks.push({ to: '/audit', title: 'Audit log', description });
  }
  tasks.push({
    to: '/gateways',
    title: 'Legal gateways',
    description: 'Look up the laws and conditions that allow partners to share information.',
  });
  tasks.push({
    to: '/change-password',
    title: 'Change password',
    description: 'Change the password you sign in with.',
  });
  return tasks;
}

export function HomePage() {
  const session = useSignedInSession();
  const passedNotice = noticeFrom(useLocation().state);
  const [switched, setSwitched] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  usePageTitle('Home', hasErrors(errors));
  const notice = hasErrors(errors) ? null : (switched ?? passedNotice);

  return (
    <>
      <ErrorSummary errors={errors} />
      {notice && <NotificationBanner type="success" heading={notice} />}
      <span className="govuk-caption-l">{session.partnership.name}</span>
      <h1 className="govuk-heading-l">Home</h1>
      <p className="govuk-body-l">
        Signed in as <strong>{session.user.displayName}</strong>, {session.membership.roleLabel} at{' '}
        {session.membership.organisationName}.
      </p>
      <Worklist />
      <h2 className="govuk-heading-m">What you can do</h2>
      <ul className="govuk-list app-tasks">
        {tasksFor(session).map((task) => (
          <li className="app-tasks__item" key={task.to}>
            <h3 className="govuk-heading-s app-tasks__title">
              <Link className="govuk-link govuk-link--no-visited-state" to={task.to}>
                {task.title}
              </Link>
            </h3>
            <p className="govuk-body app-tasks__description">{task.description}</p>
          </li>
        ))}
      </ul>
      {session.memberships.length > 1 && (
        <SwitchMembershipForm
          session={session}
          errors={errors}
          onErrors={setErrors}
          onSwitched={(next) =>
            setSwitched(
              `You are now acting as ${next.membership.roleLabel} at ${next.membership.organisationName}`,
            )
          }
        />
      )}
    </>
  );
}
