import { stringify } from 'csv-stringify/sync';
import { fieldGroupDefinitions } from '../policy/field-groups.ts';
import { purposeDefinitions } from '../policy/purposes.ts';
import {
  confidentialityGroundLabels,
  flowFrequencyLabels,
  flowMethodDefinitions,
} from './agreement-terms.ts';
import type { FlowRegisterEntry } from './find-flow-register.ts';
import { neutraliseFormula } from '../shared/spreadsheet-formula.ts';

const columns: readonly [string, (f: FlowRegisterEntry) => string][] = [
  ['Agreement', (f) => f.reference],
  ['Agreement title', (f) => f.title],
  ['Version', (f) => String(f.version)],
  ['Flow', (f) => String(f.position)],
  ['Flow name', (f) => f.name],
  ['From', (f) => f.from.map((o) => o.name).join('; ')],
  ['To', (f) => f.to.map((o) => o.name).join('; ')],
  ['Purposes', (f) => f.purposes.map((p) => purposeDefinitions[p].label).join('; ')],
  ['Information', (f) => f.fieldGroups.map((g) => fieldGroupDefinitions[g].label).join('; ')],
  ['Data categories', (f) => f.dataCategories.join('; ')],
  ['Statutory gateways', (f) => f.statutoryGatewayIds.join('; ')],
  ['Article 6 basis', (f) => f.art6BasisId],
  ['Article 9 condition', (f) => f.art9ConditionId ?? ''],
  ['Schedule 1 condition (special category)', (f) => f.art9Sched1ConditionId ?? ''],
  ['Article 10 condition', (f) => f.art10ConditionId ?? ''],
  ['Schedule 1 condition (criminal offence)', (f) => f.art10Sched1ConditionId ?? ''],
  [
    'Common-law justification',
    (f) =>
      f.confidentialityGatewayId
        ? `${f.confidentialityGatewayId}: ${f.confidentialityGround ? confidentialityGroundLabels[f.confidentialityGround] : ''}`
        : '',
  ],
  ['Method', (f) => [flowMethodDefinitions[f.method].label, f.methodDetail].filter(Boolean).join(': ')],
  ['Frequency', (f) => flowFrequencyLabels[f.frequency]],
  ['Retention', (f) => f.retention ?? ''],
  ['DPIA', (f) => f.dpiaReference ?? ''],
  ['Start date', (f) => f.startDate],
  ['Review date', (f) => f.reviewDate],
  ['End date', (f) => f.endDate ?? ''],
];

/**
 * The flow register as CSV, with a byte order mark so spreadsheets read it as UTF-8. Every cell
 * goes through neutraliseFormula: organisation and flow names are typed by administrators.
 */
export function flowRegisterCsv(flows: readonly FlowRegisterEntry[]): string {
  return stringify(
    flows.map((f) => columns.map(([, value]) => neutraliseFormula(value(f)))),
    { bom: true, header: true, columns: columns.map(([name]) => name), record_delimiter: 'windows' },
  );
}
