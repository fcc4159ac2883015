import { stringify } from 'csv-stringify/sync';
import { fieldGroupDefinitions } from '../policy/field-groups.ts';
import { neutraliseFormula } from '../shared/spreadsheet-formula.ts';
import type { ChronologyEntry } from './build-child-view.ts';
import { plainDate } from '../shared/plain-date.ts';
import { formatLinkConfidence } from './link-confidence.ts';
import { recordKindLabel } from './record-kind-labels.ts';

export const chronologyColumns: readonly [string, (e: ChronologyEntry) => string][] = [
  // Dates as the screen shows them; a day the agency did not give is said, never left blank.
  ['Event date', (e) => (e.eventDate === null ? 'Date not given by the agency' : plainDate(e.eventDate))],
  ['Recorded by the agency', (e) => (e.recordedDate === null ? 'Not given' : plainDate(e.recordedDate))],
  ['Received by Tessera', (e) => e.recordedAt.toISOString()],
  ['Source organisation', (e) => e.holderName ?? ''],
  ['Information', (e) => fieldGroupDefinitions[e.fieldGroup].label],
  ['Kind of record', (e) => recordKindLabel(e.kind)],
  ['Fact or opinion', (e) => e.factOrOpinion],
  ['What happened', (e) => e.summary],
  ['Link confidence', (e) => formatLinkConfidence(e.linkConfidence)],
];

/**
 * What a file must say about itself once it leaves Tessera (issue 14 point 4): its protective
 * marking (Government Security Classifications: OFFICIAL-SENSITIVE), whose chronology it is,
 * who produced it, when, for which purpose and with which filters, so a copy is never mistaken
 * for the whole record or passed on without knowing whose it is.
 */
export interface ChronologyCsvHeading {
  readonly child: string;
  readonly producedBy: string;
  readonly producedAt: string;
  readonly purpose: string;
  readonly filters: readonly string[];
}

/**
 * The chronology as CSV. Every cell goes through neutraliseFormula, so an agency's summary of
 * "=HYPERLINK(…)" or "@SUM(…)" opens in a spreadsheet as text, never as a formula (OWASP, CSV
 * injection): the summaries are free text from feeds and may carry anything.
 */
export function chronologyCsv(entries: readonly ChronologyEntry[], heading?: ChronologyCsvHeading): string {
  // Every cell quoted: a lone carriage return inside a summary must not end the row.
  const options = { quoted: true, record_delimiter: 'windows' } as const;
  const preamble = heading
    ? stringify(
        [
          ['OFFICIAL-SENSITIVE'],
          ['Multi-agency chronology of', heading.child],
          ['Produced by', heading.producedBy],
          ['Produced at', heading.producedAt],
          ['Purpose', heading.purpose],
          ['Filters', heading.filters.length === 0 ? 'None' : heading.filters.join('; ')],
          ['An extract of what the producer may see for this purpose, not the whole record'],
          [''],
        ].map((row) => row.map(neutraliseFormula)),
        options,
      )
    : '';
  const table = stringify(
    entries.map((e) => chronologyColumns.map(([, value]) => neutraliseFormula(value(e)))),
    { ...options, header: true, columns: chronologyColumns.map(([name]) => name) },
  );
  return `\uFEFF${preamble}${table}`;
}
