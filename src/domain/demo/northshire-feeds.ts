import { Picker } from '../people/generator/pick.ts';
import { newFamily, Streets, type Family, type Person } from '../people/generator/population.ts';
import { titleCase } from '../people/generator/typos.ts';
import { seededRandom } from '../people/random.ts';
import { demoFeeds, type DemoFeedKey } from './northshire-feed-mappings.ts';

/**
 * A small synthetic population for the Northshire demo (DEMO ONLY), as the files each agency
 * would send: families from the people generator, each agency holding the people it would know
 * under its own ids, and the events practitioners look for (involvements with their lead
 * practitioner, police incidents, ED attendances and health visitor contacts, school records,
 * youth justice orders, housing). Deterministic, so examples/feeds matches what `npm start` loads.
 * A few rows are wrong on purpose (an impossible date, a bad NHS number) so that the ingest
 * report has something to show.
 */
type Row = Record<string, string>;

const iso = ([y, m, d]: readonly number[]) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const dayFirst = ([y, m, d]: readonly number[]) =>
  `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
const age = (p: Person) => 2026 - p.dob[0];

function csv(rows: readonly Row[], header: readonly string[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${[header.join(','), ...rows.map((r) => header.map((h) => cell(r[h] ?? '')).join(','))].join('\n')}\n`;
}

const practitioners = [
  ['Sam Patel', '01632 960101', 'sam.patel@northshire.example', 'Social worker'],
  ['Grace Obi', '01632 960102', 'grace.obi@northshire.example', 'Senior social worker'],
  ['Hannah Price', '01632 960103', 'hannah.price@northshire.example', 'Early help practitioner'],
  ['Marcus Bell', '01632 960104', 'marcus.bell@northshire.example', 'Social worker'],
] as const;

export interface DemoFeedFiles {
  readonly files: Record<DemoFeedKey, string>;
  readonly children: number;
}

export function generateDemoFeeds(children = 200, seed = 2026): DemoFeedFiles {
  const p = new Picker(seededRandom(seed));
  const streets = new Streets(p);
  const families: Family[] = [];
  for (let made = 0; made < children;) {
    const f = newFamily(p, `F${families.length + 1}`, streets, Math.min(children - made, p.int(1, 3)));
    made += f.people.filter((x) => x.role === 'child').length;
    families.push(f);
  }
  const out: Record<DemoFeedKey, Row[]> = Object.fromEntries(
    Object.keys(demoFeeds).map((k) => [k, []]),
  ) as never;
  const agencyId = (prefix: string, person: Person) => `${prefix}${person.id.replace(/[^0-9a-z]/gi, '')}`;
  const details = (
    person: Person,
    family: Family,
    id: string,
    date: (d: readonly number[]) => string,
    nhs: boolean,
  ): Row => ({
    person_id: id,
    forename: titleCase(person.first),
    middle_names: person.middle ? titleCase(person.middle) : '',
    surname: titleCase(person.last),
    birth_date: date(person.dob),
    sex: person.sex.toUpperCase(),
    nhs_number: nhs ? person.nhs : '',
    upn: '',
    address: titleCase(family.address.line),
    postcode: family.address.postcode,
    town: titleCase(family.address.town),
    phone: person.role === 'child' ? '' : family.phone,
    email: person.role === 'mother' ? family.email : '',
  });
  let n = 0;
  const next = () => String(++n).padStart(5, '0');
  const recent = () => [2026, p.int(1, 10), p.int(1, 28)] as const;

  for (const family of families) {
    const kids = family.people.filter((x) => x.role === 'child');
    const parents = family.people.filter((x) => x.role !== 'child');
    const knownToCsc = p.chance(0.35);
    for (const person of family.people) {
      out.nhsPeople.push(details(person, family, agencyId('MPI', person), iso, true));
      if (knownToCsc)
        out.cscPeople.push(details(person, family, agencyId('CSC', person), dayFirst, p.chance(0.6)));
      out.housingPeople.push(details(person, family, agencyId('NH', person), iso, false));
      out.housingAddresses.push({
        person_id: agencyId('NH', person),
        tenancy_id: `T${family.id}-${person.id}`,
        address: titleCase(family.address.line),
        postcode: family.address.postcode,
        from_date: `20${p.int(10, 24)}-0${p.int(1, 9)}-1${p.int(0, 9)}`,
        to_date: '',
      });
    }
    if (p.chance(0.3))
      out.housingRecords.push({
        person_id: agencyId('NH', parents[0]!),
        case_id: `H${next()}`,
        tenure: p.one(['council tenancy', 'housing association', 'temporary accommodation']),
        status: p.one(['current', 'rent arrears', 'homelessness application']),
        summary: p.one(['Overcrowded two-bedroom flat', 'Damp reported', 'Notice seeking possession served']),
      });
    for (const kid of kids) {
      const isSchoolAge = age(kid) >= 4 && age(kid) <= 16;
      if (knownToCsc) {
        for (const parent of parents)
          out.cscRelationships.push({
            person_id: agencyId('CSC', kid),
            relationship_id: `REL${next()}`,
            related_person_id: agencyId('CSC', parent),
            relationship: 'parent_or_carer',
          });
        for (const sibling of kids.filter((k) => k !== kid))
          out.cscRelationships.push({
            person_id: agencyId('CSC', kid),
            relationship_id: `REL${next()}`,
            related_person_id: agencyId('CSC', sibling),
            relationship: 'sibling',
          });
        const [lead, phone, email, role] = p.one(practitioners);
        const involvement = {
          person_id: agencyId('CSC', kid),
          start_date: dayFirst([2025, p.int(1, 12), p.int(1, 28)]),
          last_contact: dayFirst(recent()),
        };
        const episode = `EP${next()}`;
        // The lead practitioner of the child's involvement, as an item of its own (lead_contact).
        out.cscLeadContacts.push({
          person_id: involvement.person_id,
          contact_id: `LC${episode.slice(2)}`,
          lead_practitioner: lead,
          lead_role: role,
          lead_phone: phone,
          lead_email: email,
        });
        out.cscInvolvements.push({
          ...involvement,
          episode_id: episode,
          involvement: p.chance(0.5) ? 'early_help' : 'child_in_need',
          concerns: p.one([
            'Neglect concerns raised by school',
            'Parental mental health',
            'Domestic abuse in the home',
          ]),
        });
        if (p.chance(0.3))
          out.cscChildProtection.push({
            ...involvement,
            plan_id: `CP${next()}`,
            status: p.weighted([
              ['child_protection_plan', 6],
              ['looked_after', 3],
              ['unborn_baby_plan', 1],
            ] as const),
          });
      }
      if (p.chance(age(kid) >= 10 ? 0.3 : 0.12)) {
        out.policePeople.push(details(kid, family, agencyId('PN', kid), dayFirst, false));
        const incident = {
          person_id: agencyId('PN', kid),
          occurrence: `NP/${next()}/26`,
          type: age(kid) >= 10 && p.chance(0.5) ? 'missing_episode' : 'domestic_abuse',
          date: iso(recent()),
          summary: p.one([
            'Child present during incident',
            'Reported missing overnight, found safe',
            'Neighbours reported shouting',
          ]),
        };
        // Domestic abuse with the child present is an Operation Encompass notification, filed in
        // the category the Encompass agreement shares with the school (no new random draw, so
        // the rest of the demo population stays as it was).
        if (incident.type === 'domestic_abuse' && incident.summary === 'Child present during incident')
          out.policeDomesticAbuse.push({ ...incident, child_present: 'yes' });
        else out.policeIncidents.push(incident);
      }
      for (let i = p.int(0, 2); i > 0; i--)
        out.nhsContacts.push({
          person_id: agencyId('MPI', kid),
          contact_id: `C${next()}`,
          type: age(kid) < 5 && p.chance(0.6) ? 'health_visitor_contact' : 'ed_attendance',
          date: iso(recent()),
          setting: age(kid) < 5 ? 'Home visit' : 'Northshire General ED',
          notes: p.one([
            'Minor head injury, explanation consistent',
            'Routine development review',
            'Missed appointments noted',
          ]),
        });
      if (isSchoolAge && kid.upn) {
        out.schoolPeople.push({ ...details(kid, family, agencyId('SIMS', kid), iso, false), upn: kid.upn });
        const pupil = agencyId('SIMS', kid);
        out.schoolEnrolments.push({
          person_id: pupil,
          enrolment_id: `E${next()}`,
          school: 'Riverside Primary School',
          year_group: `Year ${Math.max(0, age(kid) - 5)}`,
          start_date: '2025-09-03',
        });
        out.schoolAttendance.push({
          person_id: pupil,
          attendance_id: `A${next()}`,
          term: 'Autumn 2026',
          attendance: String(p.int(70, 100)),
          unauthorised: String(p.int(0, 20)),
        });
        if (p.chance(0.08))
          out.schoolExclusions.push({
            person_id: pupil,
            exclusion_id: `X${next()}`,
            type: 'suspension',
            start_date: iso(recent()),
            days: String(p.int(1, 5)),
            reason: 'Persistent disruptive behaviour',
          });
      }
      if (age(kid) >= 12 && p.chance(0.08)) {
        out.yjsPeople.push(details(kid, family, agencyId('YJ', kid), iso, false));
        out.yjsOrders.push({
          person_id: agencyId('YJ', kid),
          order_id: `YO${next()}`,
          order: 'Referral order',
          start_date: iso(recent()),
          end_date: '',
          case_worker: 'Mark Evans',
        });
      }
    }
  }
  doubtfulMatches(families, out, agencyId);
  // Wrong on purpose, for the ingest report: an impossible date and an NHS number mistyped.
  if (out.policePeople[0]) out.policePeople[0] = { ...out.policePeople[0], birth_date: '31/02/2015' };
  if (out.nhsPeople[1]) out.nhsPeople[1] = { ...out.nhsPeople[1], nhs_number: '9434765918' };

  const files = Object.fromEntries(
    (Object.keys(demoFeeds) as DemoFeedKey[]).map((key) => {
      const m = demoFeeds[key].mapping;
      const header = [...new Set([m.personIdColumn, m.externalIdColumn, ...Object.keys(m.columns)])];
      const text =
        m.format === 'json'
          ? out[key]
              .map((r) => JSON.stringify(Object.fromEntries(header.map((h) => [h, r[h] ?? '']))))
              .join('\n') + '\n'
          : csv(out[key], header);
      return [key, text];
    }),
  ) as Record<DemoFeedKey, string>;
  return { files, children };
}

/**
 * A few children the police know under details that only partly agree with the other agencies'
 * (a shortened first name or an initial, a date of birth a day or a month out, a misspelt surname, no address): the doubtful
 * matches linkage sends to the review queue, so the demo's partnership administrator has some to
 * decide. Appended after everything else and chosen without the random picker, so the rest of the
 * demo stays exactly as it was.
 */
function doubtfulMatches(
  families: readonly Family[],
  out: Record<DemoFeedKey, Row[]>,
  agencyId: (prefix: string, person: Person) => string,
): void {
  const kids = families.flatMap((f) => f.people.filter((x) => x.role === 'child').map((kid) => ({ f, kid })));
  const dayOut = (kid: Person): Person['dob'] => [
    kid.dob[0],
    kid.dob[1],
    kid.dob[2] >= 28 ? kid.dob[2] - 1 : kid.dob[2] + 1,
  ];
  const monthOut = (kid: Person): Person['dob'] => [
    kid.dob[0],
    kid.dob[1] === 12 ? 11 : kid.dob[1] + 1,
    kid.dob[2],
  ];
  // Tried against the demo's fitted linkage model: together these leave a handful of pairs
  // between its review and merge weights (the model is fitted on the whole population, so the
  // set matters, not each row alone); seed-demo-feeds.test.ts checks some reach the queue.
  const variants: ((kid: Person) => Partial<Person>)[] = [
    (kid) => ({ first: kid.first.slice(0, 3), last: `${kid.last}e` }),
    (kid) => ({ last: `${kid.last}e`, dob: monthOut(kid) }),
    (kid) => ({ dob: [kid.dob[0] - 1, kid.dob[1], kid.dob[2]] }),
    (kid) => ({ first: kid.first.slice(0, 1) }),
    (kid) => ({ first: kid.first.slice(0, 3), dob: dayOut(kid) }),
    (kid) => ({ first: `${kid.first}a`, last: `${kid.last}e`, dob: dayOut(kid) }),
  ];
  variants.forEach((variant, i) => {
    const pick = kids[7 + i * 23];
    if (!pick) return;
    const kid = { ...pick.kid, ...variant(pick.kid) };
    out.policePeople.push({
      person_id: `${agencyId('PN', pick.kid)}D`,
      forename: titleCase(kid.first),
      middle_names: '',
      surname: titleCase(kid.last),
      birth_date: dayFirst(kid.dob),
      sex: kid.sex.toUpperCase(),
      nhs_number: '',
      upn: '',
      address: '',
      postcode: '',
      town: '',
      phone: '',
      email: '',
    });
  });
}
