import type { JudgeAddress, JudgeFamily, JudgePerson } from './judge-population.ts';
import { misspell, type JudgeRandom } from './judge-random.ts';

/** One row of an agency's file, in the columns `tessera demo generate` writes, with the truth. */
export interface JudgeRecord {
  record_id: string;
  agency: string;
  person_id: string;
  first_name: string;
  middle_names: string;
  last_name: string;
  dob: string;
  sex: string;
  nhs_number: string;
  identifier: string;
  postcode: string;
  address: string;
  city: string;
  email: string;
  phone: string;
}

interface Agency {
  name: string;
  /** Chance that a child (or an adult) has a record here. */
  holds: [number, number];
  nhs: number;
  /** Multiplies every error and blank rate. */
  care: number;
  shortForm: number;
  dateStyle: 'iso' | 'uk' | 'compact';
  capitals: boolean;
}

/** Agencies of the judge population (rates unlike the tuning generator's). */
const agencies: readonly Agency[] = [
  {
    name: 'gp',
    holds: [0.9, 0.85],
    nhs: 0.92,
    care: 0.8,
    shortForm: 0.04,
    dateStyle: 'compact',
    capitals: true,
  },
  {
    name: 'education',
    holds: [0.88, 0],
    nhs: 0.1,
    care: 1,
    shortForm: 0.12,
    dateStyle: 'uk',
    capitals: false,
  },
  {
    name: 'social_care',
    holds: [0.45, 0.35],
    nhs: 0.6,
    care: 1.3,
    shortForm: 0.1,
    dateStyle: 'uk',
    capitals: false,
  },
  {
    name: 'police',
    holds: [0.12, 0.2],
    nhs: 0.05,
    care: 2,
    shortForm: 0.25,
    dateStyle: 'uk',
    capitals: true,
  },
  { name: 'housing', holds: [0, 0.4], nhs: 0, care: 1.5, shortForm: 0.15, dateStyle: 'iso', capitals: false },
];

/** Error and blank rates per record, before an agency's `care` factor. */
export const judgeErrorRates = {
  blankDob: 0.02,
  blankSex: 0.04,
  blankPostcode: 0.04,
  blankAddress: 0.03,
  blankMiddle: 0.35,
  dayMonthSwap: 0.02,
  dateSlip: 0.012,
  nameSlip: 0.035,
  firstMiddleSwap: 0.02,
  firstLastSwap: 0.008,
  nhsSlip: 0.01,
  wrongSex: 0.003,
  postcodeSlip: 0.02,
};

const pad = (n: number) => String(n).padStart(2, '0');

function writeDate(r: JudgeRandom, person: JudgePerson, agency: Agency, swap: boolean): string {
  if (r.chance(judgeErrorRates.blankDob * agency.care)) return '';
  let [y, m, d] = person.dob;
  if (swap) [m, d] = [d, m];
  else if (r.chance(judgeErrorRates.dateSlip * agency.care)) {
    const which = r.int(0, 2);
    if (which === 0) d = Math.max(1, Math.min(28, d + r.one([-1, 1, 10, -10])));
    else if (which === 1) y += r.one([-1, 1]);
    else [m, d] = [Math.max(1, Math.min(12, m + r.one([-1, 1]))), Math.min(d, 28)];
  }
  if (agency.dateStyle === 'iso') return `${y}-${pad(m)}-${pad(d)}`;
  if (agency.dateStyle === 'compact') return `${y}${pad(m)}${pad(d)}`;
  return `${pad(d)}/${pad(m)}/${y}`;
}

/** The surname as written: a double-barrelled one is often cut to one part or unhyphenated. */
function writeSurname(r: JudgeRandom, person: JudgePerson): string {
  const name = person.earlier && r.chance(0.45) ? person.earlier : person.surname;
  if (!name.includes('-')) return name;
  const [a, b] = name.split('-') as [string, string];
  return r.one([name, name, name, a, a, b, `${a} ${b}`]);
}

function hold(r: JudgeRandom, person: JudgePerson): Agency[] {
  const age = 2026 - person.dob[0];
  const out: Agency[] = [];
  for (const a of agencies) {
    const p = person.child ? a.holds[0] : a.holds[1];
    if (a.name === 'education' && age < 4) continue;
    if (r.chance(p)) out.push(a);
    // Some agencies hold two records of one child (a re-registration, a second school).
    if (person.child && r.chance(0.1 * p)) out.push(a);
  }
  return out;
}

export function judgeRecordsOf(r: JudgeRandom, family: JudgeFamily, nextId: () => string): JudgeRecord[] {
  const rows: JudgeRecord[] = [];
  const rate = judgeErrorRates;
  for (const person of family.people) {
    for (const agency of hold(r, person)) {
      const c = agency.care;
      const canSwap = person.dob[2] <= 12 && person.dob[2] !== person.dob[1];
      const swap = canSwap && r.chance(rate.dayMonthSwap * c);
      // A day/month swap is often made when the family is registered at a new address: the
      // swapped record then carries the other address from the person's other records.
      const old = family.before !== undefined && (swap ? r.chance(0.7) : r.chance(0.35));
      const at: JudgeAddress = old ? family.before! : family.home;
      let first = person.given.name;
      let middle = person.middle && !r.chance(rate.blankMiddle * c) ? person.middle : '';
      if (person.given.short.length > 0 && r.chance(agency.shortForm)) first = r.one(person.given.short);
      else if (person.middle && r.chance(rate.firstMiddleSwap * c))
        [first, middle] = [person.middle, person.given.name];
      else if (r.chance(rate.nameSlip * c)) first = misspell(r, first);
      let last = writeSurname(r, person);
      if (r.chance(rate.nameSlip * c)) last = misspell(r, last);
      if (r.chance(rate.firstLastSwap * c)) [first, last] = [last, first];
      let nhs = r.chance(agency.nhs) ? person.nhs : '';
      if (nhs && r.chance(rate.nhsSlip * c)) nhs = nhs.slice(0, 9) + String((Number(nhs[9]) + 1) % 10);
      let postcode = r.chance(rate.blankPostcode * c) ? '' : at.postcode;
      if (postcode && r.chance(rate.postcodeSlip * c)) postcode = misspell(r, postcode);
      const text = (s: string) =>
        agency.capitals
          ? s.toUpperCase()
          : s.replace(/(^|[ -])([a-z])/g, (_, p: string, ch: string) => p + ch.toUpperCase());
      const sex = r.chance(rate.blankSex * c)
        ? ''
        : r.chance(rate.wrongSex)
          ? person.sex === 'M'
            ? 'F'
            : 'M'
          : person.sex;
      rows.push({
        record_id: nextId(),
        agency: agency.name,
        person_id: person.id,
        first_name: text(first),
        middle_names: text(middle),
        last_name: text(last),
        dob: writeDate(r, person, agency, swap),
        sex,
        nhs_number: nhs,
        identifier: person.pupil && agency.name === 'education' ? person.pupil : '',
        postcode,
        address: r.chance(rate.blankAddress * c) ? '' : text(at.line),
        city: text(at.town),
        email:
          agency.name === 'social_care' || agency.name === 'housing'
            ? r.chance(0.5)
              ? family.email
              : ''
            : '',
        phone: person.child && agency.name === 'police' ? '' : r.chance(0.55) ? family.phone : '',
      });
    }
  }
  return rows;
}
