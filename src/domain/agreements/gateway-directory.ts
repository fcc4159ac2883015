import type { GatewayKind } from '../gateways/gateway-kinds.ts';
import type { Db } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';

/** What agreements need to know about a gateway of the catalogue. */
export interface GatewayDescription {
  readonly kind: GatewayKind;
  readonly title: string;
  readonly citation: string;
}

/**
 * The legal gateway catalogue, as agreements see it: a narrow interface injected into the use
 * cases, so this module does not depend on how the catalogue stores its entries. At the
 * composition root it is backed by the gateways module's `findGatewaysByIds(db, ids)`; tests use
 * a fixed directory of the gateways named in DOMAIN.md section 1.
 */
export interface GatewayDirectory {
  /**
   * The known gateways among `ids`; an id that is not in the catalogue is simply absent. Inside a
   * transaction pass it as `db`: the embedded database has one connection, so a read outside the
   * transaction would wait for it forever.
   */
  describe(ids: readonly string[], db?: Db): Promise<Map<string, GatewayDescription>>;
}

/** Dependencies of the agreement use cases: the usual ones, plus the catalogue. */
export interface AgreementDeps extends Deps {
  readonly gateways: GatewayDirectory;
}

/**
 * A directory that knows no gateway: every citation is refused as unknown. It keeps a server
 * honest until the catalogue is wired in (src/adapters/cli/commands/serve.ts), rather than
 * letting agreements cite gateways nobody has checked.
 */
export const unwiredGatewayDirectory: GatewayDirectory = {
  describe: () => Promise.resolve(new Map()),
};
