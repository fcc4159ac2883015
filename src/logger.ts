import pino from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config/config.ts';
import type { Logger } from './domain/shared/deps.ts';

/**
 * The process's structured logger. Kept apart from runtime.ts so the CLI can log without loading
 * the database. JSON lines for a log collector; on a terminal (a person starting Tessera by
 * hand) the same events in words, one line each: a first start showed a raw JSON warning
 * (issue 14). pino-pretty runs as a stream in this thread, so nothing is lost at exit.
 */
export function createLogger(config: Config, options: { terminal?: boolean } = {}): Logger {
  const settings = { level: config.logLevel, base: { service: 'tessera' } };
  if (!options.terminal) return pino(settings);
  return pino(
    settings,
    pretty({
      sync: true,
      colorize: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,service',
      singleLine: true,
    }),
  );
}
