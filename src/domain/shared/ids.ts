import { randomUUID } from 'node:crypto';

/** Branded ids stop a user id being passed where an organisation id is meant. */
type Brand<T, B extends string> = T & { readonly __brand: B };

export type PartnershipId = Brand<string, 'PartnershipId'>;
export type OrganisationId = Brand<string, 'OrganisationId'>;
export type UserId = Brand<string, 'UserId'>;
export type MembershipId = Brand<string, 'MembershipId'>;

export interface IdSource {
  uuid(): string;
}

export const randomIds: IdSource = { uuid: () => randomUUID() };

/**
 * Events that belong to no partnership (a sign-in attempt for an unknown account, a system
 * administrator creating a partnership) are chained in the platform's own audit chain.
 */
export const PLATFORM_PARTNERSHIP_ID = '00000000-0000-0000-0000-000000000000' as PartnershipId;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
