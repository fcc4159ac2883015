import type { PersonFields } from './fields.ts';
import { dateParser } from './dates.ts';
import { formalName } from './nicknames.ts';
import {
  normaliseAddress,
  normaliseCity,
  normaliseEmail,
  normaliseIdentifier,
  normaliseName,
  normaliseNhsNumber,
  normalisePhone,
  normalisePostcode,
  normaliseSex,
  postcodeParts,
} from './normalise.ts';

/**
 * Records held column by column, each string value interned once, so that comparisons and
 * blocking work on small integers and a million records fit in a few hundred megabytes. The
 * store only grows: incremental linking appends to the same columns that batch linking built.
 */
export class InternedColumn {
  readonly values: string[] = [];
  /** How many held records carry each value: the term frequencies. */
  readonly counts: number[] = [];
  nonMissing = 0;
  private readonly index = new Map<string, number>();
  ids: Int32Array;

  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
  }

  /** Interns without counting: for derived keys that are not term frequencies. */
  idOf(value: string): number {
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.index.set(value, id);
      this.values.push(value);
      this.counts.push(0);
    }
    return id;
  }

  lookup(value: string): number {
    return this.index.get(value) ?? -1;
  }

  set(row: number, value: string | undefined): void {
    if (value === undefined) {
      this.ids[row] = -1;
      return;
    }
    const id = this.idOf(value);
    this.ids[row] = id;
    this.counts[id]!++;
    this.nonMissing++;
  }

  /** Relative frequency of a value among the records that have this field. */
  tf(id: number): number {
    return this.nonMissing === 0 ? 0 : this.counts[id]! / this.nonMissing;
  }

  grow(capacity: number): void {
    const next = new Int32Array(capacity);
    next.set(this.ids);
    this.ids = next;
  }
}

const stringFields = [
  'first',
  'firstFormal',
  'middle',
  'last',
  'sex',
  'nhs',
  'identifier',
  'postcode',
  'sector',
  'district',
  'address',
  'city',
  'email',
  'phone',
  'dobText',
] as const;
type StringColumn = (typeof stringFields)[number];

export interface DatasetOptions {
  dobFormat?: string;
  capacity?: number;
}

export class Dataset {
  size = 0;
  readonly sources: number[] = [];
  readonly recordIds: string[] = [];
  readonly columns: Record<StringColumn, InternedColumn>;
  /** Date of birth packed as yyyymmdd, 0 when missing or impossible. */
  dob: Int32Array;
  /** Which canonical fields any record has carried, so absent comparisons are left out. */
  readonly present = new Set<string>();
  private readonly parseDob: (raw: string) => number;

  constructor(options: DatasetOptions = {}) {
    const capacity = Math.max(16, options.capacity ?? 1024);
    this.columns = Object.fromEntries(stringFields.map((f) => [f, new InternedColumn(capacity)])) as Record<
      StringColumn,
      InternedColumn
    >;
    this.dob = new Int32Array(capacity);
    this.parseDob = dateParser(options.dobFormat);
  }

  /** Appends one record and returns its row number. */
  add(source: number, recordId: string, fields: PersonFields): number {
    const row = this.size;
    if (row === this.dob.length) this.grow(row * 2);
    this.size++;
    this.sources.push(source);
    this.recordIds.push(recordId);
    const c = this.columns;
    const take = <T>(key: keyof PersonFields, normalise: (raw: string) => T | undefined): T | undefined => {
      const raw = fields[key];
      if (raw === undefined || raw === '') return undefined;
      const value = normalise(raw);
      if (value !== undefined) this.present.add(key);
      return value;
    };
    const first = take('first_name', normaliseName);
    c.first.set(row, first);
    c.firstFormal.set(row, first === undefined ? undefined : formalName(first));
    c.middle.set(row, take('middle_names', normaliseName));
    c.last.set(row, take('last_name', normaliseName));
    c.sex.set(row, take('sex', normaliseSex));
    c.nhs.set(row, take('nhs_number', normaliseNhsNumber));
    c.identifier.set(row, take('identifier', normaliseIdentifier));
    const postcode = take('postcode', normalisePostcode);
    c.postcode.set(row, postcode);
    const parts = postcode === undefined ? undefined : postcodeParts(postcode);
    c.sector.set(row, parts?.sector);
    c.district.set(row, parts?.district);
    c.address.set(row, take('address', normaliseAddress));
    c.city.set(row, take('city', normaliseCity));
    c.email.set(row, take('email', normaliseEmail));
    c.phone.set(row, take('phone', normalisePhone));
    const dob = take('dob', (raw) => this.parseDob(raw) || undefined) ?? 0;
    this.dob[row] = dob;
    c.dobText.set(row, dob === 0 ? undefined : String(dob));
    return row;
  }

  private grow(capacity: number): void {
    for (const f of stringFields) this.columns[f].grow(capacity);
    const dob = new Int32Array(capacity);
    dob.set(this.dob);
    this.dob = dob;
  }
}
