import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parseAnyDate } from '../linkage/dates.ts';
import { isValidNhsNumber } from '../linkage/nhs-number.ts';
import { generateJudgePopulation } from './generate-judge-population.ts';
import type { JudgeRecord } from './judge-records.ts';

describe('the judge population (independent of the tuning generator)', () => {
  let records: JudgeRecord[];
  const byPerson = new Map<string, JudgeRecord[]>();
  before(() => {
    records = [...generateJudgePopulation({ children: 3000, seed: 5 })];
    for (const r of records) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r]);
  });

  test('is the same for the same seed and different for another', () => {
    const again = [...generateJudgePopulation({ children: 100, seed: 5 })];
    assert.deepEqual(again, [...generateJudgePopulation({ children: 100, seed: 5 })]);
    assert.notDeepEqual(again, [...generateJudgePopulation({ children: 100, seed: 6 })]);
  });

  test('makes about four records a child, each with its true person and a readable or blank date', () => {
    const children = new Set(records.filter((r) => /-c\d+$/.test(r.person_id)).map((r) => r.person_id));
    assert.ok(children.size >= 2900 && children.size <= 3000, String(children.size));
    assert.ok(records.length > 3.2 * 3000 && records.length < 4.4 * 3000, String(records.length));
    assert.ok(records.every((r) => r.dob === '' || parseAnyDate(r.dob) > 0));
    assert.ok(records.filter((r) => r.nhs_number !== '').some((r) => isValidNhsNumber(r.nhs_number)));
  });

  test('has twins, double-barrelled surnames cut to one part, and first and middle names swapped', () => {
    let twins = 0;
    let cut = 0;
    let swapped = 0;
    const firstRecordOf = new Map<string, JudgeRecord>();
    for (const [id, list] of byPerson) {
      firstRecordOf.set(id, list[0]!);
      const doubled = list.find((r) => r.last_name.includes('-'));
      if (
        doubled &&
        list.some((r) => doubled.last_name.toLowerCase().split('-').includes(r.last_name.toLowerCase()))
      )
        cut++;
      if (
        list.some((a) =>
          list.some(
            (b) =>
              a.middle_names !== '' &&
              a.first_name.toLowerCase() === b.middle_names.toLowerCase() &&
              a.middle_names.toLowerCase() === b.first_name.toLowerCase(),
          ),
        )
      )
        swapped++;
    }
    const births = new Map<string, number>();
    for (const [id, r] of firstRecordOf) {
      const key = `${id.split('-')[0]}|${parseAnyDate(r.dob)}`;
      if (/-c\d+$/.test(id) && r.dob !== '') births.set(key, (births.get(key) ?? 0) + 1);
    }
    for (const n of births.values()) if (n >= 2) twins++;
    assert.ok(twins >= 20, `twins ${twins}`);
    assert.ok(cut >= 20, `cut ${cut}`);
    assert.ok(swapped >= 10, `swapped ${swapped}`);
  });
});
