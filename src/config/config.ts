import { z } from 'zod';

/**
 * Settings come from the environment, checked once at start. A bad value stops the process with
 * a message naming the variable; nothing is read from the environment anywhere else.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'use true or false' })
  .transform((v) => v === 'true' || v === '1');

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres:// or postgresql://' })
    .optional(),
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres:// or postgresql://' })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TESSERA_DATA_DIR: z.string().min(1).default('./.tessera/data'),
  TESSERA_AUDIT_SIGNING_KEY: z.string().optional(),
  TESSERA_AUDIT_SIGNING_KEY_FILE: z.string().min(1).default('./.tessera/keys/audit-signing-key.pem'),
  TESSERA_AUDIT_WITNESS_DIR: z.string().min(1).default('./.tessera/witness'),
  TESSERA_PUBLIC_URL: z.url({ error: 'must be a URL such as https://tessera.example.org' }).optional(),
  TESSERA_TRUST_PROXY: booleanFlag.default(false),
  TESSERA_DEMO: booleanFlag.optional(),
  TESSERA_SEAL_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(1000),
  TESSERA_CHECKPOINT_EVERY: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  TESSERA_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  // Break-glass (domain/break-glass): at most the hour DESIGN.md section 3 sets, never longer.
  TESSERA_BREAK_GLASS_MINUTES: z.coerce.number().int().min(1).max(60).default(60),
  TESSERA_BREAK_GLASS_PER_DAY: z.coerce.number().int().min(1).max(20).default(3),
  TESSERA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Email that there is something to see in Tessera (alerts/email-alert.ts): on when a host is set.
  TESSERA_SMTP_HOST: z.string().min(1).optional(),
  TESSERA_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  TESSERA_SMTP_SECURE: booleanFlag.default(false),
  TESSERA_SMTP_FROM: z
    .email({ error: 'must be an email address such as tessera@northshire.example' })
    .optional(),
  TESSERA_SMTP_USER: z.string().min(1).optional(),
  TESSERA_SMTP_PASSWORD: z.string().optional(),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database:
    | { kind: 'pglite'; dataDir: string }
    | {
        kind: 'postgres';
        url: string;
        poolSize: number;
        /**
         * The owner's connection, used only by `tessera db migrate`: the server's own role
         * (DATABASE_URL) may not alter tables or change audit rows (DESIGN.md rule 3).
         */
        ownerUrl: string | undefined;
      };
  readonly dataDir: string;
  /**
   * The key that signs audit checkpoints: given inline, or a file (made there on first use).
   * Its own place, never inside or beside the data folder, so the data and the key that vouches
   * for it are not copied, backed up or exposed together.
   */
  readonly auditSigningKey: { pem: string } | { file: string };
  /** Where each signed checkpoint is also kept, out of the database role's reach. */
  readonly auditWitnessDir: string;
  /** Cookies get `Secure` and the `__Host-` prefix when Tessera is served over TLS. */
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  /** Seed the demo partnership into an empty database at start. */
  readonly seedDemo: boolean;
  readonly sealIntervalMs: number;
  readonly checkpointEvery: number;
  /** A checkpoint is signed once the oldest unsigned event has waited this long, however few. */
  readonly checkpointIntervalMs: number;
  readonly logLevel: string;
  /** How long a break-glass lasts (1 to 60 minutes) and how many one user may make in 24 hours. */
  readonly breakGlass: { readonly minutes: number; readonly perDay: number };
  /** SMTP for alert emails, or undefined: no email is sent. */
  readonly email:
    | {
        readonly smtp: {
          host: string;
          port: number;
          secure: boolean;
          from: string;
          user: string | undefined;
          password: string | undefined;
        };
        /** Where the inbox link in an email points. */
        readonly publicUrl: string;
      }
    | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          poolSize: e.DATABASE_POOL_SIZE,
          ownerUrl: e.DATABASE_OWNER_URL,
        }
      : { kind: 'pglite', dataDir: e.TESSERA_DATA_DIR },
    dataDir: e.TESSERA_DATA_DIR,
    auditSigningKey: e.TESSERA_AUDIT_SIGNING_KEY
      ? { pem: e.TESSERA_AUDIT_SIGNING_KEY }
      : { file: e.TESSERA_AUDIT_SIGNING_KEY_FILE },
    auditWitnessDir: e.TESSERA_AUDIT_WITNESS_DIR,
    secureCookies: e.TESSERA_PUBLIC_URL?.startsWith('https:') ?? false,
    trustProxy: e.TESSERA_TRUST_PROXY,
    // The demo is seeded by default only on the embedded database: a PostgreSQL deployment is
    // production unless someone asks for the demo explicitly.
    seedDemo: e.TESSERA_DEMO ?? !e.DATABASE_URL,
    sealIntervalMs: e.TESSERA_SEAL_INTERVAL_MS,
    checkpointEvery: e.TESSERA_CHECKPOINT_EVERY,
    checkpointIntervalMs: e.TESSERA_CHECKPOINT_INTERVAL_MS,
    logLevel: e.TESSERA_LOG_LEVEL,
    breakGlass: { minutes: e.TESSERA_BREAK_GLASS_MINUTES, perDay: e.TESSERA_BREAK_GLASS_PER_DAY },
    email: e.TESSERA_SMTP_HOST
      ? {
          smtp: {
            host: e.TESSERA_SMTP_HOST,
            port: e.TESSERA_SMTP_PORT,
            secure: e.TESSERA_SMTP_SECURE,
            from: e.TESSERA_SMTP_FROM ?? `tessera@${e.TESSERA_SMTP_HOST}`,
            user: e.TESSERA_SMTP_USER,
            password: e.TESSERA_SMTP_PASSWORD,
          },
          publicUrl: e.TESSERA_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
        }
      : undefined,
  };
}
