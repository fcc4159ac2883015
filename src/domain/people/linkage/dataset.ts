import type { CanonicalField, PersonFields } from './fields.ts';
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

  set(row: number, value: string | undefined): void {
    this.setId(row, value === undefined ? -1 : this.idOf(value));
  }

  setId(row: number, id: number): void {
    this.ids[row] = id;
    if (id < 0) return;
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
  // Derived for term frequencies by birth year (name-cohorts.ts): the year, and formal given
  // name with year.
  'birthYear',
  'firstYear',
] as const;
type StringColumn = (typeof stringFields)[number];

/** Fields whose raw values rarely repeat, so remembering them would cost more than it saves. */
const unrepeated = new Set<CanonicalField>(['nhs_number', 'identifier', 'email', 'phone']);

export interface DatasetSnapshot {
  size: number;
  dob: Int32Array;
  present: string[];
  columns: Record<StringColumn, { values: string[]; counts: number[]; nonMissing: number; ids: Int32Array }>;
}

/** Records read elsewhere (a worker thread reading part of a file), to be appended in order. */
export interface DatasetPart {
  snapshot: DatasetSnapshot;
  sources: number[];
  recordIds: string[];
}

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
  /** Normalised value per raw string and field: agency files repeat the same names and towns. */
  private readonly memo = new Map<CanonicalField, Map<string, number>>();

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
    const first = this.put(row, 'first_name', fields.first_name, c.first, normaliseName);
    c.firstFormal.set(row, first < 0 ? undefined : formalName(c.first.values[first]!));
    this.put(row, 'middle_names', fields.middle_names, c.middle, normaliseName);
    this.put(row, 'last_name', fields.last_name, c.last, normaliseName);
    this.put(row, 'sex', fields.sex, c.sex, normaliseSex);
    this.put(row, 'nhs_number', fields.nhs_number, c.nhs, normaliseNhsNumber);
    this.put(row, 'identifier', fields.identifier, c.identifier, normaliseIdentifier);
    const postcode = this.put(row, 'postcode', fields.postcode, c.postcode, normalisePostcode);
    const parts = postcode < 0 ? undefined : postcodeParts(c.postcode.values[postcode]!);
    c.sector.set(row, parts?.sector);
    c.district.set(row, parts?.district);
    this.put(row, 'address', fields.address, c.address, normaliseAddress);
    this.put(row, 'city', fields.city, c.city, normaliseCity);
    this.put(row, 'email', fields.email, c.email, normaliseEmail);
    this.put(row, 'phone', fields.phone, c.phone, normalisePhone);
    const dob = this.put(row, 'dob', fields.dob, c.dobText, this.normaliseDob);
    const packed = dob < 0 ? 0 : Number(c.dobText.values[dob]);
    this.dob[row] = packed;
    // Keyed by value, not id, so a part read on another thread appends with the same keys.
    const year = packed === 0 ? undefined : String(Math.floor(packed / 10000));
    c.birthYear.set(row, year);
    const formal = c.firstFormal.ids[row]!;
    c.firstYear.set(
      row,
      year === undefined || formal < 0 ? undefined : `${c.firstFormal.values[formal]}:${year}`,
    );
    return row;
  }

  private readonly normaliseDob = (raw: string) => {
    const packed = this.parseDob(raw);
    return packed === 0 ? undefined : String(packed);
  };

  /**
   * Normalises and interns one field of a row, remembering the raw string's id: agency files
   * repeat the same names, towns and dates, so most values skip normalising and a second lookup.
   */
  private put(
    row: number,
    field: CanonicalField,
    raw: string | undefined,
    column: InternedColumn,
    normalise: (raw: string) => string | undefined,
  ): number {
    if (raw === undefined || raw === '') {
      column.set(row, undefined);
      return -1;
    }
    let id: number | undefined;
    if (unrepeated.has(field)) {
      const value = normalise(raw);
      id = value === undefined ? -1 : column.idOf(value);
    } else {
      let memo = this.memo.get(field);
      if (!memo || memo.size > 500_000) this.memo.set(field, (memo = new Map()));
      id = memo.get(raw);
      if (id === undefined) {
        const value = normalise(raw);
        id = value === undefined ? -1 : column.idOf(value);
        memo.set(raw, id);
      }
    }
    column.setId(row, id);
    if (id >= 0 && !this.present.has(field)) this.present.add(field);
    return id;
  }

  /** The columns as plain data, to rebuild the data set in a worker thread (see fromSnapshot). */
  snapshot(): DatasetSnapshot {
    const columns = {} as DatasetSnapshot['columns'];
    for (const f of stringFields) {
      const c = this.columns[f];
      columns[f] = {
        values: c.values,
        counts: c.counts,
        nonMissing: c.nonMissing,
        ids: c.ids.subarray(0, this.size),
      };
    }
    return { size: this.size, dob: this.dob.subarray(0, this.size), present: [...this.present], columns };
  }

  /** This data set's records as a part for another data set's appendPart. */
  part(): DatasetPart {
    return { snapshot: this.snapshot(), sources: this.sources, recordIds: this.recordIds };
  }

  /**
   * Appends records read into another data set, as if they had been added here one by one after
   * the records already held: the part's values are interned in the order it first met them, so
   * the ids, term frequencies and rows come out exactly as one reader adding every row would make
   * them (dataset.test.ts checks this).
   */
  appendPart(part: DatasetPart): void {
    const { snapshot } = part;
    const base = this.size;
    const n = snapshot.size;
    if (base + n > this.dob.length) this.grow(Math.max(base + n, this.dob.length * 2));
    for (const f of stringFields) {
      const from = snapshot.columns[f];
      const to = this.columns[f];
      const idHere = new Int32Array(from.values.length);
      for (let id = 0; id < from.values.length; id++) {
        const here = to.idOf(from.values[id]!);
        idHere[id] = here;
        to.counts[here]! += from.counts[id]!;
      }
      to.nonMissing += from.nonMissing;
      for (let row = 0; row < n; row++) {
        const id = from.ids[row]!;
        to.ids[base + row] = id < 0 ? -1 : idHere[id]!;
      }
    }
    this.dob.set(snapshot.dob.subarray(0, n), base);
    for (const f of snapshot.present) this.present.add(f);
    for (let row = 0; row < n; row++) {
      this.sources.push(part.sources[row]!);
      this.recordIds.push(part.recordIds[row]!);
    }
    this.size += n;
  }

  /** A read-only copy for comparing pairs elsewhere; it has no record ids and cannot grow. */
  static fromSnapshot(snapshot: DatasetSnapshot): Dataset {
    const ds = new Dataset({ capacity: 16 });
    ds.size = snapshot.size;
    ds.dob = snapshot.dob;
    for (const f of snapshot.present) ds.present.add(f);
    for (const f of stringFields) {
      const from = snapshot.columns[f];
      const c = ds.columns[f];
      for (const v of from.values) c.idOf(v);
      from.counts.forEach((n, id) => (c.counts[id] = n));
      c.nonMissing = from.nonMissing;
      c.ids = from.ids;
    }
    return ds;
  }

  private grow(capacity: number): void {
    for (const f of stringFields) this.columns[f].grow(capacity);
    const dob = new Int32Array(capacity);
    dob.set(this.dob);
    this.dob = dob;
  }
}
