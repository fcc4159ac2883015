/**
 * `node --import tsx bench/linkage/diagnose-misses.ts --children N [--seed S]`: links a population
 * of the TUNING generator in process and sorts its missed and false pairs by cause (not compared,
 * scored below the merge weight, merge refused by clustering), with the comparison levels of the
 * commonest patterns. Tuning only: the judge generator is never looked at this way (issue 15).
 */
import { parseArgs } from 'node:util';
import { generatePopulation } from '../../src/domain/people/generator/generate-population.ts';
import { generateCandidates } from '../../src/domain/people/linkage/blocking.ts';
import { Dataset } from '../../src/domain/people/linkage/dataset.ts';
import { linkDataset } from '../../src/domain/people/linkage/link-records.ts';
import { PatternCodec } from '../../src/domain/people/linkage/model.ts';
import { levelsOf } from '../../src/domain/people/linkage/pair-levels.ts';
import { PairScorer } from '../../src/domain/people/linkage/scorer.ts';

const { values } = parseArgs({
  options: { children: { type: 'string', default: '9300' }, seed: { type: 'string', default: '11' } },
});
const ds = new Dataset();
const person: string[] = [];
for (const row of generatePopulation({ children: Number(values.children), seed: Number(values.seed) })) {
  ds.add(0, row.record_id, row);
  person.push(row.person_id);
}
const result = linkDataset(ds, {});
const { comparisons, model } = result;
const codec = new PatternCodec(comparisons);
const scorer = new PairScorer(model, comparisons, codec);
const candidates = generateCandidates(ds, {});
const candidate = new Set<number>();
for (let k = 0; k < candidates.count; k++) {
  const a = Math.min(candidates.left[k]!, candidates.right[k]!);
  const b = Math.max(candidates.left[k]!, candidates.right[k]!);
  candidate.add(a * ds.size + b);
}
const reviewed = new Set(
  result.review.map((r) => Math.min(r.left, r.right) * ds.size + Math.max(r.left, r.right)),
);
const levels = new Uint8Array(comparisons.length);
const merge = result.threshold.mergeWeight;
console.log('records', ds.size, 'merge weight', merge, 'lambda', model.lambda, 'phi', model.phi);
for (const p of model.comparisons)
  console.log(
    p.name,
    'm',
    p.m.map((x) => x.toFixed(4)).join(' '),
    '| u',
    p.u.map((x) => x.toExponential(2)).join(' '),
  );
const describe = () =>
  comparisons.map((c, i) => `${c.name}=${levels[i] === 255 ? '-' : c.levels[levels[i]!]}`).join(', ');
const tally = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const byPerson = new Map<string, number[]>();
person.forEach((p, i) => {
  const list = byPerson.get(p);
  if (list) list.push(i);
  else byPerson.set(p, [i]);
});
const causes = new Map<string, number>();
const patterns = new Map<string, number>();
const examples = new Map<string, string>();
const fmt = (i: number) => {
  const c = ds.columns;
  const v = (col: (typeof c)['first'], r: number) => (col.ids[r]! < 0 ? '' : col.values[col.ids[r]!]);
  return `${v(c.first, i)}|${v(c.middle, i)}|${v(c.last, i)}|${ds.dob[i]}|${v(c.sex, i)}|${v(c.postcode, i)}|${v(c.address, i)}|${v(c.nhs, i)}|${v(c.identifier, i)}`;
};
for (const rows of byPerson.values()) {
  for (let x = 0; x < rows.length; x++) {
    for (let y = x + 1; y < rows.length; y++) {
      const a = rows[x]!;
      const b = rows[y]!;
      if (result.clusterOf[a] === result.clusterOf[b]) continue;
      levelsOf(comparisons, a, b, levels);
      const w = scorer.weight(codec.encode(levels), a);
      const key = a * ds.size + b;
      const cause = !candidate.has(key)
        ? 'not compared'
        : w < merge
          ? reviewed.has(key)
            ? 'below merge, in review'
            : 'below merge'
          : 'refused by clustering';
      tally(causes, cause);
      const pat = `${cause}: ${describe()}`;
      tally(patterns, pat);
      if (!examples.has(pat)) examples.set(pat, `w=${w.toFixed(1)} ${fmt(a)}  ~  ${fmt(b)}`);
    }
  }
}
console.log('missed pairs by cause', Object.fromEntries(causes));
for (const [p, n] of [...patterns].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(n, p, '\n    ', examples.get(p));
// False pairs: two people in one cluster.
const byCluster = new Map<number, number[]>();
result.clusterOf.forEach((c, i) => {
  const list = byCluster.get(c);
  if (list) list.push(i);
  else byCluster.set(c, [i]);
});
const falsePatterns = new Map<string, number>();
const falseExamples = new Map<string, string>();
let falsePairs = 0;
for (const rows of byCluster.values()) {
  for (let x = 0; x < rows.length; x++) {
    for (let y = x + 1; y < rows.length; y++) {
      const a = rows[x]!;
      const b = rows[y]!;
      if (person[a] === person[b]) continue;
      falsePairs++;
      levelsOf(comparisons, a, b, levels);
      const w = scorer.weight(codec.encode(levels), a);
      const pat = describe();
      tally(falsePatterns, pat);
      if (!falseExamples.has(pat)) falseExamples.set(pat, `w=${w.toFixed(1)} ${fmt(a)}  ~  ${fmt(b)}`);
    }
  }
}
console.log('false pairs', falsePairs);
for (const [p, n] of [...falsePatterns].sort((a, b) => b[1] - a[1]).slice(0, 12))
  console.log(n, p, '\n    ', falseExamples.get(p));
