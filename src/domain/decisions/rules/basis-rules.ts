import { ENCOMPASS, gr2018, gr2024, ico, KCSIE_TRANSFER, SCHED2 } from '../citations.ts';
import type { Facts } from '../facts.ts';
import { BOTH, SHARING_OUTCOMES, type Rule } from '../rule.ts';

/**
 * The lawful basis of a share, as gateway ids from the built-in catalogue
 * (src/domain/gateways/builtin-*.ts): Art 6, Art 9 with its Sched 1 condition, Art 10, the
 * statute, and the common-law duty of confidence for health information (DOMAIN.md 2.4: "identify
 * lawful basis ... + statutory function + (health) CLDC"; ICO step 8).
 */
const sharing = (_f: Facts, outcome: Parameters<Rule['when']>[1]): boolean => SHARING_OUTCOMES.has(outcome);
const purpose = (f: Facts) => f.situation.requester?.purpose;
const crime = (f: Facts): boolean =>
  purpose(f) === 'crime_investigation_not_safeguarding' || purpose(f) === 'crime_investigation_serious';
const safeguarding = (f: Facts): boolean =>
  f.level === 'emergency' || f.level === 'child_protection' || f.level === 'unclear';
const encompass = (f: Facts): boolean =>
  Boolean(f.concern.domesticAbuseIncidentChildPresent) &&
  (f.situation.setting === 'police' || f.situation.setting === 'mash_police');
const transfer = (f: Facts): boolean => f.situation.kind === 'school_transfer';
const special = (f: Facts): boolean =>
  f.categories.has('special_category') || f.categories.has('health_confidential');

const STATUTE_BY_SETTING: Readonly<Record<string, readonly string[]>> = {
  school: ['EA2002-S175'],
  early_years: ['CCA2006'],
  council_csc: ['CA1989-S47'],
  mash: ['CA1989-S47', 'CA2004-S11'],
  mash_police: ['CA2004-S11'],
  council_early_help: ['CA1989-S17', 'CA2004-S10'],
  youth_charity: ['WT2023'],
};

export const basisRules: readonly Rule[] = [
  {
    id: 'basis.article_6',
    editions: BOTH,
    citation: { '2018': `${gr2018(4)}; ${ico(8)}`, '2024': `${gr2024(3)}; ${ico(8)}` },
    note: 'Article 6: public task for public authorities, legal obligation where a duty requires the share, vital interests in an emergency; consent rarely',
    when: sharing,
    then: (f) => {
      const ids: string[] = [];
      if (!f.publicAuthority)
        ids.push(safeguarding(f) ? 'UKGDPR-6-1-ea' : f.consentGiven ? 'UKGDPR-6-1-a' : 'UKGDPR-6-1-f');
      else ids.push('UKGDPR-6-1-e');
      if (transfer(f) || encompass(f) || purpose(f) === 's47_enquiry') ids.push('UKGDPR-6-1-c');
      if (f.level === 'emergency') ids.push('UKGDPR-6-1-d');
      return { lawfulBasis: ids };
    },
  },
  {
    id: 'basis.article_9',
    editions: BOTH,
    citation: `${ico(8)}; DPA 2018 Sched 1 paras 2 and 18 (DOMAIN.md checked facts)`,
    note: 'Special category or health information: Article 9 with its Schedule 1 condition',
    when: (f, o) => sharing(f, o) && special(f),
    then: (f) => {
      if (safeguarding(f) || transfer(f) || encompass(f))
        return { lawfulBasis: ['UKGDPR-9-2-g', 'DPA-S1-P18'] };
      if (crime(f)) return { lawfulBasis: ['UKGDPR-9-2-g', 'DPA-S1-P10'] };
      return { lawfulBasis: f.health ? ['UKGDPR-9-2-h', 'DPA-S1-P2'] : ['UKGDPR-9-2-a'] };
    },
  },
  {
    id: 'basis.article_10',
    editions: BOTH,
    citation: 'UK GDPR Art 10; DPA 2018 s10(5) and Sched 1 para 36 (DOMAIN.md 7)',
    note: 'Criminal offence information: Article 10 with a Schedule 1 condition extended by paragraph 36',
    when: (f, o) => sharing(f, o) && (f.categories.has('criminal_offence') || encompass(f)),
    then: (f) => ({
      lawfulBasis: ['UKGDPR-10', 'DPA-S1-P36', crime(f) ? 'DPA-S1-P10' : 'DPA-S1-P18'],
    }),
  },
  {
    id: 'basis.statute_transfer',
    editions: BOTH,
    citation: KCSIE_TRANSFER,
    note: 'A school transfer rests on the Education (Pupil Information) Regulations and the school’s safeguarding duty',
    when: (f, o) => sharing(f, o) && transfer(f),
    then: { lawfulBasis: ['EPI2005', 'EA2002-S175'] },
  },
  {
    id: 'basis.statute_encompass',
    editions: BOTH,
    citation: ENCOMPASS,
    note: 'An Operation Encompass notice rests on the police’s statutory duty to tell the school',
    when: (f, o) => sharing(f, o) && encompass(f),
    then: { lawfulBasis: ['VPA2024-OPENCOMPASS', 'CA2004-S11', 'DAA2021'] },
  },
  {
    id: 'basis.statute_crime',
    editions: BOTH,
    citation: `${SCHED2}; Crime and Disorder Act 1998 s115`,
    note: 'A crime request rests on the Schedule 2 paragraph 2 exemption, and for public bodies on the power to share for crime reduction',
    when: (f, o) => sharing(f, o) && crime(f) && !transfer(f) && !encompass(f),
    then: (f) => ({ lawfulBasis: f.publicAuthority ? ['DPA-S2-P2', 'CDA1998-S115'] : ['DPA-S2-P2'] }),
  },
  {
    id: 'basis.statute_function',
    editions: BOTH,
    citation:
      'Children Act 2004 s11 (duty to safeguard) and the sharer’s own statute (Education Act 2002 s175, Childcare Act 2006, Children Act 1989 ss17 and 47)',
    note: 'The statutory function that makes the share part of the sharer’s task',
    when: (f, o) => sharing(f, o) && !crime(f) && !transfer(f) && !encompass(f),
    then: (f) => {
      const ids = [...(STATUTE_BY_SETTING[f.situation.setting] ?? ['CA2004-S11'])];
      if (f.situation.setting === 'council_csc' && !safeguarding(f)) ids.splice(0, ids.length, 'CA1989-S17');
      if (purpose(f) === 's47_enquiry') ids.push('CA1989-S47');
      if (purpose(f) === 's17_assessment') ids.push('CA1989-S17');
      if (f.level === 'emergency' && f.situation.setting === 'police') ids.push('CA1989-S46');
      if (
        f.concern.householdMemberChildSexOffender &&
        (f.situation.setting === 'probation' || f.situation.setting === 'police')
      )
        ids.push('CJA2003-S325');
      if (f.concern.domesticAbuse) ids.push('DAA2021');
      return { lawfulBasis: ids };
    },
  },
  {
    id: 'basis.confidence',
    editions: BOTH,
    citation: {
      '2018': `${gr2018(4)}; myth-busting: the common-law duty is balanced against the effect on the child`,
      '2024': `${gr2024(1)}; GMC Protecting children and young people`,
    },
    note: 'Confidential health information: the common-law duty of confidence is met by consent or by the public interest in protecting the child',
    when: (f, o) => sharing(f, o) && f.categories.has('health_confidential'),
    then: { lawfulBasis: ['CLDC'] },
  },
];
