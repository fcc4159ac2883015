import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { appendAuditEvent, auditEventInsert } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { fieldGroups as knownFieldGroups, type FieldGroup } from './field-groups.ts';
import { purposes as knownPurposes, type Purpose } from './purposes.ts';
import { accessGrant, accessLimit } from './schema.ts';
import type { GrantKind, LimitKind } from './visibility.ts';

/**
 * Writing the per-child grants and limits that visibility.ts reads. These are the only writers
 * of access_grant and access_limit; each write and its audit event share the caller's
 * transaction (DESIGN.md rule 3). Who may make a grant or a limit is the calling use case's
 * question (a decision to share, a break-glass, a DPO's restriction): these check only that what
 * is written is well formed, so a grant can never be wider than it says.
 */
export interface NewAccessGrant {
  readonly kind: GrantKind;
  readonly granteeOrganisationId: string;
  readonly granteeUserId?: string | undefined;
  readonly purpose?: Purpose | undefined;
  readonly holderOrganisationId?: string | undefined;
  readonly subjectIds: readonly string[];
  readonly fieldGroups?: readonly FieldGroup[] | undefined;
  readonly basisGatewayIds: readonly string[];
  readonly reason: string;
  readonly sourceId?: string | undefined;
  readonly startsAt: Date;
  readonly expiresAt: Date;
}

export interface NewAccessLimit {
  readonly kind: LimitKind;
  readonly holderOrganisationId: string;
  readonly subjectId: string;
  readonly recordId?: string | undefined;
  readonly fieldGroups?: readonly FieldGroup[] | undefined;
  readonly reason: string;
  readonly startsAt: Date;
}

type UserActor = Actor & { kind: 'user' };

export async function recordAccessGrant(tx: Db, actor: UserActor, grant: NewAccessGrant): Promise<string> {
  checkGrant(grant);
  const id = randomUUID();
  const insert = tx.insert(accessGrant).values({
    partnershipId: actor.partnershipId,
    id,
    kind: grant.kind,
    granteeOrganisationId: grant.granteeOrganisationId,
    granteeUserId: grant.granteeUserId ?? null,
    purpose: grant.purpose ?? null,
    holderOrganisationId: grant.holderOrganisationId ?? null,
    subjectIds: [...grant.subjectIds],
    fieldGroups: grant.fieldGroups ? [...grant.fieldGroups] : null,
    basisGatewayIds: [...grant.basisGatewayIds],
    reason: grant.reason,
    sourceId: grant.sourceId ?? null,
    createdByUserId: actor.userId,
    startsAt: grant.startsAt,
    expiresAt: grant.expiresAt,
  });
  const event = auditEventInsert({
    actor,
    action: 'access.granted',
    outcome: 'success',
    subject: { type: 'agency_person', id: grant.subjectIds[0]! },
    ...(grant.purpose ? { purpose: grant.purpose } : {}),
    details: {
      grantId: id,
      kind: grant.kind,
      granteeOrganisationId: grant.granteeOrganisationId,
      granteeUserId: grant.granteeUserId ?? null,
      holderOrganisationId: grant.holderOrganisationId ?? null,
      subjectIds: [...grant.subjectIds],
      fieldGroups: grant.fieldGroups ? [...grant.fieldGroups] : null,
      basisGatewayIds: [...grant.basisGatewayIds],
      sourceId: grant.sourceId ?? null,
      expiresAt: grant.expiresAt.toISOString(),
    },
  });
  // The grant and its event in one statement (a data-modifying CTE): one round trip, and they
  // commit or fail together with the caller's transaction (DESIGN.md rule 3).
  await tx.execute(sql`with granted as (${insert.getSQL()}) ${event}`);
  return id;
}

/** Ends a grant at `at`; a grant already revoked, or of another partnership, is not found. */
export async function revokeAccessGrant(tx: Db, actor: UserActor, grantId: string, at: Date): Promise<void> {
  const ended = await tx
    .update(accessGrant)
    .set({ revokedAt: at, revokedByUserId: actor.userId })
    .where(
      and(
        eq(accessGrant.partnershipId, actor.partnershipId),
        eq(accessGrant.id, grantId),
        isNull(accessGrant.revokedAt),
      ),
    )
    .returning({ id: accessGrant.id });
  if (ended.length === 0) throw notFound('The grant');
  await appendAuditEvent(tx, {
    actor,
    action: 'access.grant_revoked',
    outcome: 'success',
    at,
    details: { grantId },
  });
}

export async function recordAccessLimit(tx: Db, actor: UserActor, limit: NewAccessLimit): Promise<string> {
  if (limit.subjectId.trim() === '') invalid('subjectId', 'Name the person the limit is about');
  if (limit.reason.trim() === '') invalid('reason', 'Give the reason for the limit');
  checkGroups(limit.fieldGroups);
  const id = randomUUID();
  await tx.insert(accessLimit).values({
    partnershipId: actor.partnershipId,
    id,
    kind: limit.kind,
    holderOrganisationId: limit.holderOrganisationId,
    subjectId: limit.subjectId,
    recordId: limit.recordId ?? null,
    fieldGroups: limit.fieldGroups ? [...limit.fieldGroups] : null,
    reason: limit.reason,
    createdByUserId: actor.userId,
    startsAt: limit.startsAt,
  });
  await appendAuditEvent(tx, {
    actor,
    action: 'access.limited',
    outcome: 'success',
    subject: { type: 'agency_person', id: limit.subjectId },
    details: {
      limitId: id,
      kind: limit.kind,
      holderOrganisationId: limit.holderOrganisationId,
      recordId: limit.recordId ?? null,
      fieldGroups: limit.fieldGroups ? [...limit.fieldGroups] : null,
    },
  });
  return id;
}

export async function liftAccessLimit(tx: Db, actor: UserActor, limitId: string, at: Date): Promise<void> {
  const lifted = await tx
    .update(accessLimit)
    .set({ liftedAt: at, liftedByUserId: actor.userId })
    .where(
      and(
        eq(accessLimit.partnershipId, actor.partnershipId),
        eq(accessLimit.id, limitId),
        isNull(accessLimit.liftedAt),
      ),
    )
    .returning({ id: accessLimit.id });
  if (lifted.length === 0) throw notFound('The limit');
  await appendAuditEvent(tx, {
    actor,
    action: 'access.limit_lifted',
    outcome: 'success',
    at,
    details: { limitId },
  });
}

function checkGrant(grant: NewAccessGrant): void {
  if (grant.subjectIds.length === 0 || grant.subjectIds.some((s) => s.trim() === ''))
    invalid('subjectIds', 'Name the child the grant is about');
  if (!(grant.expiresAt.getTime() > grant.startsAt.getTime()))
    invalid('expiresAt', 'The grant must end after it starts');
  if (grant.reason.trim() === '') invalid('reason', 'Give the reason for the grant');
  if (grant.purpose !== undefined && !knownPurposes.includes(grant.purpose))
    invalid('purpose', 'Choose a purpose from the list');
  checkGroups(grant.fieldGroups);
  // A disclosure is one holder's decision about its own records, of chosen field groups
  // (minimisation, UK GDPR Art 5(1)(c)); a break-glass is bound to one user (DOMAIN.md 7).
  if (grant.kind === 'disclosure') {
    if (!grant.holderOrganisationId) invalid('holderOrganisationId', 'Name the organisation disclosing');
    if (!grant.fieldGroups || grant.fieldGroups.length === 0)
      invalid('fieldGroups', 'Choose the kinds of information disclosed');
  }
  if (grant.kind === 'break_glass' && !grant.granteeUserId)
    invalid('granteeUserId', 'A break-glass is for one named user');
}

function checkGroups(groups: readonly string[] | undefined): void {
  if (groups?.some((g) => !(knownFieldGroups as readonly string[]).includes(g)))
    invalid('fieldGroups', 'Choose kinds of information from the list');
}

function invalid(field: string, message: string): never {
  throw new DomainError('validation_failed', message, { fields: [{ field, problem: message }] });
}
