import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { generatePopulation } from '../generator/generate-population.ts';
import { Dataset } from './dataset.ts';
import { explainPair } from './explain.ts';
import type { PersonFields } from './fields.ts';
import { linkDataset, type LinkResult } from './link-records.ts';
import { LinkageIndex } from './linkage-index.ts';
import { MISSING } from './comparisons.ts';
import { levelsOf } from './pair-levels.ts';

// The Taylor twins, Jack and Jake, share a surname, an address and a birthday; a police record
// has only "J Taylor" with that birthday and address, which fits either.
const household = {
  last_name: 'Taylor',
  dob: '2017-05-14',
  postcode: 'TA1 4QT',
  address: '7 Quantock Road',
  city: 'Taunton',
  phone: '07700900461',
};
const twins: [string, PersonFields][] = [
  ['jack-1', { ...household, first_name: 'Jack', sex: 'M', nhs_number: '9434765919' }],
  ['jack-2', { ...household, first_name: 'Jack', sex: 'M' }],
  ['jake-1', { ...household, first_name: 'Jake', sex: 'M', nhs_number: '4010232137' }],
  ['jake-2', { ...household, first_name: 'Jake', sex: 'M' }],
  ['j-police', { ...household, first_name: '', sex: 'M' }],
];

describe('linking a generated multi-agency population', () => {
  let ds: Dataset;
  let result: LinkResult;
  const truth: string[] = [];
  const row = new Map<string, number>();
  before(() => {
    ds = new Dataset();
    for (const r of generatePopulation({ children: 1500, seed: 3 })) {
      ds.add(0, r.record_id, r);
      truth.push(r.person_id);
    }
    for (const [id, fields] of twins) {
      row.set(id, ds.add(0, id, fields));
      truth.push(id.startsWith('jack') ? 'jack' : id.startsWith('jake') ? 'jake' : 'unknown');
    }
    result = linkDataset(ds);
  });

  test('puts nearly every pair of one person together and almost no pair of two people', () => {
    let predicted = 0;
    let correct = 0;
    let trueCount = 0;
    const clusters = new Map<number, number[]>();
    result.clusterOf.forEach((c, i) => clusters.set(c, [...(clusters.get(c) ?? []), i]));
    for (const members of clusters.values()) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          predicted++;
          if (truth[members[x]!] === truth[members[y]!]) correct++;
        }
      }
    }
    const people = new Map<string, number>();
    for (const t of truth) people.set(t, (people.get(t) ?? 0) + 1);
    for (const n of people.values()) trueCount += (n * (n - 1)) / 2;
    assert.ok(correct / predicted >= 0.995, `precision ${correct / predicted}`);
    assert.ok(correct / trueCount >= 0.95, `recall ${correct / trueCount}`);
  });

  test('refuses to chain the twins through the record that fits both', () => {
    const c = (id: string) => result.clusterOf[row.get(id)!];
    assert.equal(c('jack-1'), c('jack-2'));
    assert.equal(c('jake-1'), c('jake-2'));
    assert.notEqual(c('jack-1'), c('jake-1'));
  });

  test('EM without labels recovers how often one person’s two records agree on a birth date', () => {
    const dob = result.comparisons.findIndex((c) => c.name === 'dob');
    const levels = new Uint8Array(result.comparisons.length);
    let exact = 0;
    let seen = 0;
    const byPerson = new Map<string, number[]>();
    truth.forEach((t, i) => byPerson.set(t, [...(byPerson.get(t) ?? []), i]));
    for (const rows of byPerson.values()) {
      for (let x = 0; x < rows.length; x++) {
        for (let y = x + 1; y < rows.length; y++) {
          const l = levelsOf(result.comparisons, rows[x]!, rows[y]!, levels)[dob]!;
          if (l === MISSING) continue;
          seen++;
          if (l === 0) exact++;
        }
      }
    }
    const fitted = result.model.comparisons[dob]!.m[0]!;
    assert.ok(Math.abs(fitted - exact / seen) < 0.05, `fitted ${fitted}, true ${exact / seen}`);
  });

  test('a rare surname agreeing counts for more than a common one (term frequencies)', () => {
    const last = ds.columns.last;
    const byName = new Map<string, number[]>();
    for (let i = 0; i < ds.size; i++) {
      const id = last.ids[i]!;
      if (id >= 0) byName.set(last.values[id]!, [...(byName.get(last.values[id]!) ?? []), i]);
    }
    const sorted = [...byName.entries()]
      .filter(([, rows]) => rows.length >= 2)
      .sort((a, b) => b[1].length - a[1].length);
    const weightOf = ([, rows]: [string, number[]]) =>
      explainPair(result.model, result.comparisons, rows[0]!, rows[1]!).comparisons.find(
        (c) => c.comparison === 'last_name',
      )!;
    const common = weightOf(sorted[0]!);
    const rare = weightOf(sorted[sorted.length - 1]!);
    assert.equal(common.level, 'exact');
    assert.ok(
      rare.vsStrangers > common.vsStrangers + 3,
      `rare ${rare.vsStrangers}, common ${common.vsStrangers}`,
    );
    assert.ok(common.tfAdjustment < rare.tfAdjustment);
  });

  test('every explanation sums to the pair’s weight, comparison by comparison', () => {
    const index = LinkageIndex.fromBatch(ds, result);
    for (let i = 0; i < 200; i++) {
      const a = (i * 7919) % ds.size;
      const b = (i * 104729 + 13) % ds.size;
      if (a === b) continue;
      const e = explainPair(result.model, result.comparisons, a, b);
      const sum = (k: 'vsStrangers' | 'vsRelatives') => e.comparisons.reduce((s, c) => s + c[k], e.prior[k]);
      assert.ok(Math.abs(sum('vsStrangers') - e.vsStrangers) < 1e-9);
      assert.ok(Math.abs(sum('vsRelatives') - e.vsRelatives) < 1e-9);
      const combined = -Math.log2(2 ** -e.vsStrangers + 2 ** -e.vsRelatives);
      assert.ok(Math.abs(combined - e.matchWeight) < 1e-9);
      assert.ok(Math.abs(index.weight(a, b) - e.matchWeight) < 1e-9, 'the scorer and the explanation agree');
    }
  });

  test('a new record is scored against everything held, its own person first', () => {
    const index = LinkageIndex.fromBatch(ds, result);
    const { candidates } = index.addRecord(1, 'jake-school', { ...household, first_name: 'Jake', sex: 'M' });
    assert.ok(candidates.length > 0);
    assert.ok(truth[candidates[0]!.row] === 'jake', `best candidate is ${truth[candidates[0]!.row]}`);
    assert.ok(candidates[0]!.probability > 0.9);
  });

  test('an index built a slice at a time blocks exactly as one built at once', async () => {
    const rules = result.candidates.rules.map((r) => r.parts);
    const atOnce = new LinkageIndex(ds, result.model, rules);
    const sliced = await LinkageIndex.build(ds, result.model, rules, 7);
    for (let row = 0; row < ds.size; row += 13) assert.deepEqual(sliced.scoreRow(row), atOnce.scoreRow(row));
  });

  test('sends uncertain pairs to review rather than merging them', () => {
    assert.ok(result.review.length > 0);
    for (const pair of result.review) {
      assert.ok(pair.weight >= result.threshold.reviewWeight);
      if (pair.reason === 'uncertain') assert.ok(pair.weight < result.threshold.mergeWeight);
    }
  });
});
