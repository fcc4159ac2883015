// Where a draft's answers wait between question pages, so that a refresh or the Back button loses
// nothing: the tab's session storage, per user and journey, until the draft is saved through the
// API. The API cannot hold them sooner without changing: an agreement is created only with its
// title, dates and Tier 1, and a flow only whole. Agreements are not subject data, and explicit
// sign-out forgets every waiting draft (forgetAgreementDrafts).
import { emptyDraft, emptyFlow, type DraftForm } from './draft-form.ts';
import type { DraftJourney } from './draft-questions.ts';

const PREFIX = 'tessera:agreement-draft:';

/** One key per user and journey; an edit also names the version, so a newer draft is not shadowed. */
export function draftKey(userId: string, journey: DraftJourney, version?: number): string {
  const which = journey.kind === 'new' ? `new-${journey.tier}` : `edit-${journey.id}-v${version ?? 0}`;
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

/** The answers kept under this key, laid over an empty draft so a missing field is empty, not absent. */
export function readDraft(key: string, store: Storage | null = storage()): DraftForm | null {
  const raw = store?.getItem(key);
  if (raw === null || raw === undefined) return null;
  try {
    const kept = JSON.parse(raw) as Partial<DraftForm>;
    if (typeof kept !== 'object' || kept === null) return null;
    return { ...emptyDraft, ...kept, flow: { ...emptyFlow, ...kept.flow } };
  } catch {
    return null;
  }
}

export function writeDraft(key: string, form: DraftForm, store: Storage | null = storage()): void {
  try {
    store?.setItem(key, JSON.stringify(form));
  } catch {
    // A full or refused storage keeps the page working; only a refresh would lose the answers.
  }
}

export function forgetDraft(key: string, store: Storage | null = storage()): void {
  store?.removeItem(key);
}

/** On signing out: no one else at this browser finds the answers. */
export function forgetAgreementDrafts(store: Storage | null = storage()): void {
  if (!store) return;
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
    (k): k is string => k?.startsWith(PREFIX) ?? false,
  );
  for (const key of keys) store.removeItem(key);
}
