import type { Comparison } from './comparisons.ts';
import type { Dataset, InternedColumn } from './dataset.ts';
import { jaroWinklerSimilarity } from './jaro-winkler.ts';
import { withinOneEdit } from './string-distance.ts';

const MISSING = 255;

/** House number of each interned address (its leading digits), -1 when it has none. */
function houseNumbers(address: InternedColumn): () => Int32Array {
  let numbers = new Int32Array(0);
  return () => {
    if (numbers.length < address.values.length) {
      const next = new Int32Array(Math.max(address.values.length, numbers.length * 2));
      next.set(numbers);
      for (let id = numbers.length; id < address.values.length; id++) {
        const m = /^(\d+)/.exec(address.values[id]!);
        next[id] = m ? Number(m[1]) : -1;
      }
      for (let id = address.values.length; id < next.length; id++) next[id] = -2;
      numbers = next;
    }
    return numbers;
  };
}

/**
 * Address, postcode and town as ONE comparison. They are not independent votes: a shared
 * address implies a shared postcode and town, and everyone in a household shares all three.
 * Scored separately (as Splink's defaults do) one household agreement counts three times, which
 * is how siblings clear a match threshold. Here the pair takes the single best level it reaches.
 * Two addresses with different house numbers are never the same address, however alike the
 * strings (12 and 14 Oak Road are neighbours).
 */
export function locationComparison(ds: Dataset): Comparison {
  const { postcode, sector, district, address, city } = ds.columns;
  const numbers = houseNumbers(address);
  /** Similarity of two addresses, 0 when their house numbers differ. */
  function addressSimilarity(i: number, j: number): number {
    const a = address.ids[i]!;
    const b = address.ids[j]!;
    if (a === b) return 1;
    const n = numbers();
    if (n[a]! >= 0 && n[b]! >= 0 && n[a] !== n[b]) return 0;
    return jaroWinklerSimilarity(address.values[a]!, address.values[b]!);
  }
  function postcodeSlip(i: number, j: number): boolean {
    const a = postcode.values[postcode.ids[i]!]!;
    const b = postcode.values[postcode.ids[j]!]!;
    return a.charCodeAt(0) === b.charCodeAt(0) && withinOneEdit(a, b);
  }
  return {
    name: 'location',
    role: 'household',
    levels: [
      'same address and postcode',
      'same postcode',
      'same address',
      'same postcode sector, or address or postcode one slip apart',
      'same district or town',
      'else',
    ],
    level(i, j) {
      const pc = postcode.ids[i]! >= 0 && postcode.ids[j]! >= 0;
      const ad = address.ids[i]! >= 0 && address.ids[j]! >= 0;
      const ct = city.ids[i]! >= 0 && city.ids[j]! >= 0;
      if (!pc && !ad && !ct) return MISSING;
      const pcSame = pc && postcode.ids[i] === postcode.ids[j];
      const adSim = ad ? addressSimilarity(i, j) : 0;
      if (pcSame) return adSim >= 0.92 ? 0 : 1;
      if (adSim >= 0.92) return 2;
      if (
        (sector.ids[i]! >= 0 && sector.ids[i] === sector.ids[j]) ||
        adSim >= 0.8 ||
        (pc && postcodeSlip(i, j))
      )
        return 3;
      if (
        (district.ids[i]! >= 0 && district.ids[i] === district.ids[j]) ||
        (ct && city.ids[i] === city.ids[j])
      )
        return 4;
      return 5;
    },
  };
}
