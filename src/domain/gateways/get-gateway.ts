import { notFound } from '../shared/errors.ts';
import type { Db } from '../shared/database.ts';
import { findGatewaysByIds } from './find-gateways.ts';
import type { Gateway } from './gateway.ts';

/** One gateway of the current catalogue, or not_found. */
export async function getGateway(db: Db, id: string): Promise<Gateway> {
  const [found] = await findGatewaysByIds(db, [id]);
  if (!found) throw notFound('The legal gateway');
  return found;
}
