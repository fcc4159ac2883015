import { capabilitiesOf } from '../../../domain/partnership/capabilities.ts';
import { roleLabels } from '../../../domain/partnership/roles.ts';
import type { ActiveMembership } from '../../../domain/partnership/find-memberships.ts';
import type { ActiveSession } from '../../../domain/identity/resolve-session.ts';
import type { SessionView } from '../contracts/session.ts';

const membershipView = (m: ActiveMembership) => ({ ...m, roleLabel: roleLabels[m.role] });

export function toSessionView(session: ActiveSession): SessionView {
  return {
    user: session.user,
    partnership: session.partnership,
    membership: membershipView(session.membership),
    memberships: session.memberships.map(membershipView),
    capabilities: capabilitiesOf(session.membership.role),
    csrfToken: session.csrfToken,
    idleExpiresAt: session.idleExpiresAt.toISOString(),
    absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
  };
}
