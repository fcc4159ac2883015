import type { ActiveSession } from '../../domain/identity/resolve-session.ts';
import { TOUCH_EVERY_MS } from '../../domain/identity/resolve-session.ts';
import { SESSION_IDLE_MS } from '../../domain/identity/session-token.ts';

/** Enough for every practitioner of a large partnership signed in at once; the oldest go first. */
const MAX_SESSIONS = 20_000;

/**
 * Sessions this process resolved lately, by token hash, for the reads that verify the session in
 * their own statement (session-gate.ts) instead of resolving it first: the single view. An entry
 * is never trusted on its own. It only lets such a read skip a round trip, and lasts only until
 * the session's last-seen time is due to be touched again, so resolveSession still runs (and
 * touches it) at least once a minute per session.
 */
export class SessionCache {
  readonly #sessions = new Map<string, ActiveSession>();

  /** The session for the token hash if it was resolved within the last touch interval. */
  get(tokenHash: string, now: Date): ActiveSession | undefined {
    const session = this.#sessions.get(tokenHash);
    if (!session) return undefined;
    const lastSeen = session.idleExpiresAt.getTime() - SESSION_IDLE_MS;
    const at = now.getTime();
    if (at - lastSeen >= TOUCH_EVERY_MS || at >= session.absoluteExpiresAt.getTime()) {
      this.#sessions.delete(tokenHash);
      return undefined;
    }
    return session;
  }

  set(session: ActiveSession): void {
    this.#sessions.delete(session.tokenHash);
    this.#sessions.set(session.tokenHash, session);
    if (this.#sessions.size > MAX_SESSIONS) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== undefined) this.#sessions.delete(oldest);
    }
  }

  evict(tokenHash: string): void {
    this.#sessions.delete(tokenHash);
  }
}
