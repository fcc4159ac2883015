import { createHash } from 'node:crypto';
import { relationshipKinds, type IngestIdentity, type IngestItem } from '../records/ingest-store.ts';
import {
  checkDate,
  checkNhsNumber,
  checkPostcode,
  checkUpn,
  nulProblem,
  type Checked,
} from './field-checks.ts';
import { looksLikeFormula } from '../shared/spreadsheet-formula.ts';
import { identityKeys, isDateKey, mappedColumns, type FeedMapping } from './feed-mapping.ts';
import type { FeedRow } from './read-feed-rows.ts';

export interface RowIssue {
  readonly line: number;
  readonly column: string | null;
  readonly severity: 'rejected' | 'flagged';
  readonly reason: string;
}

export type PreparedRow =
  | {
      readonly ok: true;
      readonly line: number;
      readonly item: IngestItem;
      readonly flags: readonly RowIssue[];
    }
  | { readonly ok: false; readonly issue: RowIssue };

const checks: Record<string, (raw: string) => Checked> = {
  nhsNumber: checkNhsNumber,
  upn: checkUpn,
  postcode: checkPostcode,
};

const identityKeySet = new Set<string>(identityKeys);
const relationshipKindSet = new Set<string>(relationshipKinds);

/** Upper case, punctuation gone, single spaces, then the postcode without its space. */
export function addressKey(address: string, postcode: string | undefined): string {
  const line = address
    .toUpperCase()
    .replace(/[^A-Z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return postcode ? `${line} ${postcode.replace(' ', '')}` : line;
}

/**
 * Turns rows of one feed into items for the records tables, or the reason each is refused. The
 * checks run on what the mapping says a column is (its canonical key), so every feed that
 * carries an NHS number gets the same modulus 11 check.
 */
export function rowPreparer(mapping: FeedMapping): (row: FeedRow) => PreparedRow {
  const columns = mappedColumns(mapping);
  const personIndex = columns.indexOf(mapping.personIdColumn);
  const externalIndex = columns.indexOf(mapping.externalIdColumn);
  const mapped = Object.entries(mapping.columns).map(([column, c]) => ({
    column,
    index: columns.indexOf(column),
    key: c.key,
    opinion: c.item === 'opinion',
    date: isDateKey(c.key),
    check: checks[c.key],
  }));
  const eventDateKey = mapping.eventDateColumn ? mapping.columns[mapping.eventDateColumn]?.key : undefined;
  const kind = mapping.recordKind;
  const reject = (line: number, column: string | null, reason: string): PreparedRow => ({
    ok: false,
    issue: { line, column, severity: 'rejected', reason },
  });

  return (row) => {
    if (!('values' in row)) return reject(row.line, row.column ?? null, row.problem);
    const { line, values } = row;
    for (const [index, value] of values.entries()) {
      const problem = value === undefined ? undefined : nulProblem(value);
      if (problem) return reject(line, columns[index] ?? null, problem);
    }
    const personId = values[personIndex]?.trim();
    if (!personId) return reject(line, mapping.personIdColumn, "The person's id is empty");
    const externalId = values[externalIndex]?.trim();
    if (!externalId) return reject(line, mapping.externalIdColumn, 'The id of the item is empty');
    const payload: Record<string, unknown> = {};
    const opinionFields: string[] = [];
    const flags: RowIssue[] = [];
    for (const m of mapped) {
      const raw = values[m.index]?.trim();
      if (raw === undefined || raw === '') continue;
      let value = raw;
      if (m.check) {
        const checked = m.check(raw);
        if (!checked.ok) return reject(line, m.column, checked.reason);
        value = checked.value;
      } else if (m.date) {
        const checked = checkDate(raw, mapping.dateFormat);
        if (!checked.ok) return reject(line, m.column, checked.reason);
        value = checked.value;
        if (checked.swappable)
          flags.push({
            line,
            column: m.column,
            severity: 'flagged',
            reason: 'The day and month could be swapped',
          });
      } else if (looksLikeFormula(raw)) {
        flags.push({
          line,
          column: m.column,
          severity: 'flagged',
          reason: 'The cell looks like a spreadsheet formula: kept as text',
        });
      }
      payload[m.key] = value;
      if (m.opinion) opinionFields.push(m.key);
    }
    if (opinionFields.length > 0) payload.opinionFields = opinionFields;
    const eventDate = eventDateKey ? ((payload[eventDateKey] as string | undefined) ?? null) : null;
    const factOrOpinion = opinionFields.length > 0 ? 'opinion' : 'fact';
    const contentHash = createHash('sha256')
      .update(JSON.stringify([kind, mapping.fieldGroup, personId, eventDate, payload]))
      .digest('hex');
    const str = (key: string) => (payload[key] as string | undefined) ?? null;
    let extra: Pick<IngestItem, 'identity' | 'address' | 'relationship'> = {};
    if (kind === 'person_details') {
      const identity: Record<string, string> = {};
      for (const [key, value] of Object.entries(payload))
        if (identityKeySet.has(key)) identity[key] = value as string;
      extra = { identity: identity as IngestIdentity };
    } else if (kind === 'address') {
      if (!str('address')) return reject(line, null, 'The address is empty');
      const postcode = str('postcode') ?? undefined;
      extra = {
        address: {
          addressKey: addressKey(str('address')!, postcode),
          postcode: postcode ?? null,
          fromDate: str('fromDate'),
          toDate: str('toDate'),
        },
      };
    } else if (kind === 'relationship') {
      const relationship = str('relationship');
      if (!relationship || !relationshipKindSet.has(relationship))
        return reject(line, null, `The relationship must be one of ${relationshipKinds.join(', ')}`);
      const related = str('relatedPersonId');
      if (!related) return reject(line, null, 'The related person id is empty');
      extra = {
        relationship: {
          relatedExternalPersonId: related,
          kind: relationship,
          fromDate: str('fromDate'),
          toDate: str('toDate'),
        },
      };
    }
    return {
      ok: true,
      line,
      flags,
      item: {
        // The organisation's ids are unique per feed, not across its feeds: the feed names the namespace.
        externalId: `${mapping.feed}:${externalId}`,
        sourceReference: `${mapping.feed} ${externalId}`,
        personExternalId: personId,
        payload,
        eventDate,
        factOrOpinion,
        contentHash,
        ...extra,
      },
    };
  };
}
