import {
  boysNames,
  familyNames,
  girlsNames,
  parentGivenNames,
  streetTypes,
  streetWords,
  ukTowns,
  type GivenName,
} from './uk-names.ts';
import { judgeNhsNumber, type JudgeRandom } from './judge-random.ts';

export interface JudgeAddress {
  line: string;
  town: string;
  postcode: string;
}

export interface JudgePerson {
  id: string;
  child: boolean;
  given: GivenName;
  middle?: string;
  /** The surname now; `earlier` is the one before a change of name, if any. */
  surname: string;
  earlier?: string;
  dob: [number, number, number];
  sex: 'M' | 'F';
  nhs: string;
  pupil?: string;
}

export interface JudgeFamily {
  people: JudgePerson[];
  home: JudgeAddress;
  /** Where the family lived before; records made then still carry it. */
  before?: JudgeAddress;
  phone: string;
  email: string;
}

/** How often the judge population has each trait (different from the tuning generator's). */
export const judgeRates = {
  /** Twin births; a third of twins are given names that look alike. */
  twins: 1 / 25,
  triplets: 1 / 1500,
  doubleBarrelled: 0.08,
  nameChange: 0.12,
  moved: 0.22,
  singleParent: 0.3,
};

const YEAR = 2026;

function date(r: JudgeRandom, year: number): [number, number, number] {
  const month = r.int(1, 12);
  const last = [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return [year, month, r.int(1, last)];
}

export class JudgeStreets {
  private street = { name: '', town: '', postcode: '', left: 0, number: 0 };
  private readonly postcodes = new Set<string>();
  constructor(private readonly r: JudgeRandom) {}

  next(): JudgeAddress {
    const r = this.r;
    if (this.street.left <= 0) {
      const [town, area] = r.one(ukTowns);
      let postcode: string;
      do
        postcode = `${area}${r.int(1, 40)} ${r.int(0, 9)}${r.one([...'ABDEFGHJLNPRSTUWXY'])}${r.one([...'ABDEFGHJLNPRSTUWXY'])}`;
      while (this.postcodes.has(postcode));
      this.postcodes.add(postcode);
      const name = `${r.popular(streetWords)} ${r.one(streetTypes)}`;
      this.street = { name, town, postcode, left: r.int(5, 30), number: r.int(1, 9) };
    }
    this.street.left--;
    this.street.number += r.int(1, 4);
    return {
      line: `${this.street.number} ${this.street.name}`,
      town: this.street.town,
      postcode: this.street.postcode,
    };
  }
}

function givenFrom(r: JudgeRandom, list: readonly GivenName[], taken: readonly string[]): GivenName {
  for (let tries = 0; tries < 20; tries++) {
    const g = r.popular(list);
    if (!taken.includes(g.name)) return g;
  }
  return r.one(list.filter((g) => !taken.includes(g.name)));
}

function middleFrom(r: JudgeRandom, list: readonly GivenName[], first: string): string | undefined {
  if (!r.chance(0.55)) return undefined;
  const g = r.popular(list);
  return g.name === first ? undefined : g.name;
}

/** A twin's name like its twin's: the same first letter, or the twin's middle name as its first. */
function twinName(r: JudgeRandom, list: readonly GivenName[], twin: JudgePerson, taken: string[]): GivenName {
  if (twin.middle && r.chance(0.15)) {
    const asFirst = list.find((g) => g.name === twin.middle);
    if (asFirst && !taken.includes(asFirst.name)) return asFirst;
  }
  if (r.chance(0.35)) {
    const alike = list.filter((g) => g.name[0] === twin.given.name[0] && !taken.includes(g.name));
    if (alike.length > 0) return r.one(alike);
  }
  return givenFrom(r, list, taken);
}

export function judgeFamily(
  r: JudgeRandom,
  id: string,
  streets: JudgeStreets,
  children: number,
): JudgeFamily {
  const surname = r.popular(familyNames);
  const otherSurname = r.popular(familyNames);
  const doubled = r.chance(judgeRates.doubleBarrelled) && otherSurname !== surname;
  const childSurname = doubled ? `${surname}-${otherSurname}` : surname;
  const eldest = YEAR - r.int(0, 17);
  const mum: JudgePerson = {
    id: `${id}-p1`,
    child: false,
    given: r.popular(parentGivenNames.female),
    surname: doubled || r.chance(0.3) ? otherSurname : surname,
    dob: date(r, eldest - r.int(17, 42)),
    sex: 'F',
    nhs: judgeNhsNumber(r),
  };
  mum.middle = middleFrom(r, parentGivenNames.female, mum.given.name);
  const people = [mum];
  if (!r.chance(judgeRates.singleParent)) {
    const dad: JudgePerson = {
      id: `${id}-p2`,
      child: false,
      given: r.popular(parentGivenNames.male),
      surname,
      dob: date(r, mum.dob[0] + r.int(-6, 4)),
      sex: 'M',
      nhs: judgeNhsNumber(r),
    };
    dad.middle = middleFrom(r, parentGivenNames.male, dad.given.name);
    people.push(dad);
  }
  const taken: string[] = [];
  let born = date(r, eldest);
  for (let made = 0; made < children;) {
    const size = r.chance(judgeRates.triplets) ? 3 : r.chance(judgeRates.twins) ? 2 : 1;
    let previous: JudgePerson | undefined;
    for (let k = 0; k < size && made < children; k++, made++) {
      const sex = r.chance(0.5) ? 'M' : 'F';
      const list = sex === 'M' ? boysNames : girlsNames;
      const given = previous ? twinName(r, list, previous, taken) : givenFrom(r, list, taken);
      taken.push(given.name);
      const child: JudgePerson = {
        id: `${id}-c${made + 1}`,
        child: true,
        given,
        surname: childSurname,
        dob: [...born],
        sex,
        nhs: judgeNhsNumber(r),
        pupil: `${r.one([...'ABCDEFGHJKLMNPRT'])}${r.digits(12)}`,
      };
      child.middle = middleFrom(r, list, given.name);
      people.push(child);
      previous = child;
    }
    const year = born[0] + r.int(1, 5);
    if (year > YEAR) break;
    born = date(r, year);
  }
  const family: JudgeFamily = {
    people,
    home: streets.next(),
    phone: `07${r.digits(9)}`,
    email: `${mum.given.name}${r.chance(0.5) ? '.' : '_'}${mum.surname}${r.int(1, 999)}@${r.one(['btinternet.com', 'gmail.com', 'icloud.com', 'sky.com'])}`,
  };
  if (r.chance(judgeRates.moved)) family.before = streets.next();
  if (r.chance(judgeRates.nameChange)) {
    const renamed = r.popular(familyNames);
    for (const p of people) {
      if (p.id.endsWith('-p2')) continue;
      p.earlier = p.surname;
      p.surname = renamed;
    }
  }
  return family;
}
