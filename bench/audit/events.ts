import { randomUUID } from 'node:crypto';
import type { AuditEventInput } from '../../src/domain/audit/append-audit-event.ts';
import type { AuditAction } from '../../src/domain/audit/actions.ts';
import { roles } from '../../src/domain/partnership/roles.ts';
import type { Actor } from '../../src/domain/shared/actor.ts';
import type { MembershipId, OrganisationId, PartnershipId, UserId } from '../../src/domain/shared/ids.ts';

/**
 * Events shaped like a busy partnership's day: mostly practitioners searching and reading about
 * children under an agreement, with denials, sign-ins and admin changes mixed in. The bulk fill
 * (fill-chain.ts) produces rows of the same shape and size in SQL.
 */
export const fieldGroups = ['identity', 'contact', 'police_incidents', 'school_attendance', 'health_visits'];
export const purposes = ['s47_enquiry', 's17_assessment', 'early_help', 'mash_triage'];

function uuidFrom(prefix: string, n: number): string {
  const hex = (prefix + n.toString(16)).padStart(12, '0').slice(-12);
  return `6f1c2a4e-0b7d-4c55-9a31-${hex}`;
}

export function benchActors(partnershipId: PartnershipId, count = 200): Actor[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'user' as const,
    userId: uuidFrom('b', i) as UserId,
    partnershipId,
    organisationId: uuidFrom('a', i % 12) as OrganisationId,
    membershipId: uuidFrom('c', i) as MembershipId,
    role: roles[i % 5]!,
    organisationType: 'council_childrens_social_care' as const,
  }));
}

/** Any one audit event, each action with its own details. */
export type AnyAuditEvent = { [A in AuditAction]: AuditEventInput<A> }[AuditAction];

/** The same mix in the same order on every run (only request ids are random), for both tables. */
export function eventStream(partnershipId: PartnershipId): () => AnyAuditEvent {
  const actors = benchActors(partnershipId);
  let n = 0;
  return (): AnyAuditEvent => {
    n += 1;
    const actor = actors[(n * 7) % actors.length]!;
    const child = { type: 'person', id: `child-${(n * 7919) % 50000}` };
    const purpose = purposes[n % purposes.length]!;
    const requestId = randomUUID();
    const kind = n % 10;
    if (kind < 6) {
      return {
        actor,
        action: 'audit.searched',
        outcome: 'success',
        subject: child,
        purpose,
        agreementId: `T2-0${n % 40}`,
        disclosed: fieldGroups.slice(0, 1 + (n % fieldGroups.length)),
        details: {
          filters: { surname: 'Taylor', dateOfBirth: '2016-03-14', page: String(n % 10) },
          returned: n % 50,
        },
        requestId,
      };
    }
    if (kind < 8) {
      return {
        actor,
        action: 'access.denied',
        outcome: 'denied',
        subject: child,
        purpose,
        details: { attempted: 'person.chronology' },
        requestId,
      };
    }
    if (kind === 8) return { actor, action: 'session.signed_in', outcome: 'success', details: {}, requestId };
    return {
      actor,
      action: 'membership.added',
      outcome: 'success',
      details: {
        userId: uuidFrom('b', n % 200),
        organisationId: uuidFrom('a', n % 12),
        role: 'practitioner',
      },
      requestId,
    };
  };
}
