import type { Address, Family, Person } from './population.ts';
import type { Picker } from './pick.ts';
import { digitSlip, titleCase, typo } from './typos.ts';

export const agencies = ['council', 'police', 'nhs', 'school'] as const;
export type Agency = (typeof agencies)[number];

/** One row of an agency's file, with the true person it is about. */
export interface GeneratedRecord {
  record_id: string;
  agency: Agency;
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

/** How each agency records people: which fields it holds and how careless its entry is. */
const profiles: Record<
  Agency,
  { nhs: number; slips: number; nickname: number; dayFirst: boolean; upper: boolean }
> = {
  nhs: { nhs: 0.97, slips: 0.6, nickname: 0.02, dayFirst: false, upper: false },
  school: { nhs: 0, slips: 0.8, nickname: 0.06, dayFirst: false, upper: false },
  council: { nhs: 0.55, slips: 1, nickname: 0.08, dayFirst: true, upper: false },
  police: { nhs: 0, slips: 1.6, nickname: 0.2, dayFirst: true, upper: true },
};

/** Which agencies hold a record of this person, and how many each. */
function holdings(p: Picker, person: Person): Agency[] {
  const out: Agency[] = [];
  const age = 2026 - person.dob[0];
  if (p.chance(person.role === 'child' ? 0.95 : 0.8)) out.push('nhs');
  if (person.role === 'child' && p.chance(0.2)) out.push('nhs');
  if (person.role === 'child' && age >= 4 && p.chance(0.92)) out.push('school');
  if (p.chance(0.4)) out.push('council');
  if (p.chance(person.role === 'child' ? (age >= 10 ? 0.2 : 0.05) : 0.15)) out.push('police');
  return out;
}

function formatDob(p: Picker, [y, m, d]: Person['dob'], dayFirst: boolean, slips: number): string {
  if (p.chance(0.01 * slips)) return '';
  let day = d;
  let month = m;
  let year = y;
  // Day and month swapped, the commonest date slip in English records (only possible to
  // see when the day is 12 or less).
  if (d <= 12 && d !== m && p.chance(0.025 * slips)) [day, month] = [m, d];
  else if (p.chance(0.015 * slips)) {
    const which = p.int(0, 2);
    if (which === 0) day = Math.min(28, Math.max(1, Number(digitSlip(p, String(d).padStart(2, '0')))));
    else if (which === 1) month = Math.min(12, Math.max(1, Number(digitSlip(p, String(m).padStart(2, '0')))));
    else year = y + p.one([-10, -1, 1, 10]);
  }
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  return dayFirst ? `${dd}/${mm}/${year}` : `${year}-${mm}-${dd}`;
}

function firstNameAsRecorded(p: Picker, person: Person, nickname: number, slips: number): string {
  if (person.nicknames.length > 0 && p.chance(nickname)) return p.one(person.nicknames);
  if (person.middle && p.chance(0.01 * slips)) return person.middle;
  if (p.chance(0.03 * slips)) return typo(p, person.first);
  return person.first;
}

function addressAsRecorded(p: Picker, address: Address, slips: number): string {
  let line = address.line;
  if (p.chance(0.15))
    line = line
      .replace(/ road$/, ' rd')
      .replace(/ street$/, ' st')
      .replace(/ avenue$/, ' ave');
  if (p.chance(0.03 * slips)) line = typo(p, line);
  if (p.chance(0.02 * slips)) line = line.replace(/^\d+ /, '');
  return line;
}

export function recordsOfFamily(p: Picker, family: Family, nextId: () => string): GeneratedRecord[] {
  const out: GeneratedRecord[] = [];
  for (const person of family.people) {
    for (const agency of holdings(p, person)) {
      const profile = profiles[agency];
      const s = profile.slips;
      const address = family.previousAddress && p.chance(0.35) ? family.previousAddress : family.address;
      const last = person.lastBefore && p.chance(0.4) ? person.lastBefore : person.last;
      let nhs = p.chance(profile.nhs) ? person.nhs : '';
      if (nhs && p.chance(0.02 * s)) nhs = digitSlip(p, nhs);
      let postcode = p.chance(0.03 * s) ? '' : address.postcode;
      if (postcode && p.chance(0.02 * s)) postcode = typo(p, postcode);
      const isChild = person.role === 'child';
      const text = (x: string) => (profile.upper ? x.toUpperCase() : titleCase(x));
      out.push({
        record_id: nextId(),
        agency,
        person_id: person.id,
        first_name: text(firstNameAsRecorded(p, person, profile.nickname, s)),
        middle_names: agency !== 'police' && person.middle && p.chance(0.7) ? text(person.middle) : '',
        last_name: text(p.chance(0.03 * s) ? typo(p, last) : last),
        dob: formatDob(p, person.dob, profile.dayFirst, s),
        sex: p.chance(0.02 * s)
          ? ''
          : p.chance(0.004)
            ? person.sex === 'm'
              ? 'F'
              : 'M'
            : person.sex.toUpperCase(),
        nhs_number: nhs,
        identifier:
          isChild && person.upn && (agency === 'school' || (agency === 'council' && p.chance(0.3)))
            ? person.upn
            : '',
        postcode,
        address: p.chance(0.02 * s) ? '' : text(addressAsRecorded(p, address, s)),
        city: text(address.town),
        email:
          agency === 'council' || (agency === 'school' && isChild) ? (p.chance(0.6) ? family.email : '') : '',
        phone:
          agency !== 'police' || !isChild
            ? p.chance(0.6)
              ? p.chance(0.02 * s)
                ? digitSlip(p, family.phone)
                : family.phone
              : ''
            : '',
      });
    }
  }
  return out;
}
