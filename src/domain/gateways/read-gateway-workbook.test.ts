import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { builtInCatalogue } from './builtin-catalogue.ts';
import { GATEWAY_SHEET } from './gateway-workbook-layout.ts';
import { readGatewayWorkbook } from './read-gateway-workbook.ts';
import { writeGatewayWorkbook } from './write-gateway-workbook.ts';

const version = {
  version: 3,
  createdAt: new Date('2026-11-02T09:00:00Z'),
  createdBy: 'system:test',
  note: 'test',
  rowCount: builtInCatalogue.length,
};

/** The exported catalogue, edited the way an administrator might edit it in Excel. */
async function edited(edit: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    (await writeGatewayWorkbook(builtInCatalogue, version)) as unknown as ExcelJS.Buffer,
  );
  edit(workbook.getWorksheet(GATEWAY_SHEET)!, workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const fieldsOf = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('reading a gateway workbook', () => {
  test('what export writes, import reads back with every field the same', async () => {
    const result = await readGatewayWorkbook(await writeGatewayWorkbook(builtInCatalogue, version));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.gateways,
      builtInCatalogue.map((g) => ({ ...g })),
    );
    assert.equal(result.lines[0], 2, 'the first gateway is on line 2, under the headings');
  });

  test('codes, labels, semicolons and curly apostrophes are all understood', async () => {
    const bytes = await edited((sheet) => {
      const row = sheet.getRow(2);
      row.getCell(2).value = 'statute_duty';
      row.getCell(6).value = 'Council children’s social care; police ;school';
      row.getCell(8).value = 'no';
    });
    const { gateways, problems } = await readGatewayWorkbook(bytes);
    assert.deepEqual(problems, []);
    assert.deepEqual(gateways[0]!.organisationTypes, ['council_childrens_social_care', 'police', 'school']);
    assert.equal(gateways[0]!.wordingChecked, false);
  });

  test('every bad row is reported with its line and reason', async () => {
    const bytes = await edited((sheet) => {
      sheet.getRow(3).getCell(2).value = 'Statute of something';
      sheet.getRow(4).getCell(6).value = 'Police\nFire service';
      sheet.getRow(5).getCell(3).value = '';
      sheet.getRow(6).getCell(1).value = 'CA1989-S17';
      sheet.getRow(7).getCell(1).value = 'ca1989 s47';
      sheet.getRow(8).getCell(5).value = 'x'.repeat(3001);
      sheet.getRow(9).getCell(3).value = { formula: 'CONCAT("Children ","Act")', result: 'Children Act' };
      sheet.getRow(10).getCell(8).value = 'Maybe';
      sheet.getRow(11).getCell(7).value = 'javascript:alert(1)';
      const date = sheet.getRow(12).getCell(4);
      date.value = new Date('2020-01-01T00:00:00Z');
      date.numFmt = 'dd/mm/yyyy';
      sheet.getRow(13).getCell(9).value = 'stray';
      // How a workbook carries a NUL character: Excel's _xHHHH_ escape, which readers decode.
      sheet.getRow(14).getCell(3).value = 'Bad_x0000_title';
    });
    const { problems } = await readGatewayWorkbook(bytes);
    assert.deepEqual(fieldsOf(problems), [
      'rows.3.kind',
      'rows.4.organisationTypes',
      'rows.5.title',
      'rows.6.id',
      'rows.7.id',
      'rows.8.permits',
      'rows.9.title',
      'rows.10.wordingChecked',
      'rows.11.sources',
      'rows.12.citation',
      'rows.13.extra',
      'rows.14.title',
    ]);
    const say = (field: string) => problems.find((p) => p.field === field)!.problem;
    assert.match(say('rows.3.kind'), /^Row 3: the kind “Statute of something” is not one Tessera knows/);
    assert.match(say('rows.4.organisationTypes'), /unknown organisation type “Fire service”/);
    assert.match(say('rows.5.title'), /Row 5: enter a title/);
    assert.match(say('rows.6.id'), /Row 6: the ID CA1989-S17 is also used on row 2/);
    assert.match(say('rows.7.id'), /only letters, digits and hyphens/);
    assert.match(say('rows.8.permits'), /3000 characters or fewer/);
    assert.match(say('rows.9.title'), /formulas are not accepted/);
    assert.match(say('rows.10.wordingChecked'), /Yes or No/);
    assert.match(say('rows.11.sources'), /must start with http:\/\/ or https:\/\//);
    assert.match(say('rows.12.citation'), /dates are not accepted/);
    assert.match(say('rows.14.title'), /characters that are not allowed/);
  });

  test('headings that are not the catalogue’s are refused before any row is read', async () => {
    const bytes = await edited((sheet) => {
      sheet.getRow(1).getCell(2).value = 'Type';
    });
    const { problems } = await readGatewayWorkbook(bytes);
    assert.deepEqual(fieldsOf(problems), ['header']);
    assert.match(
      problems[0]!.problem,
      /ID, Kind, Title, Citation, What it permits, Organisation types, Sources, Wording checked/,
    );
  });

  test('a workbook without the Legal gateways sheet, or with no rows, is refused', async () => {
    const renamed = await edited((sheet) => {
      sheet.name = 'Sheet1';
    });
    assert.match(
      (await readGatewayWorkbook(renamed)).problems[0]!.problem,
      /no worksheet called “Legal gateways”/,
    );
    const empty = await edited((sheet) => {
      for (let line = sheet.rowCount; line >= 2; line--) sheet.spliceRows(line, 1);
    });
    assert.deepEqual(fieldsOf((await readGatewayWorkbook(empty)).problems), ['rows']);
  });

  test('a badly broken sheet reports its first 250 problems and says how many more there are', async () => {
    const bytes = await edited((sheet) => {
      for (let i = 0; i < 300; i++)
        sheet.addRow([`EXTRA-${i}`, 'Nonsense '.repeat(20), 'Title', 'Citation', 'Permits', '', '', 'No']);
    });
    const { problems } = await readGatewayWorkbook(bytes);
    assert.equal(problems.length, 251);
    assert.match(problems[0]!.problem, /^Row 56: the kind “(Nonsense ){6}Nonsen…” is not one/);
    assert.deepEqual(problems.at(-1), {
      field: 'rows',
      problem: 'There are 50 more problems: correct these, then import again to see the rest',
    });
  });

  test('blank rows between gateways are skipped, and lines still count from the sheet', async () => {
    const bytes = await edited((sheet) => {
      sheet.insertRow(3, []);
    });
    const { gateways, lines, problems } = await readGatewayWorkbook(bytes);
    assert.deepEqual(problems, []);
    assert.equal(gateways.length, builtInCatalogue.length);
    assert.deepEqual(lines.slice(0, 3), [2, 4, 5]);
  });
});
