import pino from 'pino';
import type { Config } from './config/config.ts';
import type { Logger } from './domain/shared/deps.ts';

/** The process's structured logger. Kept apart from runtime.ts so the CLI can log without loading the database. */
export function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel, base: { service: 'tessera' } });
}
