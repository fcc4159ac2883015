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
import { forgetKept, forgetKeptUnder, readKept, tabStorage, writeKept } from '../../tab-storage.ts';

const PREFIX = 'tessera:decision-path:';

export function pathKey(userId: string, start: DecisionPathStart): string {
  const which = start.kind === 'advice' ? 'advice' : `child-${start.personId}-${start.purpose}`;
  return `${PREFIX}${userId}:${which}`;
}

/** The path kept under this key, laid over empty answers so a missing field is empty, not absent. */
export function readPath(key: string, store: Storage | null = tabStorage()): DecisionPathState | null {
  const kept = readKept(key, store) as Partial<DecisionPathState> | null;
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
}

export function writePath(key: string, state: DecisionPathState, store: Storage | null = tabStorage()): void {
  writeKept(key, state, store);
}

export function forgetPath(key: string, store: Storage | null = tabStorage()): void {
  forgetKept(key, store);
}

/** On signing out: no one else at this browser finds the answers. */
export function forgetDecisionPaths(store: Storage | null = tabStorage()): void {
  forgetKeptUnder(PREFIX, store);
}
