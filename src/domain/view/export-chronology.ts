import { appendReadAuditEvent } from '../audit/group-commit-writer.ts';
import type { FieldGroup } from '../policy/field-groups.ts';
import type { PolicyDeps } from '../policy/flows-in-force-source.ts';
import { SUBJECT_TYPE } from '../policy/policy-access.ts';
import type { Purpose } from '../policy/purposes.ts';
import type { Actor } from '../shared/actor.ts';
import type { ChronologyFilters } from './build-child-view.ts';
import { chronologyColumns, chronologyCsv } from './chronology-csv.ts';
import { chronologyFiltersInWords } from './chronology-filters-in-words.ts';
import { findChronology } from './find-chronology.ts';
import { purposeDefinitions } from '../policy/purposes.ts';

const filterNames = ['fieldGroups', 'organisationIds', 'kinds', 'from', 'to', 'factOrOpinion'] as const;

/**
 * The chronology as a CSV file to download. A download leaves Tessera's control (it can be
 * copied, mailed, kept past retention), so besides the read's own `subject.viewed` event (view
 * `chronology_csv`) the export is audited as `subject.exported`, naming the columns written,
 * the field groups in the rows, how many rows and which filters narrowed them (the filters'
 * names, not their values), before the file leaves: a DPO answering "who took what out, and
 * when" (UK GDPR Art 5(2) accountability; Art 30 records) sees exactly what the file held.
 */
export async function exportChronologyCsv(
  deps: PolicyDeps,
  actor: Actor,
  input: { personId: string; purpose: Purpose; fieldGroups?: readonly FieldGroup[] } & ChronologyFilters,
  /** Who is producing the file, in words (name, role, organisation), for its heading. */
  producer: string,
): Promise<string> {
  const view = await findChronology(deps, actor, input, 'chronology_csv');
  const csv = chronologyCsv(view.entries, {
    child: view.childName ?? 'Name not shown for this purpose',
    producedBy: producer,
    producedAt: formatLondonTime(deps.clock.now()),
    purpose: purposeDefinitions[view.purpose].label,
    filters: chronologyFiltersInWords(input, view.entries),
  });
  // A disclosure, not a change: committed by the group-commit writer (DESIGN.md rule 3), durable
  // before the file is returned.
  await appendReadAuditEvent(deps.db, {
    actor,
    action: 'subject.exported',
    outcome: 'success',
    subject: { type: SUBJECT_TYPE, id: view.personId },
    purpose: view.purpose,
    disclosed: [...new Set(view.entries.map((e) => e.fieldGroup))].sort(),
    details: {
      view: 'chronology',
      format: 'csv',
      columns: chronologyColumns.map(([name]) => name),
      rows: view.entries.length,
      filters: filterNames.filter((name) => {
        const value = input[name];
        return Array.isArray(value) ? value.length > 0 : value !== undefined;
      }),
    },
  });
  return csv;
}

/** When the file was produced, London time, as people read it: "7 Dec 2026 16:20". */
function formatLondonTime(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}
