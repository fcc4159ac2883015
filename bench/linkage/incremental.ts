import { parseFieldMapping } from '../../src/adapters/cli/link/field-mapping.ts';
import { readRecords } from '../../src/adapters/cli/link/read-records.ts';
import { generatePopulation } from '../../src/domain/people/generator/generate-population.ts';
import { Dataset } from '../../src/domain/people/linkage/dataset.ts';
import type { PersonFields } from '../../src/domain/people/linkage/fields.ts';
import { linkDataset } from '../../src/domain/people/linkage/link-records.ts';
import { LinkageIndex } from '../../src/domain/people/linkage/linkage-index.ts';
import { summariseLatencies, type LatencySummary } from '../support/stats.ts';

/** A held record's values written back as raw fields: another agency's copy of that person. */
function fieldsOf(ds: Dataset, row: number): PersonFields {
  const c = ds.columns;
  const v = (col: keyof typeof c) => {
    const id = c[col].ids[row]!;
    return id < 0 ? undefined : c[col].values[id];
  };
  const out: PersonFields = {};
  const put = (field: keyof PersonFields, value: string | undefined) => {
    if (value !== undefined) out[field] = value;
  };
  put('first_name', v('first'));
  put('middle_names', v('middle'));
  put('last_name', v('last'));
  put('dob', ds.dob[row] ? String(ds.dob[row]) : undefined);
  put('sex', v('sex'));
  put('nhs_number', v('nhs'));
  put('postcode', v('postcode'));
  put('address', v('address'));
  put('city', v('city'));
  put('phone', v('phone'));
  return out;
}

/**
 * Incremental linking latency: after the batch run over the file, each new record (half of
 * them copies of held people, half people never seen) is added and scored against everything
 * held, one at a time, as ingest will do.
 */
export async function measureIncremental(
  file: string,
  map: string,
  count = 2000,
): Promise<{ held: number; latency: LatencySummary }> {
  const ds = new Dataset();
  await readRecords(ds, file, 0, 'record_id', parseFieldMapping(map));
  const held = ds.size;
  const index = LinkageIndex.fromBatch(ds, linkDataset(ds));
  const fresh = generatePopulation({ children: count, seed: 99 });
  const samples: number[] = [];
  for (let k = 0; k < count; k++) {
    const fields =
      k % 2 === 0
        ? fieldsOf(ds, (k * 7919) % held)
        : ((fresh.next().value as PersonFields | undefined) ?? {});
    const started = performance.now();
    index.addRecord(1, `new-${k}`, fields);
    samples.push(performance.now() - started);
  }
  return { held, latency: summariseLatencies(samples) };
}
