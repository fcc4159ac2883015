import { findGatewaysByIds } from '../gateways/find-gateways.ts';
import type { Db } from '../shared/database.ts';
import type { GatewayDirectory } from './gateway-directory.ts';

/**
 * The gateway directory backed by the legal gateway catalogue's current version: what servers,
 * the CLI and the demo use. An id missing from the catalogue is absent, so an agreement citing
 * it is refused as citing an unknown gateway.
 */
export function catalogueGatewayDirectory(db: Db): GatewayDirectory {
  return {
    async describe(ids, inTransaction) {
      const found = await findGatewaysByIds(inTransaction ?? db, ids);
      return new Map(found.map((g) => [g.id, { kind: g.kind, title: g.title, citation: g.citation }]));
    },
  };
}
