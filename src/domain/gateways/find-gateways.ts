import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../shared/database.ts';
import type { OrganisationType } from '../partnership/roles.ts';
import { currentVersionNumber, toGateway } from './catalogue-store.ts';
import type { Gateway } from './gateway.ts';
import type { GatewayKind } from './gateway-kinds.ts';
import { gateway } from './schema.ts';

export interface GatewayFilters {
  readonly kind?: GatewayKind | undefined;
  readonly organisationType?: OrganisationType | undefined;
  /** Text searched for, ignoring case, in the id, title, citation and what the gateway permits. */
  readonly q?: string | undefined;
  readonly checked?: boolean | undefined;
}

/**
 * The current catalogue, in its own order, narrowed by the filters. The catalogue is public law,
 * the same for every partnership, so any signed-in user may read it and reads are not audited.
 */
export async function findGateways(db: Db, filters: GatewayFilters = {}): Promise<Gateway[]> {
  const conditions: SQL[] = [eq(gateway.version, currentVersionNumber)];
  if (filters.kind) conditions.push(eq(gateway.kind, filters.kind));
  if (filters.organisationType)
    conditions.push(sql`${filters.organisationType} = any(${gateway.organisationTypes})`);
  if (filters.checked !== undefined) conditions.push(eq(gateway.wordingChecked, filters.checked));
  const q = filters.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        sql`${gateway.id} ilike ${pattern}`,
        sql`${gateway.title} ilike ${pattern}`,
        sql`${gateway.citation} ilike ${pattern}`,
        sql`${gateway.permits} ilike ${pattern}`,
      )!,
    );
  }
  const rows = await db
    .select()
    .from(gateway)
    .where(and(...conditions))
    .orderBy(asc(gateway.position));
  return rows.map(toGateway);
}

/**
 * The current version's gateways with these ids (unknown ids are simply absent). For other
 * modules: agreements use it to check that a cited gateway exists and is of the right kind.
 */
export async function findGatewaysByIds(db: Db, ids: readonly string[]): Promise<Gateway[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(gateway)
    .where(and(eq(gateway.version, currentVersionNumber), inArray(gateway.id, [...new Set(ids)])))
    .orderBy(asc(gateway.position));
  return rows.map(toGateway);
}
