import type { Db } from '../shared/database.ts';
import { latestVersion } from './catalogue-store.ts';
import type { CatalogueVersion } from './gateway.ts';

/** The catalogue version in force (the highest), or null before the catalogue is installed. */
export async function getCurrentCatalogueVersion(db: Db): Promise<CatalogueVersion | null> {
  return latestVersion(db);
}
