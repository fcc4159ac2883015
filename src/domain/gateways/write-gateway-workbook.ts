import ExcelJS from 'exceljs';
import { organisationTypeLabels, organisationTypes } from '../partnership/roles.ts';
import { gatewayKindLabels, gatewayKinds } from './gateway-kinds.ts';
import type { CatalogueVersion, Gateway } from './gateway.ts';
import {
  columns,
  GATEWAY_SHEET,
  LIST_SEPARATOR,
  MAX_GATEWAY_ROWS,
  NO,
  README_SHEET,
  YES,
} from './gateway-workbook-layout.ts';

/**
 * The catalogue as an Excel workbook, the format partnerships already use for "Appendix 3 legal
 * gateways" (seed 000). Every cell is written as text, never as a formula, so nothing in it runs
 * when the workbook is opened.
 */
export async function writeGatewayWorkbook(
  gateways: readonly Gateway[],
  version: CatalogueVersion,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tessera';
  workbook.created = version.createdAt;
  const sheet = workbook.addWorksheet(GATEWAY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.heading, key: c.field, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const g of gateways) {
    const row = sheet.addRow({
      id: g.id,
      kind: gatewayKindLabels[g.kind],
      title: g.title,
      citation: g.citation,
      permits: g.permits,
      organisationTypes: g.organisationTypes.map((t) => organisationTypeLabels[t]).join(LIST_SEPARATOR),
      sources: g.sources.join(LIST_SEPARATOR),
      wordingChecked: g.wordingChecked ? YES : NO,
    });
    row.alignment = { vertical: 'top', wrapText: true };
  }
  addReadMe(workbook, version, gateways.length);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addReadMe(workbook: ExcelJS.Workbook, version: CatalogueVersion, rows: number): void {
  const sheet = workbook.addWorksheet(README_SHEET);
  sheet.getColumn(1).width = 45;
  sheet.getColumn(2).width = 90;
  const lines: [string, string][] = [
    ['Tessera legal gateway catalogue', ''],
    ['Catalogue version', String(version.version)],
    ['Version created', version.createdAt.toISOString()],
    ['Note', version.note],
    ['Gateways', String(rows)],
    ['', ''],
    [
      'Wording',
      'Every “What it permits” is a paraphrase, not statutory wording. Check it against legislation.gov.uk before relying on it, and set “Wording checked” to Yes only once someone has.',
    ],
    [
      'Importing',
      `A system administrator can import this workbook into Tessera to make a new catalogue version. Keep the headings of the “${GATEWAY_SHEET}” sheet as they are, one gateway a row (at most ${MAX_GATEWAY_ROWS}). Import checks every row and changes nothing if any row is wrong.`,
    ],
    ['ID', 'Capital letters, digits and hyphens, such as CA1989-S47. IDs must be unique.'],
    [
      'Organisation types and Sources',
      'One a line (or separated by semicolons). Sources that are web addresses must start with https:// or http://.',
    ],
    ['Wording checked', 'Yes or No.'],
    ['No formulas', 'Cells must hold text: formulas are refused.'],
    ['', ''],
    ['Kinds (write the label or the code)', ''],
    ...gatewayKinds.map((k): [string, string] => [gatewayKindLabels[k], k]),
    ['', ''],
    ['Organisation types (write the label or the code)', ''],
    ...organisationTypes.map((t): [string, string] => [organisationTypeLabels[t], t]),
  ];
  for (const line of lines) sheet.addRow(line).alignment = { vertical: 'top', wrapText: true };
  sheet.getRow(1).font = { bold: true, size: 14 };
}
