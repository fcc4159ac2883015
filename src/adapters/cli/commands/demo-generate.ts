import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify';
import {
  agencies,
  type Agency,
  type GeneratedRecord,
} from '../../../domain/people/generator/agency-records.ts';
import { generatePopulation } from '../../../domain/people/generator/generate-population.ts';

export const generatedColumns: readonly (keyof GeneratedRecord)[] = [
  'record_id',
  'agency',
  'person_id',
  'first_name',
  'middle_names',
  'last_name',
  'dob',
  'sex',
  'nhs_number',
  'identifier',
  'postcode',
  'address',
  'city',
  'email',
  'phone',
];

export interface DemoGenerateOptions {
  children: number;
  out: string;
  seed: number;
  perAgency: boolean;
}

/**
 * `tessera demo generate`: writes the synthetic population as CSV (records.csv, or one file per
 * agency with --per-agency). The person_id column is the truth, for benchmarks; a real feed has
 * no such column.
 */
export async function demoGenerateCommand(options: DemoGenerateOptions): Promise<number> {
  await mkdir(options.out, { recursive: true });
  const files = new Map<string, { csv: ReturnType<typeof stringify>; file: WriteStream }>();
  const writerFor = (agency: Agency) => {
    const name = options.perAgency ? `${agency}.csv` : 'records.csv';
    let w = files.get(name);
    if (!w) {
      const file = createWriteStream(join(options.out, name));
      const csv = stringify({ header: true, columns: [...generatedColumns] });
      csv.pipe(file);
      w = { csv, file };
      files.set(name, w);
    }
    return w.csv;
  };
  if (options.perAgency) for (const a of agencies) writerFor(a);
  let records = 0;
  for (const record of generatePopulation({ children: options.children, seed: options.seed })) {
    const csv = writerFor(record.agency);
    if (!csv.write(record)) await once(csv, 'drain');
    records++;
  }
  if (records === 0) writerFor('council');
  await Promise.all(
    [...files.values()].map(async ({ csv, file }) => {
      csv.end();
      await once(file, 'finish');
    }),
  );
  console.log(`wrote ${records} records about ${options.children} children to ${options.out}`);
  return 0;
}
