import type { FieldGroup } from '../policy/field-groups.ts';
import type { InvolvementType } from '../records/record-kinds.ts';
import { plainDate, isIsoDate } from '../shared/plain-date.ts';
import { recordKindLabel } from './record-kind-labels.ts';
import { sentenceFor, span } from './record-sentences.ts';

export const involvementLabels = {
  early_help: 'Early help',
  child_in_need: 'Child in need',
  child_protection_plan: 'Child protection plan',
  looked_after: 'Looked after',
  unborn_baby_plan: 'Unborn baby plan',
} as const satisfies Record<InvolvementType, string>;

export type Payload = Readonly<Record<string, unknown>>;

export function payloadOf(value: unknown): Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Payload) : {};
}

export function text(payload: Payload, key: string): string | null {
  const value = payload[key];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

const isInvolvement = (v: string | null): v is InvolvementType => v !== null && v in involvementLabels;

/**
 * One plain sentence for the chronology (record-sentences.ts), with the agency's own summary
 * after it, dates as "16 Aug 2026" and no agency-internal ids. A status item never carries a
 * summary. A payload with nothing to say is named by its kind, never shown as raw keys.
 */
export function describeRecord(kind: string, group: FieldGroup, payload: Payload): string {
  // The payload is already projected to its group's declared fields by the policy's reader
  // (policy/project-fields.ts): a status item carries no summary to show.
  const t = (key: string) => text(payload, key);
  const involvement = t('involvement');
  if (kind === 'involvement' && isInvolvement(involvement)) {
    const date = (key: string) => (t(key) === null ? null : plainDate(t(key)!));
    const summary = group === 'child_protection_status' ? null : t('summary');
    const from = date('startDate') ?? (date('endDate') ? 'an unknown date' : null);
    const label = `${involvementLabels[involvement]}${span(from, date('endDate'))}`;
    return summary ? `${label}: ${summary}` : label;
  }
  return sentenceFor(kind, t) ?? t('summary') ?? recordKindLabel(kind);
}

/** Payload keys that carry the day the recorded thing happened, for kinds whose feed names none. */
const eventDateKeys = ['startDate', 'fromDate', 'incidentDate', 'contactDate'] as const;

/**
 * The day an entry happened: the feed's event date, else the first date its own payload gives
 * for when it happened, else null ("date not given by the agency"): never the day it was loaded.
 */
export function eventDateOf(eventDate: string | null, payload: Payload): string | null {
  if (eventDate !== null) return eventDate;
  return eventDateKeys.map((k) => text(payload, k)).find(isIsoDate) ?? null;
}

/**
 * The day the agency itself recorded the item (payload key `recordedDate`, mapped from the
 * agency's own column), or null when its feed does not say: the time Tessera loaded the item
 * is when it was received, not when it was recorded.
 */
export function recordedDateOf(payload: Payload): string | null {
  const recorded = text(payload, 'recordedDate');
  return isIsoDate(recorded) ? recorded : null;
}
