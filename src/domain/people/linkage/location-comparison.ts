import type { Comparison } from './comparisons.ts';
import type { Dataset } from './dataset.ts';
import { jaroWinklerSimilarity } from './jaro-winkler.ts';
import { levenshtein } from './string-distance.ts';

const MISSING = 255;

/**
 * Address, postcode and town as ONE comparison. They are not independent votes: a shared
 * address implies a shared postcode and town, and everyone in a household shares all three.
 * Scored separately (as Splink's defaults do) one household agreement counts three times, which
 * is how siblings clear a match threshold. Here the pair takes the single best level it reaches.
 */
export function locationComparison(ds: Dataset): Comparison {
  const { postcode, sector, district, address, city } = ds.columns;
  const same = (ids: Int32Array, i: number, j: number) => ids[i]! >= 0 && ids[i] === ids[j];
  const both = (ids: Int32Array, i: number, j: number) => ids[i]! >= 0 && ids[j]! >= 0;
  const addressSimilarity = (i: number, j: number) =>
    jaroWinklerSimilarity(address.values[address.ids[i]!]!, address.values[address.ids[j]!]!);
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
      const pc = both(postcode.ids, i, j);
      const ad = both(address.ids, i, j);
      const ct = both(city.ids, i, j);
      if (!pc && !ad && !ct) return MISSING;
      const pcSame = pc && postcode.ids[i] === postcode.ids[j];
      const adSim = ad ? (address.ids[i] === address.ids[j] ? 1 : addressSimilarity(i, j)) : 0;
      if (pcSame && adSim >= 0.92) return 0;
      if (pcSame) return 1;
      if (adSim >= 0.92) return 2;
      if (
        same(sector.ids, i, j) ||
        adSim >= 0.8 ||
        (pc && levenshtein(postcode.values[postcode.ids[i]!]!, postcode.values[postcode.ids[j]!]!) <= 1)
      ) {
        return 3;
      }
      if (same(district.ids, i, j) || same(city.ids, i, j)) return 4;
      return 5;
    },
  };
}
