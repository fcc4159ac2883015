import { judgeFamily, JudgeStreets } from './judge-population.ts';
import { JudgeRandom } from './judge-random.ts';
import { judgeRecordsOf, type JudgeRecord } from './judge-records.ts';

/**
 * The judge set of issue 15: a population made independently of the generator the linkage
 * engine is tuned on (generator/), with its own UK-style names and short forms, a steeper name
 * popularity (more namesakes), more twins, double-barrelled surnames, first and middle names
 * swapped, day and month swapped together with a move, and its own error and blank rates. The
 * engine's thresholds are fixed before it is scored on these (see bench/linkage/families.ts).
 * `person_id` is the truth. Deterministic for a seed.
 */
export function* generateJudgePopulation(options: {
  children: number;
  seed?: number;
}): Generator<JudgeRecord> {
  const r = new JudgeRandom(options.seed ?? 7);
  const streets = new JudgeStreets(r);
  let made = 0;
  let family = 0;
  let record = 0;
  const nextId = () => `J${String(++record).padStart(8, '0')}`;
  while (made < options.children) {
    const size = Math.min(options.children - made, r.one([1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 5, 6]));
    const f = judgeFamily(r, `H${String(++family).padStart(7, '0')}`, streets, size);
    made += f.people.filter((p) => p.child).length;
    yield* judgeRecordsOf(r, f, nextId);
  }
}
