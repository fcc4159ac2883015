import { seededRandom } from '../random.ts';
import { recordsOfFamily, type GeneratedRecord } from './agency-records.ts';
import { Picker } from './pick.ts';
import { newFamily, Streets } from './population.ts';

export interface GenerateOptions {
  children: number;
  seed?: number;
}

/**
 * A synthetic multi-agency population of English families, record by record, with the true
 * person behind each record. Deterministic for a seed. It carries the errors agency records
 * really have: nicknames (Bill for William), typing slips, day and month swapped, a surname
 * changed after a parent's marriage, NHS numbers missing or mistyped, families who moved house
 * (some agencies still hold the old address), twins, and siblings who share everything but a
 * given name and a birth date.
 */
export function* generatePopulation(options: GenerateOptions): Generator<GeneratedRecord> {
  const pick = new Picker(seededRandom(options.seed ?? 1));
  const streets = new Streets(pick);
  let made = 0;
  let family = 0;
  let record = 0;
  const nextId = () => `R${String(++record).padStart(8, '0')}`;
  while (made < options.children) {
    const wanted = Math.min(
      options.children - made,
      pick.weighted([
        [1, 35],
        [2, 38],
        [3, 18],
        [4, 7],
        [5, 2],
      ]),
    );
    const f = newFamily(pick, `F${String(++family).padStart(7, '0')}`, streets, wanted);
    made += f.people.filter((x) => x.role === 'child').length;
    yield* recordsOfFamily(pick, f, nextId);
  }
}
