import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { FieldGroup } from '../policy/field-groups.ts';
import type { PolicyDeps } from '../policy/flows-in-force-source.ts';
import { SUBJECT_TYPE } from '../policy/policy-access.ts';
import type { Purpose } from '../policy/purposes.ts';
import type { Actor } from '../shared/actor.ts';
import type { ChronologyFilters } from './build-child-view.ts';
import { chronologyColumns, chronologyCsv } from './chronology-csv.ts';
import { findChronology } from './find-chronology.ts';

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
): Promise<string> {
  const view = await findChronology(deps, actor, input, 'chronology_csv');
  const csv = chronologyCsv(view.entries);
  await deps.db.transaction((tx) =>
    appendAuditEvent(tx, {
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
    }),
  );
  return csv;
}
