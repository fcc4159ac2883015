import { createHash } from 'node:crypto';
import pg from 'pg';
import { HOT_STATEMENT_MARK } from '../../domain/shared/database.ts';

/** More distinct hot texts than this on one connection means a statement is not fixed: stop naming. */
const MAX_PREPARED_PER_CONNECTION = 256;

/**
 * A node-postgres client that turns each hot statement (text starting with HOT_STATEMENT_MARK,
 * domain/shared/database.ts) into a named prepared statement, once per connection: PostgreSQL
 * then parses and plans it once, not on every request. For the single view's statements the
 * planning alone cost several milliseconds a request (a CTE over a dozen joins), more than the
 * execution (bench/view). The name is a hash of the text, so two texts never share a name, and
 * anything unmarked runs as before (unnamed, planned each time).
 */
export class PreparingClient extends pg.Client {
  /** Text to statement name, for the texts prepared on this connection. */
  readonly #names = new Map<string, string>();

  // pg's query() has many overloads; only the config-object form drizzle uses is rewritten.
  override query(...args: unknown[]): never {
    const [config] = args;
    if (isHotConfig(config)) {
      let name = this.#names.get(config.text);
      if (name === undefined && this.#names.size < MAX_PREPARED_PER_CONNECTION) {
        name = `tessera_${createHash('sha1').update(config.text).digest('hex').slice(0, 24)}`;
        this.#names.set(config.text, name);
      }
      if (name !== undefined) args[0] = { ...config, name };
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

function isHotConfig(config: unknown): config is { text: string; name?: string } {
  if (typeof config !== 'object' || config === null) return false;
  const { text, name } = config as { text?: unknown; name?: unknown };
  return typeof text === 'string' && name === undefined && text.startsWith(HOT_STATEMENT_MARK);
}
