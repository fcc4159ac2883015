import { recordKinds, type InvolvementType } from '../records/record-kinds.ts';

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
 * One line for the chronology: the agency's own summary if it wrote one, else the meaningful
 * keys of its kind (records/record-kinds.ts) in words. The payload is already projected to its
 * field group's declared keys by the policy's reader (policy/project-fields.ts), so a status
 * item says only the status: its group declares no summary.
 */
export function describeRecord(kind: string, shown: Payload): string {
  const involvement = text(shown, 'involvement');
  if (kind === 'involvement' && isInvolvement(involvement)) {
    const from = text(shown, 'startDate');
    const to = text(shown, 'endDate');
    const label = involvementLabels[involvement];
    const summary = text(shown, 'summary');
    const span = to ? ` from ${from ?? 'an unknown date'} to ${to}` : from ? ` from ${from}` : '';
    return `${label}${span}${summary ? `: ${summary}` : ''}`;
  }
  const summary = text(shown, 'summary');
  if (summary) return summary;
  const keys: readonly string[] =
    kind in recordKinds ? recordKinds[kind as keyof typeof recordKinds].keys : [];
  const parts = keys.flatMap((k) => {
    const v = text(shown, k);
    return v ? [`${k}: ${v}`] : [];
  });
  return parts.length > 0 ? parts.join('; ') : kind.replace(/_/g, ' ');
}
