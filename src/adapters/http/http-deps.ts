import type { GatewayDirectory } from '../../domain/agreements/gateway-directory.ts';
import type { BreakGlassSettings } from '../../domain/break-glass/break-glass-settings.ts';
import type { AuditWitness } from '../../domain/audit/witness.ts';
import type { IngestDeps } from '../../domain/feeds/ingest-feed.ts';
import type { ActiveSession } from '../../domain/identity/resolve-session.ts';
import type { CachedSession } from '../../domain/identity/session-gate.ts';
import type { SignInRateLimiter } from '../../domain/identity/rate-limiter.ts';
import type { LinkIndexes } from '../../domain/people/held-index.ts';
import type { JobQueue } from '../../domain/shared/job-queue.ts';
import type { PolicyDeps } from '../../domain/policy/flows-in-force-source.ts';

/** PolicyDeps: the ordinary dependencies plus the source of flows in force for the scoped reader. */
export interface HttpDeps extends PolicyDeps {
  /**
   * The audit witness, read to verify the chain. The web process holds no signing key: sealing
   * and signing run in `tessera audit seal` (in this process only on the embedded database).
   */
  readonly auditWitness: AuditWitness;
  readonly rateLimiter: SignInRateLimiter;
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  /** Folder of the built web app (dist/web), or undefined to serve the API only. */
  readonly webRoot: string | undefined;
  readonly databaseKind: string;
  /** The legal gateway catalogue as agreements see it (domain/agreements/gateway-directory.ts). */
  readonly gateways: GatewayDirectory;
  /**
   * This process's person linkage indexes (domain/people/held-index.ts), for the review queue and
   * for ingest's incremental linking; made by the app when not given.
   */
  readonly linkIndexes?: LinkIndexes;
  /** Person linkage after each ingested batch (domain/feeds/ingest-feed.ts); wired in the composition root. */
  readonly linkPeople?: IngestDeps['linkPeople'];
  readonly linkPending?: IngestDeps['linkPending'];
  /** How long a break-glass lasts and how often a user may break glass (break-glass-settings.ts). */
  readonly breakGlass?: BreakGlassSettings;
  /**
   * The durable job queue (escalation wake-ups of partner checks): the server's pg-boss queue.
   * Without one (a test app that does not look at jobs) sends are logged and dropped.
   */
  readonly jobs?: JobQueue;
  /** The jobs that follow alerts raised by an ingest (alerts/dispatch-alert-jobs.ts). */
  readonly afterAlertsRaised?: IngestDeps['afterAlertsRaised'];
}

export interface AppEnv {
  Variables: {
    requestId: string;
    session: ActiveSession | undefined;
    /**
     * Set when `session` came from this process's session cache unverified (session-cache.ts):
     * the condition the route's read must fold into its own statement (withVerifiedSession).
     */
    /** A session resolved earlier, for the single view to check in its own statement. */
    cachedSession: CachedSession | undefined;
  };
}
