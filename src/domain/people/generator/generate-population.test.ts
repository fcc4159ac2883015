import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { isValidNhsNumber } from '../linkage/nhs-number.ts';
import { parseAnyDate } from '../linkage/dates.ts';
import { areNameForms } from '../linkage/nicknames.ts';
import type { GeneratedRecord } from './agency-records.ts';
import { generatePopulation } from './generate-population.ts';

describe('the synthetic multi-agency population', () => {
  let records: GeneratedRecord[];
  const byPerson = new Map<string, GeneratedRecord[]>();
  before(() => {
    records = [...generatePopulation({ children: 3000, seed: 11 })];
    for (const r of records) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r]);
  });

  test('is the same for the same seed and different for another', () => {
    const again = [...generatePopulation({ children: 200, seed: 11 })];
    assert.deepEqual(again, [...generatePopulation({ children: 200, seed: 11 })]);
    assert.notDeepEqual(again, [...generatePopulation({ children: 200, seed: 12 })]);
  });

  test('holds records from council, police, NHS and school, each with its true person', () => {
    assert.deepEqual(new Set(records.map((r) => r.agency)), new Set(['council', 'police', 'nhs', 'school']));
    assert.ok(records.every((r) => r.person_id !== ''));
    const children = new Set(records.filter((r) => /-c\d+$/.test(r.person_id)).map((r) => r.person_id));
    assert.ok(children.size >= 2900 && children.size <= 3000, String(children.size));
  });

  test('has nicknames, day-month swaps, typing slips and mistyped NHS numbers', () => {
    let nicknames = 0;
    let swaps = 0;
    let badNhs = 0;
    for (const list of byPerson.values()) {
      const names = list.map((r) => r.first_name.toLowerCase());
      if (names.some((a) => names.some((b) => a !== b && areNameForms(a, b)))) nicknames++;
      const dates = new Set(list.map((r) => parseAnyDate(r.dob)).filter(Boolean));
      const ds = [...dates];
      if (
        ds.some((a) =>
          ds.some(
            (b) =>
              a !== b && Math.floor(a / 1e4) === Math.floor(b / 1e4) && a % 100 === Math.floor(b / 100) % 100,
          ),
        )
      )
        swaps++;
      if (list.some((r) => r.nhs_number !== '' && !isValidNhsNumber(r.nhs_number))) badNhs++;
    }
    assert.ok(nicknames > 50, `nicknames ${nicknames}`);
    assert.ok(swaps > 20, `swaps ${swaps}`);
    assert.ok(badNhs > 20, `bad NHS numbers ${badNhs}`);
  });

  test('has twins, and siblings who share everything but a given name and birth date', () => {
    const families = new Map<string, Map<string, GeneratedRecord>>();
    for (const r of records) {
      if (!/-c\d+$/.test(r.person_id) || r.agency !== 'nhs') continue;
      const family = r.person_id.split('-')[0]!;
      const kids = families.get(family) ?? new Map<string, GeneratedRecord>();
      kids.set(r.person_id, r);
      families.set(family, kids);
    }
    let twins = 0;
    let siblings = 0;
    for (const kids of families.values()) {
      const list = [...kids.values()];
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const [a, b] = [list[x]!, list[y]!];
          if (a.first_name === b.first_name) assert.fail('siblings never share a given name');
          siblings++;
          if (parseAnyDate(a.dob) !== 0 && parseAnyDate(a.dob) === parseAnyDate(b.dob)) twins++;
        }
      }
    }
    assert.ok(twins >= 10, `twins ${twins}`);
    assert.ok(siblings >= 1000, `siblings ${siblings}`);
  });

  test('has surnames changed by a parent’s marriage and families that moved house', () => {
    let renamed = 0;
    let moved = 0;
    for (const list of byPerson.values()) {
      const surnames = new Set(list.map((r) => r.last_name.toLowerCase()));
      const postcodes = new Set(list.map((r) => r.postcode).filter(Boolean));
      if (surnames.size > 1 && list.length > 1) renamed++;
      if (postcodes.size > 1) moved++;
    }
    assert.ok(renamed > 100, `renamed ${renamed}`);
    assert.ok(moved > 100, `moved ${moved}`);
  });
});
