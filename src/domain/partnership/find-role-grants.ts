import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { authorise } from './authorise.ts';
import { overOrganisation } from './capabilities.ts';
import type { Role } from './roles.ts';
import { appUser, membership } from './schema.ts';

/** Who granted or ended a role: a user of the partnership, or the platform operator. */
export type GrantAuthor =
  | { readonly kind: 'user'; readonly userId: string; readonly name: string }
  | { readonly kind: 'platform'; readonly process: string }
  /** Memberships granted before grants were recorded (migration 0014). */
  | { readonly kind: 'unrecorded' };

export interface RoleGrantEntry {
  readonly membershipId: string;
  readonly userId: string;
  readonly userName: string;
  readonly userEmail: string;
  readonly role: Role;
  readonly grantedAt: Date;
  readonly grantedBy: GrantAuthor;
  readonly endedAt: Date | null;
  readonly endedBy: GrantAuthor | null;
}

const grantor = alias(appUser, 'grantor');
const ender = alias(appUser, 'ender');

function author(label: string | null, name: string | null): GrantAuthor {
  if (label === null) return { kind: 'unrecorded' };
  if (label.startsWith('system:')) return { kind: 'platform', process: label.slice('system:'.length) };
  return { kind: 'user', userId: label, name: name ?? 'Unknown user' };
}

/**
 * The register of roles granted and ended in the data protection officer's own organisation,
 * newest first: who was given which role, by whom and when, and who ended it when. The DPO
 * monitors that only people the controller authorised reach its data (UK GDPR Arts 32(4),
 * 39(1)(b)); a grant made by someone outside the organisation, or by the platform, stands out
 * here. Reading it is audited in the same transaction.
 */
export async function findRoleGrants(
  deps: Deps,
  actor: Actor,
  options: { limit?: number } = {},
): Promise<RoleGrantEntry[]> {
  const organisationId = actor.kind === 'user' ? actor.organisationId : '';
  await authorise(
    deps,
    actor,
    'read_role_grants',
    overOrganisation(organisationId),
    'membership.grants_list',
  );
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        membership,
        userName: appUser.displayName,
        userEmail: appUser.email,
        grantorName: grantor.displayName,
        enderName: ender.displayName,
      })
      .from(membership)
      .innerJoin(
        appUser,
        and(eq(appUser.partnershipId, membership.partnershipId), eq(appUser.id, membership.userId)),
      )
      .leftJoin(
        grantor,
        and(
          eq(grantor.partnershipId, membership.partnershipId),
          sql`${grantor.id}::text = ${membership.grantedBy}`,
        ),
      )
      .leftJoin(
        ender,
        and(
          eq(ender.partnershipId, membership.partnershipId),
          sql`${ender.id}::text = ${membership.endedBy}`,
        ),
      )
      .where(
        and(eq(membership.partnershipId, actor.partnershipId), eq(membership.organisationId, organisationId)),
      )
      .orderBy(
        desc(sql`coalesce(${membership.endedAt}, ${membership.createdAt})`),
        desc(membership.createdAt),
      )
      .limit(options.limit ?? 500);
    await appendAuditEvent(tx, {
      actor,
      action: 'membership.grants_listed',
      outcome: 'success',
      details: { organisationId, returned: rows.length },
    });
    return rows.map((r) => ({
      membershipId: r.membership.id,
      userId: r.membership.userId,
      userName: r.userName,
      userEmail: r.userEmail,
      role: r.membership.role as Role,
      grantedAt: r.membership.createdAt,
      grantedBy: author(r.membership.grantedBy, r.grantorName),
      endedAt: r.membership.endedAt,
      endedBy: r.membership.endedAt ? author(r.membership.endedBy, r.enderName) : null,
    }));
  });
}
