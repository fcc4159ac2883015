import ExcelJS from 'exceljs';
import type { FieldProblem } from '../shared/errors.ts';
import type { OrganisationType } from '../partnership/roles.ts';
import { duplicateIds, gatewayProblems, type Gateway } from './gateway.ts';
import {
  checkedFromText,
  columns,
  GATEWAY_SHEET,
  kindFromText,
  MAX_GATEWAY_ROWS,
  organisationTypeFromText,
  splitList,
} from './gateway-workbook-layout.ts';
import type { GatewayKind } from './gateway-kinds.ts';

export interface ReadWorkbookResult {
  readonly gateways: Gateway[];
  /** The worksheet line each gateway was read from, in the same order. */
  readonly lines: number[];
  /** Every problem found, by `rows.<line>.<field>` (the line as Excel numbers it), or `file`/`header`. */
  readonly problems: FieldProblem[];
}

/** Control characters cannot be stored in PostgreSQL text (NUL) and have no place in a catalogue. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Reads the catalogue from a workbook that inspectZip has already found safe. Checks every row
 * and reports each problem with its line number; the caller writes nothing unless there are none.
 */
export async function readGatewayWorkbook(bytes: Uint8Array): Promise<ReadWorkbookResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return fileProblem(
      'The file could not be read as an Excel workbook. Save it from Excel as an .xlsx file',
    );
  }
  const sheet = workbook.getWorksheet(GATEWAY_SHEET);
  if (!sheet) return fileProblem(`The workbook has no worksheet called “${GATEWAY_SHEET}”`);

  const headings = columns.map((c, i) => cellText(sheet.getRow(1).getCell(i + 1)).text?.trim() ?? '');
  if (headings.some((h, i) => h.toLowerCase() !== columns[i]!.heading.toLowerCase())) {
    return {
      gateways: [],
      lines: [],
      problems: [
        {
          field: 'header',
          problem: `Row 1 must have the headings ${columns.map((c) => c.heading).join(', ')}, in that order`,
        },
      ],
    };
  }

  const problems: FieldProblem[] = [];
  const read: { line: number; gateway: Gateway }[] = [];
  let tooMany = false;
  // eachRow visits only rows that exist, however far down a crafted sheet puts its last one.
  sheet.eachRow((row, line) => {
    if (line === 1 || tooMany || !row.hasValues) return;
    if (read.length === MAX_GATEWAY_ROWS) {
      tooMany = true;
      problems.push({
        field: 'rows',
        problem: `The catalogue may have at most ${MAX_GATEWAY_ROWS} gateways`,
      });
      return;
    }
    const parsed = readRow(row, line);
    problems.push(...parsed.problems);
    read.push({ line, gateway: parsed.gateway });
  });
  if (read.length === 0 && problems.length === 0)
    problems.push({
      field: 'rows',
      problem: `The “${GATEWAY_SHEET}” sheet has no gateways under its headings`,
    });

  for (const [id, at] of duplicateIds(read.map((r) => r.gateway.id))) {
    if (id === '') continue;
    const lines = at.map((i) => read[i]!.line);
    for (const line of lines.slice(1))
      problems.push({
        field: `rows.${line}.id`,
        problem: `Row ${line}: the ID ${id.slice(0, 60)} is also used on row ${lines[0]}`,
      });
  }
  problems.sort((a, b) => lineOf(a.field) - lineOf(b.field));
  return { gateways: read.map((r) => r.gateway), lines: read.map((r) => r.line), problems: capped(problems) };
}

/** Enough to correct a badly broken sheet in one pass, without an answer of megabytes. */
export const MAX_PROBLEMS_REPORTED = 250;

function capped(problems: FieldProblem[]): FieldProblem[] {
  if (problems.length <= MAX_PROBLEMS_REPORTED) return problems;
  const more = problems.length - MAX_PROBLEMS_REPORTED;
  return [
    ...problems.slice(0, MAX_PROBLEMS_REPORTED),
    {
      field: 'rows',
      problem: `There are ${more} more problems: correct these, then import again to see the rest`,
    },
  ];
}

/** A cell's text inside a message, cut short so a huge cell cannot make a huge answer. */
const quote = (text: string) => `“${text.length > 60 ? `${text.slice(0, 60)}…` : text}”`;

function fileProblem(problem: string): ReadWorkbookResult {
  return { gateways: [], lines: [], problems: [{ field: 'file', problem }] };
}

const lineOf = (field: string) => Number(/^rows\.(\d+)/.exec(field)?.[1] ?? 0);

function readRow(row: ExcelJS.Row, line: number): { gateway: Gateway; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const say = (field: string, problem: string) =>
    problems.push({ field: `rows.${line}.${field}`, problem: `Row ${line}: ${problem}` });
  const text: Record<string, string> = {};
  columns.forEach((column, i) => {
    const cell = cellText(row.getCell(i + 1));
    if (cell.problem) say(column.field, `${column.heading}: ${cell.problem}`);
    else if (CONTROL.test(cell.text ?? ''))
      say(column.field, `${column.heading} contains characters that are not allowed`);
    text[column.field] = cell.text ?? '';
  });
  row.eachCell((cell, col) => {
    if (col > columns.length && cellText(cell).text !== '')
      say('extra', `column ${col} has a value but no heading; remove it or move it into a column with one`);
  });

  const kind = kindFromText(text.kind!);
  if (text.kind && !kind)
    say('kind', `the kind ${quote(text.kind)} is not one Tessera knows; use one listed on the Read me sheet`);
  if (!text.kind && !problems.some((p) => p.field.endsWith('.kind'))) say('kind', 'enter a kind');

  const typeTexts = splitList(text.organisationTypes!);
  const types = typeTexts.map((t) => organisationTypeFromText(t));
  const unknown = typeTexts.filter((_, i) => types[i] === undefined);
  if (unknown.length > 0)
    say(
      'organisationTypes',
      `unknown organisation type ${unknown.slice(0, 5).map(quote).join(', ')}; use the types listed on the Read me sheet`,
    );

  const checked = checkedFromText(text.wordingChecked!);
  if (checked === undefined && !problems.some((p) => p.field.endsWith('.wordingChecked')))
    say('wordingChecked', 'Wording checked must be Yes or No');

  const gateway: Gateway = {
    id: text.id!.trim(),
    kind: kind ?? ('' as GatewayKind),
    title: text.title!.trim(),
    citation: text.citation!.trim(),
    permits: text.permits!.trim(),
    organisationTypes: types.filter((t): t is OrganisationType => t !== undefined),
    sources: splitList(text.sources!),
    wordingChecked: checked ?? false,
  };
  for (const p of gatewayProblems(gateway)) {
    // Problems already reported from the cell itself need not be repeated.
    if (p.field === 'kind' || problems.some((q) => q.field === `rows.${line}.${p.field}`)) continue;
    say(p.field, p.problem.charAt(0).toLowerCase() + p.problem.slice(1));
  }
  return { gateway, problems };
}

/** A cell's text, or why it cannot be used. Formulas are refused: a catalogue holds words. */
function cellText(cell: ExcelJS.Cell): { text?: string; problem?: string } {
  const value = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
      return { text: '' };
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
      return { text: String(value) };
    case ExcelJS.ValueType.Number:
      return { text: String(value) };
    case ExcelJS.ValueType.Boolean:
      return { text: value ? 'Yes' : 'No' };
    case ExcelJS.ValueType.RichText:
      return { text: (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') };
    case ExcelJS.ValueType.Hyperlink: {
      const linked = (value as ExcelJS.CellHyperlinkValue).text as unknown;
      if (typeof linked === 'string') return { text: linked };
      return { text: (linked as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('') };
    }
    case ExcelJS.ValueType.Formula:
      return { problem: 'formulas are not accepted; replace the formula with its text' };
    case ExcelJS.ValueType.Date:
      return { problem: 'dates are not accepted; enter text' };
    case ExcelJS.ValueType.Merge:
      return { problem: 'merged cells are not accepted; unmerge them' };
    default:
      return { problem: 'the cell holds an error or a value that is not text' };
  }
}
