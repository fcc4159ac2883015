import { familiarForms } from '../linkage/nicknames.ts';
import { newNhsNumber, newUpn } from './identifiers.ts';
import {
  boys,
  fathers,
  girls,
  middleNamesFemale,
  middleNamesMale,
  mothers,
  streetKinds,
  streetNames,
  surnameHeads,
  surnameTails,
  surnames,
  towns,
} from './names.ts';
import type { Picker } from './pick.ts';

export interface Address {
  line: string;
  town: string;
  postcode: string;
}

export interface Person {
  id: string;
  role: 'child' | 'mother' | 'father';
  first: string;
  middle?: string;
  /** Surname now, and before the family's change of name (a parent's marriage), if any. */
  last: string;
  lastBefore?: string;
  dob: [number, number, number];
  sex: 'm' | 'f';
  nhs: string;
  upn?: string;
  nicknames: string[];
}

export interface Family {
  id: string;
  people: Person[];
  address: Address;
  /** Where the family lived before it moved; some agencies still hold it. */
  previousAddress?: Address;
  phone: string;
  email: string;
}

/** Streets of about a dozen households sharing one postcode, as a postcode unit does. */
export class Streets {
  private current: { name: string; town: string; postcode: string; next: number; size: number } | undefined;
  private readonly used = new Set<string>();
  constructor(private readonly pick: Picker) {}

  nextAddress(): Address {
    const p = this.pick;
    if (!this.current || this.current.next > this.current.size) {
      const [town, area] = p.one(towns);
      let postcode: string;
      do {
        const inward = `${p.int(1, 9)}${p.one([...'ABDEFGHJLNPQRSTUWXYZ'])}${p.one([...'ABDEFGHJLNPQRSTUWXYZ'])}`;
        postcode = `${area}${p.int(1, 29)} ${inward}`;
      } while (this.used.has(postcode));
      this.used.add(postcode);
      const name = `${p.zipf(streetNames)} ${p.one(streetKinds)}`;
      this.current = { name, town, postcode, next: p.int(1, 5), size: p.int(8, 40) };
    }
    const number = this.current.next;
    this.current.next += p.int(1, 3);
    return {
      line: `${number} ${this.current.name}`,
      town: this.current.town,
      postcode: this.current.postcode,
    };
  }
}

function surname(p: Picker): string {
  return p.chance(0.6) ? p.zipf(surnames) : p.one(surnameHeads) + p.one(surnameTails);
}

/** A given name not already used in the family (siblings never share one). */
function forename(p: Picker, list: readonly string[], avoid: readonly string[]): string {
  const allowed = list.filter((n) => !avoid.includes(n));
  return p.zipf(allowed.length > 0 ? allowed : list);
}

const TODAY = 2026;

function person(
  p: Picker,
  id: string,
  role: Person['role'],
  sex: 'm' | 'f',
  first: string,
  last: string,
  dob: Person['dob'],
): Person {
  return {
    id,
    role,
    first,
    ...(p.chance(0.6)
      ? { middle: p.zipf((sex === 'm' ? middleNamesMale : middleNamesFemale).filter((n) => n !== first)) }
      : {}),
    last,
    dob,
    sex,
    nhs: newNhsNumber(p),
    nicknames: familiarForms(first),
  };
}

function randomDate(p: Picker, year: number): Person['dob'] {
  const month = p.int(1, 12);
  const days = [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return [year, month, p.int(1, days)];
}

/**
 * One family: a mother, usually a father, one to five children born at least ten months
 * apart, with twins about once in 35 births (ONS: about 1 in 70 maternities, two babies each).
 */
export function newFamily(p: Picker, id: string, streets: Streets, childrenWanted: number): Family {
  const familyName = surname(p);
  const motherName = p.chance(0.75) ? familyName : surname(p);
  const firstChildYear = TODAY - p.int(1, 17);
  const people: Person[] = [];
  const mother = person(
    p,
    `${id}-m`,
    'mother',
    'f',
    forename(p, mothers, []),
    motherName,
    randomDate(p, firstChildYear - p.int(19, 38)),
  );
  people.push(mother);
  if (p.chance(0.8)) {
    people.push(
      person(
        p,
        `${id}-f`,
        'father',
        'm',
        forename(p, fathers, []),
        familyName,
        randomDate(p, mother.dob[0] - p.int(-3, 6)),
      ),
    );
  }
  const names: string[] = [];
  let birth = randomDate(p, firstChildYear);
  for (let n = 0; n < childrenWanted;) {
    const twins = p.chance(1 / 35);
    for (let t = 0; t < (twins ? 2 : 1); t++) {
      const sex = p.chance(0.51) ? 'm' : 'f';
      // Twins are often given names that start alike (Jack and Jake), which makes them harder.
      const list = sex === 'm' ? boys : girls;
      const alike = list.filter((x) => x[0] === names[names.length - 1]?.[0] && !names.includes(x));
      const first =
        twins && t === 1 && alike.length > 0 && p.chance(0.3) ? p.one(alike) : forename(p, list, names);
      names.push(first);
      const child = person(p, `${id}-c${n + t + 1}`, 'child', sex, first, familyName, birth);
      child.upn = newUpn(p, 800 + p.int(0, 99), p.int(1000, 7999), birth[0] + 5);
      people.push(child);
    }
    n += twins ? 2 : 1;
    const next = birth[0] + p.int(1, 4);
    if (next > TODAY - 1) break;
    birth = randomDate(p, next);
  }
  const family: Family = {
    id,
    people,
    address: streets.nextAddress(),
    phone: `07${p.int(100, 999)}${p.int(100000, 999999)}`,
    email:
      `${mother.first}.${motherName}${p.int(1, 99)}@${p.one(['gmail.com', 'hotmail.co.uk', 'outlook.com', 'yahoo.co.uk'])}`.replace(
        /[ ']/g,
        '',
      ),
  };
  if (p.chance(0.15)) family.previousAddress = streets.nextAddress();
  // A parent's marriage: the mother and the children take the new surname; older records keep
  // the old one.
  if (p.chance(0.1)) {
    const newName = surname(p);
    for (const x of people) {
      if (x.role === 'father') continue;
      x.lastBefore = x.last;
      x.last = newName;
    }
  }
  return family;
}
