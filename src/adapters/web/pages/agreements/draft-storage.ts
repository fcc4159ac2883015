// Where a draft's answers wait between question pages, so that a refresh or the Back button loses
// nothing: the tab's session storage, per user and journey, until the draft is saved through the
// API. The API cannot hold them sooner without changing: an agreement is created only with its
// title, dates and Tier 1, and a flow only whole. Agreements are not subject data, and explicit
// sign-out forgets every waiting draft (forgetAgreementDrafts).
import { emptyDraft, emptyFlow, type DraftForm } from './draft-form.ts';
import type { DraftJourney } from './draft-questions.ts';
import { forgetKept, forgetKeptUnder, readKept, tabStorage, writeKept } from '../../tab-storage.ts';

const PREFIX = 'tessera:agreement-draft:';

/** One key per user and journey; an edit also names the version, so a newer draft is not shadowed. */
export function draftKey(userId: string, journey: DraftJourney, version?: number): string {
  const which = journey.kind === 'new' ? `new-${journey.tier}` : `edit-${journey.id}-v${version ?? 0}`;
  return `${PREFIX}${userId}:${which}`;
}

/** The answers kept under this key, laid over an empty draft so a missing field is empty, not absent. */
export function readDraft(key: string, store: Storage | null = tabStorage()): DraftForm | null {
  const kept = readKept(key, store) as Partial<DraftForm> | null;
  if (typeof kept !== 'object' || kept === null) return null;
  return { ...emptyDraft, ...kept, flow: { ...emptyFlow, ...kept.flow } };
}

export function writeDraft(key: string, form: DraftForm, store: Storage | null = tabStorage()): void {
  writeKept(key, form, store);
}

export function forgetDraft(key: string, store: Storage | null = tabStorage()): void {
  forgetKept(key, store);
}

/** On signing out: no one else at this browser finds the answers. */
export function forgetAgreementDrafts(store: Storage | null = tabStorage()): void {
  forgetKeptUnder(PREFIX, store);
}
