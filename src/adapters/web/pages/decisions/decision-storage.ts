// Where a decision path's answers wait between question pages, so that a refresh or the Back
// button loses nothing: the tab's session storage, per user and per child and purpose (or for
// guidance without a child), until the decision is recorded. Explicit sign-out forgets every
// waiting path (forgetDecisionPaths), as it does agreement drafts.
import {
  emptyRecord,
  emptySituation,
  type DecisionPathStart,
  type DecisionPathState,
} from './decision-answers.ts';

const PREFIX = 'tessera:decision-path:';

export function pathKey(userId: string, start: DecisionPathStart): string {
  const which = start.kind === 'advice' ? 'advice' : `child-${start.personId}-${start.purpose}`;
  return `${PREFIX}${userId}:${which}`;
}

/** Storage that may be missing or refuse (private browsing, full quota): then nothing is kept. */
function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** The path kept under this key, laid over empty answers so a missing field is empty, not absent. */
export function readPath(key: string, store: Storage | null = storage()): DecisionPathState | null {
  const raw = store?.getItem(key);
  if (raw === null || raw === undefined) return null;
  try {
    const kept = JSON.parse(raw) as Partial<DecisionPathState>;
    if (typeof kept !== 'object' || kept === null || typeof kept.idempotencyKey !== 'string') return null;
    return {
      idempotencyKey: kept.idempotencyKey,
      childName: typeof kept.childName === 'string' ? kept.childName : '',
      situation: { ...emptySituation, ...kept.situation },
      follow: kept.follow ?? '',
      departureReason: kept.departureReason ?? '',
      record: { ...emptyRecord, ...kept.record },
      recorded: kept.recorded ?? null,
    };
  } catch {
    return null;
  }
}

export function writePath(key: string, state: DecisionPathState, store: Storage | null = storage()): void {
  try {
    store?.setItem(key, JSON.stringify(state));
  } catch {
    // A full or refused storage keeps the page working; only a refresh would lose the answers.
  }
}

export function forgetPath(key: string, store: Storage | null = storage()): void {
  store?.removeItem(key);
}

/** On signing out: no one else at this browser finds the answers. */
export function forgetDecisionPaths(store: Storage | null = storage()): void {
  if (!store) return;
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
    (k): k is string => k?.startsWith(PREFIX) ?? false,
  );
  for (const key of keys) store.removeItem(key);
}
