import type { Clock } from './clock.ts';
import type { Db } from './database.ts';
import type { IdSource } from './ids.ts';

/** Structured logger (pino in production). Never pass personal data to it. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Explicit dependencies handed to every use case (STYLE.md practice 9). */
export interface Deps {
  readonly db: Db;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly logger: Logger;
}
