import type { RecordKind } from '../records/record-kinds.ts';
import { plainDate } from '../shared/plain-date.ts';

/**
 * One plain sentence for each kind of record a chronology holds, built only from the payload it
 * is given (whatever projection the policy applied before), so a key the reader may not see is
 * simply absent. No agency-internal id is ever put in a sentence: a case number or a related
 * person's id means nothing to a reader in another agency (Working Together 2023: information
 * shared should be clear and understandable by those receiving it).
 */
type Text = (key: string) => string | null;

/** The codes feeds send in words; an unknown code is written out with its underscores as spaces. */
const codeWords: Readonly<Record<string, string>> = {
  parent_or_carer: 'a parent or carer',
  sibling: 'a brother or sister',
  partner_of_parent: "a parent's partner",
  domestic_abuse: 'Domestic abuse incident',
  missing_episode: 'Missing from home',
  health_visitor_contact: 'Health visitor contact',
  ed_attendance: 'Emergency department attendance',
  suspension: 'Suspension',
  permanent_exclusion: 'Permanent exclusion',
};

export function inWords(code: string): string {
  const known = codeWords[code];
  if (known) return known;
  const words = code.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const day = (t: Text, key: string) => {
  const value = t(key);
  return value === null ? null : plainDate(value);
};

/** " from 4 Jul 2025 to 1 Jan 2026", " from 4 Jul 2025", " until 1 Jan 2026" or "". */
export function span(from: string | null, to: string | null): string {
  if (from && to) return ` from ${from} to ${to}`;
  if (from) return ` from ${from}`;
  return to ? ` until ${to}` : '';
}

/** "Sentence: summary", or whichever of the two there is. */
const withSummary = (sentence: string | null, summary: string | null) =>
  sentence && summary ? `${sentence}: ${summary}` : (sentence ?? summary);

const joined = (...parts: readonly (string | null | false)[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join(', ') || null;

type Sentence = (t: Text) => string | null;

/** Keyed by the closed RecordKind union, so a new kind of feed fails to compile until it has words. */
const sentences = {
  person_details: () => 'Person details',
  address: (t) => {
    const where = joined(t('address'), t('postcode'));
    return where ? `Living at ${where}${span(day(t, 'fromDate'), day(t, 'toDate'))}` : null;
  },
  relationship: (t) => {
    const kind = t('relationship');
    const dates = span(day(t, 'fromDate'), day(t, 'toDate'));
    return kind ? `Recorded as having ${inWords(kind)}${dates} (see the family network)` : null;
  },
  // Involvements are worded by describeRecord, which also knows the status-only group.
  involvement: () => null,
  school_enrolment: (t) => {
    const school = t('school');
    if (!school) return null;
    const year = t('yearGroup');
    return `Enrolled at ${school}${year ? ` in ${year}` : ''}${span(day(t, 'startDate'), day(t, 'endDate'))}`;
  },
  school_attendance: (t) => {
    const percent = t('attendancePercent');
    const unauthorised = t('unauthorisedSessions');
    if (percent === null && unauthorised === null) return null;
    const term = t('term');
    return joined(
      percent !== null && `${percent}% attendance${term ? ` in ${term}` : ''}`,
      unauthorised !== null &&
        `${unauthorised} unauthorised ${unauthorised === '1' ? 'session' : 'sessions'}`,
    );
  },
  school_exclusion: (t) => {
    const type = t('exclusionType');
    const days = t('days');
    const from = day(t, 'startDate');
    if (!type && !from) return null;
    const length = days ? ` for ${days} ${days === '1' ? 'day' : 'days'}` : '';
    return withSummary(`${inWords(type ?? 'exclusion')}${length}${from ? ` from ${from}` : ''}`, t('reason'));
  },
  police_incident: (t) => {
    const type = t('incidentType');
    return withSummary(type ? inWords(type) : null, t('summary'));
  },
  health_contact: (t) => {
    const type = t('contactType');
    const setting = t('setting');
    const what = type ? `${inWords(type)}${setting ? ` (${setting})` : ''}` : setting;
    return withSummary(what, t('summary'));
  },
  youth_justice_order: (t) => {
    const order = t('order');
    if (!order) return null;
    const worker = t('caseWorker');
    return `${inWords(order)}${span(day(t, 'startDate'), day(t, 'endDate'))}${worker ? `, case worker ${worker}` : ''}`;
  },
  // Whom to call is shown with the agency (the view's agencies involved), never as an event.
  lead_contact: () => null,
  housing: (t) => withSummary(joined(t('tenure') && inWords(t('tenure')!), t('status')), t('summary')),
} as const satisfies Record<RecordKind, Sentence>;

/**
 * The sentence for a kind with the agency's own summary after it (once), or null when its
 * payload holds nothing to say.
 */
export function sentenceFor(kind: string, t: Text): string | null {
  const sentence = kind in sentences ? sentences[kind as RecordKind](t) : null;
  const summary = t('summary');
  if (sentence !== null && summary !== null && sentence.includes(summary)) return sentence;
  return withSummary(sentence, summary);
}
