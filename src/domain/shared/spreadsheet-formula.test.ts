import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeFormula, neutraliseFormula } from './spreadsheet-formula.ts';

const formulas = [
  '=HYPERLINK("http://x","y")',
  '+SUM(A1)',
  '-2+3',
  '@SUM(A1)',
  "|cmd /c calc'!A0",
  '%COMSPEC%',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\u0000=1+1',
  '＝1+1',
];

test('a cell starting with =, +, -, @, |, %, a control character or a full-width sign gets an apostrophe', () => {
  for (const cell of formulas) assert.equal(neutraliseFormula(cell), `'${cell}`, JSON.stringify(cell));
  for (const cell of ['-3', '+44 7700 900123']) assert.equal(neutraliseFormula(cell), `'${cell}`, cell);
});

test('ordinary text, dates and text with a sign inside are written as they are', () => {
  for (const cell of ['Sam Taylor', '2026-04-01', 'a=b', '50%', 'x|y', ''])
    assert.equal(neutraliseFormula(cell), cell, cell);
});

test('feeds flag formula-looking cells, but not plain signed numbers or phone numbers', () => {
  for (const cell of formulas) assert.equal(looksLikeFormula(cell), true, JSON.stringify(cell));
  for (const cell of ['-3', '+44 7700 900123', 'plain', '', '50%'])
    assert.equal(looksLikeFormula(cell), false, cell);
});
