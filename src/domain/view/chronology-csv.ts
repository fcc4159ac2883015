import { stringify } from 'csv-stringify/sync';
import { fieldGroupDefinitions } from '../policy/field-groups.ts';
import { neutraliseFormula } from '../shared/spreadsheet-formula.ts';
import type { ChronologyEntry } from './build-child-view.ts';
import { plainDate } from '../shared/plain-date.ts';
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
  ['Link confidence', (e) => e.linkConfidence.toFixed(4)],
];

/**
 * The chronology as CSV. Every cell goes through neutraliseFormula, so an agency's summary of
 * "=HYPERLINK(…)" or "@SUM(…)" opens in a spreadsheet as text, never as a formula (OWASP, CSV
 * injection): the summaries are free text from feeds and may carry anything.
 */
export function chronologyCsv(entries: readonly ChronologyEntry[]): string {
  return stringify(
    entries.map((e) => chronologyColumns.map(([, value]) => neutraliseFormula(value(e)))),
    // Every cell quoted: a lone carriage return inside a summary must not end the row.
    {
      bom: true,
      header: true,
      quoted: true,
      columns: chronologyColumns.map(([name]) => name),
      record_delimiter: 'windows',
    },
  );
}
