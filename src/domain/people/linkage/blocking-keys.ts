import type { Dataset } from './dataset.ts';

/**
 * The parts a blocking rule is made of. Each gives a record an integer key (-1 when the record
 * lacks it) and names the comparison it constrains, so EM knows which comparison a training
 * block cannot estimate.
 */
export const keyParts = {
  first_formal: 'first_name',
  first_initial: 'first_name',
  last: 'last_name',
  last_initial: 'last_name',
  dob: 'dob',
  dob_any_order: 'dob',
  birth_year: 'dob',
  nhs: 'nhs_number',
  identifier: 'identifier',
  postcode: 'location',
  sector: 'location',
  address: 'location',
  city: 'location',
  email: 'email',
  phone: 'phone',
} as const;

export type KeyPart = keyof typeof keyParts;

/** The key of every record for one part, as an array aligned with the rows (-1 = missing). */
export function keyColumn(ds: Dataset, part: KeyPart, from = 0, to = ds.size): Int32Array {
  const n = to;
  const out = new Int32Array(n - from);
  const c = ds.columns;
  const copy = (ids: Int32Array) => out.set(ids.subarray(from, n));
  switch (part) {
    case 'first_formal':
      copy(c.firstFormal.ids);
      break;
    case 'last':
      copy(c.last.ids);
      break;
    case 'nhs':
      copy(c.nhs.ids);
      break;
    case 'identifier':
      copy(c.identifier.ids);
      break;
    case 'postcode':
      copy(c.postcode.ids);
      break;
    case 'sector':
      copy(c.sector.ids);
      break;
    case 'address':
      copy(c.address.ids);
      break;
    case 'city':
      copy(c.city.ids);
      break;
    case 'email':
      copy(c.email.ids);
      break;
    case 'phone':
      copy(c.phone.ids);
      break;
    case 'first_initial':
    case 'last_initial': {
      const col = part === 'first_initial' ? c.first : c.last;
      for (let r = from; r < n; r++) {
        const id = col.ids[r]!;
        out[r - from] = id < 0 ? -1 : col.values[id]!.charCodeAt(0);
      }
      break;
    }
    case 'dob':
    case 'dob_any_order':
    case 'birth_year':
      for (let r = from; r < n; r++) {
        const d = ds.dob[r]!;
        if (d === 0) out[r - from] = -1;
        else if (part === 'dob') out[r - from] = d;
        else if (part === 'birth_year') out[r - from] = Math.floor(d / 10000);
        else {
          // Day and month in ascending order, so 12/03 and 03/12 of a year share a block.
          const md = d % 10000;
          const a = Math.floor(md / 100);
          const b = md % 100;
          out[r - from] = Math.floor(d / 10000) * 10000 + Math.min(a, b) * 100 + Math.max(a, b);
        }
      }
      break;
  }
  return out;
}
