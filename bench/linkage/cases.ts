import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parseAnyDate } from '../../src/domain/people/linkage/dates.ts';

/** One labelled data set, with the column mapping each linker is given. */
export interface AccuracyCase {
  name: string;
  file: string;
  id: string;
  /** --map for tessera link */
  map: string;
  /** --map for the comparator (it has no sex, middle names or phone, and one column per field) */
  comparatorMap: string;
  comparatorArgs: string[];
  /** The comparator's copy of the input, when it needs one (see isoDateCopy). */
  comparatorFile?: string;
  /** Exact-match baseline key columns: given name, surname, date of birth. */
  baseline: [string, string, string];
  truthOf: (row: Record<string, string>) => string;
  dobFormat?: string;
}

const trimmed = (row: Record<string, string>, col: string) => (row[col] ?? row[` ${col}`] ?? '').trim();

export function publicCases(folder: string): AccuracyCase[] {
  return [
    {
      name: 'febrl3',
      file: join(folder, 'febrl3.csv'),
      id: 'rec_id',
      map: 'first_name=given_name,last_name=surname,dob=date_of_birth,identifier=soc_sec_id,postcode=postcode,address=street_number+address_1+address_2,city=suburb',
      comparatorMap:
        'first_name=given_name,last_name=surname,dob=date_of_birth,identifier=soc_sec_id,postcode=postcode,address=address_1,city=suburb',
      comparatorArgs: ['--dob-format', 'YYYYMMDD'],
      baseline: ['given_name', 'surname', 'date_of_birth'],
      truthOf: (row) => trimmed(row, 'rec_id').split('-')[1]!,
    },
    {
      name: 'fake_1000',
      file: join(folder, 'fake_1000.csv'),
      id: 'unique_id',
      map: 'first_name=first_name,last_name=surname,dob=dob,city=city,email=email',
      comparatorMap: 'first_name=first_name,last_name=surname,dob=dob,city=city,email=email',
      comparatorArgs: [],
      baseline: ['first_name', 'surname', 'dob'],
      truthOf: (row) => row.cluster!,
    },
    {
      name: 'historical_figures_with_errors_50k',
      file: join(folder, 'historical_figures_with_errors_50k.csv'),
      id: 'unique_id',
      map: 'first_name=first_name,last_name=surname,dob=dob,city=birth_place,postcode=postcode_fake,sex=gender',
      comparatorMap:
        'first_name=first_name,last_name=surname,dob=dob,city=birth_place,postcode=postcode_fake',
      comparatorArgs: [],
      baseline: ['first_name', 'surname', 'dob'],
      truthOf: (row) => row.cluster!,
    },
  ];
}

/** The comparator's rules for large inputs, from its README (tighter blocking, prior from rules). */
export const comparatorLargeInputArgs = [
  '--rules',
  'l.first_name = r.first_name AND l.dob = r.dob;l.last_name = r.last_name AND l.dob = r.dob;' +
    'l.first_name = r.first_name AND l.last_name = r.last_name AND substr(l.dob,1,4) = substr(r.dob,1,4);' +
    'l.postcode = r.postcode;l.nhs_number = r.nhs_number',
  '--train-rules',
  'l.first_name = r.first_name AND l.last_name = r.last_name AND l.dob = r.dob;l.nhs_number = r.nhs_number',
  '--lambda-rules',
  'l.first_name = r.first_name AND l.last_name = r.last_name AND l.dob = r.dob;l.nhs_number = r.nhs_number',
  '--lambda-recall',
  '0.7',
];

const generatedMap =
  'first_name=first_name,middle_names=middle_names,last_name=last_name,dob=dob,sex=sex,nhs_number=nhs_number,' +
  'identifier=identifier,postcode=postcode,address=address,city=city,email=email,phone=phone';

export function generatedCase(file: string, comparatorFile: string, name: string): AccuracyCase {
  return {
    name,
    file,
    id: 'record_id',
    map: generatedMap,
    comparatorMap:
      'first_name=first_name,last_name=last_name,dob=dob,nhs_number=nhs_number,identifier=identifier,' +
      'postcode=postcode,address=address,city=city,email=email',
    comparatorArgs: comparatorLargeInputArgs,
    comparatorFile,
    baseline: ['first_name', 'last_name', 'dob'],
    truthOf: (row) => row.person_id!,
  };
}

/**
 * The generated files mix ISO and day-first dates, as agencies do. The comparator reads one
 * date format only, so it is given a copy with every date in ISO form: the same information,
 * so that its score measures its model and not its date parser.
 */
export async function isoDateCopy(file: string, out: string): Promise<void> {
  const rows = parse(await readFile(file), { columns: true }) as Record<string, string>[];
  for (const row of rows) {
    const packed = parseAnyDate(row.dob ?? '');
    row.dob =
      packed === 0
        ? ''
        : `${String(packed).slice(0, 4)}-${String(packed).slice(4, 6)}-${String(packed).slice(6)}`;
  }
  await writeFile(out, stringify(rows, { header: true }));
}
