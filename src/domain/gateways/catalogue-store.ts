import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../shared/database.ts';
import type { OrganisationType } from '../partnership/roles.ts';
import type { CatalogueVersion, Gateway } from './gateway.ts';
import type { GatewayKind } from './gateway-kinds.ts';
import { gateway, gatewayCatalogueVersion } from './schema.ts';

/**
 * Writing a catalogue version: shared by the built-in install and the import. Only these two use
 * cases call it, each inside its own transaction with its audit event.
 */

/** One lock for every writer of the catalogue, so two imports cannot both claim the next version. */
const CATALOGUE_LOCK_KEY = 7_162_534;

export async function lockCatalogue(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CATALOGUE_LOCK_KEY})`);
}

export async function latestVersion(db: Db): Promise<CatalogueVersion | null> {
  const [row] = await db
    .select()
    .from(gatewayCatalogueVersion)
    .orderBy(desc(gatewayCatalogueVersion.version))
    .limit(1);
  return row ?? null;
}

/** Rows per INSERT: keeps each statement well under PostgreSQL's parameter limit. */
const BATCH = 200;

export async function writeCatalogueVersion(
  tx: Db,
  input: { createdBy: string; note: string; gateways: readonly Gateway[] },
): Promise<CatalogueVersion> {
  const version = ((await latestVersion(tx))?.version ?? 0) + 1;
  const [row] = await tx
    .insert(gatewayCatalogueVersion)
    .values({ version, createdBy: input.createdBy, note: input.note, rowCount: input.gateways.length })
    .returning();
  const rows = input.gateways.map((g, position) => ({
    version,
    position,
    id: g.id,
    kind: g.kind,
    title: g.title,
    citation: g.citation,
    permits: g.permits,
    organisationTypes: [...g.organisationTypes],
    sources: [...g.sources],
    wordingChecked: g.wordingChecked,
  }));
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(gateway).values(rows.slice(i, i + BATCH));
  return row!;
}

export function toGateway(row: typeof gateway.$inferSelect): Gateway {
  return {
    id: row.id,
    kind: row.kind as GatewayKind,
    title: row.title,
    citation: row.citation,
    permits: row.permits,
    organisationTypes: row.organisationTypes as OrganisationType[],
    sources: row.sources,
    wordingChecked: row.wordingChecked,
  };
}

export async function gatewaysOfVersion(db: Db, version: number): Promise<Gateway[]> {
  const rows = await db
    .select()
    .from(gateway)
    .where(eq(gateway.version, version))
    .orderBy(asc(gateway.position));
  return rows.map(toGateway);
}

/** The current version is the highest (DESIGN.md: no global sequences; the lock orders writers). */
export const currentVersionNumber = sql`(select max(${gatewayCatalogueVersion.version}) from ${gatewayCatalogueVersion})`;
