import { rcgp, solihull } from './builtin-sources.ts';
import type { Gateway } from './gateway.ts';
import { ALL, CSC, LA, NHS, orgs, POL, PROB, SCH, VCS, YOT } from './organisation-groups.ts';

/**
 * The data protection conditions of the built-in catalogue (DOMAIN.md section 1): UK GDPR Art 6
 * bases, Art 9 conditions with their DPA 2018 Sched 1 conditions, Art 10, and DPA 2018 Part 3.
 * Paraphrases, never statutory wording. `wordingChecked` is true only where DOMAIN.md's
 * "Checked facts" confirm the point the paraphrase rests on (Sched 1 paras 2, 18 and 36; the
 * Data (Use and Access) Act 2025 recognised legitimate interest).
 */
const dpa2018Schedules = 'https://www.legislation.gov.uk/ukpga/2018/12/schedules/enacted';
const icoSharing =
  'https://ico.org.uk/for-organisations/advice-and-services/audits/data-protection-audit-framework/toolkits/data-sharing/assessing-the-legality-risks-and-benefits-of-sharing';
const icoSpecialCategory = 'https://ico.org.uk/for-organisations-2/flowchart-text-description/';
const scotland = 'https://scotgov.theapsgroup.scot/national-guidance-for-child-protection-in-scotland/38/';

const art6 = (
  point: string,
  title: string,
  permits: string,
  organisationTypes: Gateway['organisationTypes'],
  sources: readonly string[],
): Gateway => ({
  id: `UKGDPR-6-1-${point}`,
  kind: 'uk_gdpr_art6',
  title: `UK GDPR Art 6(1)(${point}): ${title}`,
  citation: `UK GDPR, Article 6(1)(${point})`,
  permits,
  organisationTypes,
  sources,
  wordingChecked: false,
});

const art9 = (
  point: string,
  title: string,
  permits: string,
  organisationTypes: Gateway['organisationTypes'],
  sources: readonly string[],
  citationExtra = '',
): Gateway => ({
  id: `UKGDPR-9-2-${point}`,
  kind: 'uk_gdpr_art9',
  title: `UK GDPR Art 9(2)(${point}): ${title}`,
  citation: `UK GDPR, Article 9(2)(${point})${citationExtra}`,
  permits,
  organisationTypes,
  sources,
  wordingChecked: false,
});

export const dataProtectionGateways: readonly Gateway[] = [
  art6(
    'a',
    'consent',
    'Consent is valid only if freely given, specific, informed, unambiguous and able to be withdrawn. It is generally not appropriate for safeguarding sharing: there is a power imbalance, and the sharing would happen anyway. At most for some voluntary sector early help.',
    orgs(ALL),
    [rcgp],
  ),
  art6(
    'b',
    'contract',
    'Processing needed for a contract with the person. Rarely relevant to safeguarding.',
    [],
    ['ICO guidance on the lawful bases (general)'],
  ),
  art6(
    'c',
    'legal obligation',
    'Processing needed to comply with a legal duty, for example answering a Children Act 2004 s16H request, assisting s47 enquiries or obeying a court order.',
    orgs(LA, POL, NHS, SCH),
    [solihull],
  ),
  art6(
    'd',
    'vital interests',
    'Processing needed to protect someone’s life in an emergency, where no other basis is available (ICO 10 step guide, step 9).',
    orgs(ALL),
    ['https://docest.com/doc/262478/data-protection-act-schedules-2-and-3', 'ICO 10 step guide'],
  ),
  art6(
    'e',
    'public task',
    'The main basis for statutory bodies carrying out safeguarding functions, with the statutory function named (for example Children Act 1989 s17 or s47, Children Act 2004 s11).',
    orgs(LA, POL, NHS, SCH, YOT),
    [solihull],
  ),
  art6(
    'f',
    'legitimate interests',
    'For bodies that are not public authorities (charities, private providers, independent schools where not a public task), after a legitimate interests assessment. Public authorities cannot use it for their public tasks.',
    orgs(VCS, SCH),
    [icoSharing],
  ),
  {
    // DOMAIN.md Checked facts: in force 5 Feb 2026; public authorities may not use it for their tasks.
    ...art6(
      'ea',
      'recognised legitimate interest (safeguarding)',
      'Added by the Data (Use and Access) Act 2025 and in force since 5 February 2026: processing necessary to safeguard a vulnerable individual (under 18, or an adult at risk) is a recognised legitimate interest, with no balancing test; a safeguarding compatibility condition also allows re-use of information collected for another purpose. Public authorities may not rely on it for their public tasks, so it suits charities and private bodies; councils, police, the NHS and maintained schools stay on (e) or (c).',
      orgs(VCS),
      [
        'https://ico.org.uk/for-organisations/recognised-legitimate-interest-guidance/what-are-the-recognised-legitimate-interest-conditions/safeguarding-condition',
        'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-protection-principles/compatibility-and-the-reuse-of-personal-information/safeguarding-compatibility-condition/',
        'https://cy.ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-myths-busted/',
      ],
    ),
    citation:
      'UK GDPR, Article 6(1)(ea) and Annex 1 paragraph 6 (inserted by the Data (Use and Access) Act 2025)',
    wordingChecked: true,
  },
  art9(
    'a',
    'explicit consent',
    'Special category data with explicit consent; the same caveats as consent apply.',
    [],
    [icoSpecialCategory],
  ),
  art9(
    'b',
    'employment, social security and social protection',
    'Needs a basis in law and an appropriate policy document (DPA 2018 Sched 1 Part 1 para 1). Social protection can cover some social care functions.',
    orgs(LA),
    [dpa2018Schedules],
    ' with DPA 2018 Schedule 1 Part 1 paragraph 1',
  ),
  art9(
    'c',
    'vital interests',
    'Protecting someone’s vital interests where the person is physically or legally incapable of giving consent.',
    orgs(ALL),
    [scotland],
  ),
  art9(
    'd',
    'not-for-profit bodies',
    'Processing by a not-for-profit body about its members or former members. Rarely relevant.',
    orgs(VCS),
    [],
  ),
  art9('e', 'made public by the person', 'Information the person has manifestly made public. Rare.', [], []),
  art9(
    'f',
    'legal claims and courts',
    'Establishing, exercising or defending legal claims, or courts acting in their judicial capacity: care proceedings and court reports.',
    orgs(ALL),
    [],
  ),
  art9(
    'g',
    'substantial public interest',
    'The gateway to the DPA 2018 Sched 1 Part 2 conditions, among them para 6 (statutory purposes), para 10 (preventing or detecting unlawful acts), para 11 (protecting the public) and para 18 (safeguarding). Most of them need an appropriate policy document (Sched 1 Part 4).',
    orgs(ALL),
    [dpa2018Schedules],
    ' with DPA 2018 Schedule 1 Part 2',
  ),
  art9(
    'h',
    'health or social care',
    'Processing necessary for health or social care purposes (preventive medicine, diagnosis, health care or treatment, social care, managing systems), by or under the responsibility of someone owing a duty of confidentiality. Key for NHS and children’s social care direct care.',
    orgs(NHS, CSC),
    [dpa2018Schedules],
    ' with DPA 2018 Schedule 1 Part 1 paragraph 2',
  ),
  art9(
    'i',
    'public health',
    'Reasons of public interest in public health. Not usually safeguarding.',
    [],
    [],
  ),
  art9(
    'j',
    'archiving, research and statistics',
    'Archiving, research and statistics with safeguards (DPA 2018 Sched 1 para 4). For research and analysis only.',
    [],
    [],
  ),
  {
    id: 'DPA-S1-P2',
    kind: 'dpa_sched1',
    title: 'DPA 2018 Sched 1 para 2: health or social care purposes',
    citation: 'Data Protection Act 2018, Schedule 1, Part 1, paragraph 2',
    permits:
      'The condition that makes UK GDPR Art 9(2)(h) available for health or social care purposes. Unlike the Part 2 conditions, it does not need an appropriate policy document.',
    organisationTypes: orgs(NHS, LA),
    sources: [dpa2018Schedules],
    wordingChecked: true,
  },
  {
    id: 'DPA-S1-P6',
    kind: 'dpa_sched1',
    title: 'DPA 2018 Sched 1 para 6: statutory and government purposes',
    citation: 'Data Protection Act 2018, Schedule 1, Part 2, paragraph 6',
    permits:
      'Processing necessary to exercise a function conferred by an enactment or rule of law (or a function of the Crown or government) and necessary for reasons of substantial public interest. Needs an appropriate policy document. Pairs naturally with Children Act 1989 and 2004 functions.',
    organisationTypes: orgs(LA, POL, NHS, SCH),
    sources: [dpa2018Schedules],
    wordingChecked: false,
  },
  {
    id: 'DPA-S1-P10',
    kind: 'dpa_sched1',
    title: 'DPA 2018 Sched 1 para 10: preventing or detecting unlawful acts',
    citation: 'Data Protection Act 2018, Schedule 1, Part 2, paragraph 10',
    permits:
      'Processing necessary to prevent or detect an unlawful act, where asking for consent would prejudice that purpose, for reasons of substantial public interest. Needs an appropriate policy document. Often used with criminal offence data under UK GDPR Art 10.',
    organisationTypes: orgs(ALL),
    sources: [dpa2018Schedules],
    wordingChecked: false,
  },
  {
    // DOMAIN.md Checked facts: para 18 needs an appropriate policy document.
    id: 'DPA-S1-P18',
    kind: 'dpa_sched1',
    title: 'DPA 2018 Sched 1 para 18: safeguarding of children and of individuals at risk',
    citation: 'Data Protection Act 2018, Schedule 1, Part 2, paragraph 18',
    permits:
      'Special category data (and, through para 36, criminal offence data) may be processed where necessary to protect a child under 18 or an adult at risk from neglect or physical, mental or emotional harm, or to protect their well-being, for reasons of substantial public interest, and without consent because consent cannot be given, cannot reasonably be obtained, or seeking it would prejudice that protection. The consent meant is the data subject’s, who may be a parent rather than the child. An appropriate policy document is required.',
    organisationTypes: orgs(ALL),
    sources: [
      scotland,
      'https://www.farrer.co.uk/news-and-insights/breaking-news-safeguarding-amendment-to-data-protection-bill/',
    ],
    wordingChecked: true,
  },
  {
    // DOMAIN.md Checked facts: para 36 extends the Part 2 conditions to criminal offence data.
    id: 'DPA-S1-P36',
    kind: 'dpa_sched1',
    title: 'DPA 2018 Sched 1 para 36: Part 2 conditions for criminal offence data',
    citation: 'Data Protection Act 2018, Schedule 1, Part 3, paragraph 36',
    permits:
      'Extends the substantial public interest conditions of Sched 1 Part 2 (such as para 18, safeguarding) to criminal offence data, so that offence data can be shared for safeguarding under UK GDPR Art 10.',
    organisationTypes: orgs(ALL),
    sources: [dpa2018Schedules],
    wordingChecked: true,
  },
  {
    id: 'UKGDPR-10',
    kind: 'uk_gdpr_art10',
    title: 'UK GDPR Art 10: criminal offence data',
    citation: 'UK GDPR, Article 10, with Data Protection Act 2018, section 10(5) and Schedule 1',
    permits:
      'Information about criminal allegations, proceedings and convictions may be processed only under official authority or where a Sched 1 condition applies (for example para 18 safeguarding, para 10 preventing or detecting unlawful acts, para 6 statutory purposes). Applies to all processing of offence data outside law enforcement.',
    organisationTypes: orgs(ALL),
    sources: [icoSharing],
    wordingChecked: false,
  },
  {
    id: 'DPA-PART3',
    kind: 'dpa_part3',
    title: 'DPA 2018 Part 3: law enforcement processing',
    citation: 'Data Protection Act 2018, Part 3 (sections 29 to 81)',
    permits:
      'Competent authorities (police, and youth justice or probation in their law enforcement functions) processing to prevent, investigate, detect or prosecute offences use Part 3, not UK GDPR: sensitive processing needs consent or strict necessity with a Sched 8 condition, an appropriate policy document, and logging (s62). Police sharing out to children’s social care for safeguarding is often under UK GDPR public task instead: record which regime applies.',
    organisationTypes: orgs(POL, PROB, YOT),
    sources: [
      'https://ico.org.uk/for-organisations/law-enforcement/guide-to-le-processing/individual-rights/the-right-to-rectification',
      'https://rajivkumaryadav.com/data-protect-act-2018/',
    ],
    wordingChecked: false,
  },
  {
    id: 'DPA-S8-P4',
    kind: 'dpa_part3',
    title: 'DPA 2018 Sched 8 para 4: safeguarding of children and of individuals at risk',
    citation: 'Data Protection Act 2018, Schedule 8, paragraph 4',
    permits:
      'The Part 3 condition for sensitive processing by a competent authority where it is strictly necessary to protect a child or an adult at risk from neglect or harm, or to protect their well-being.',
    organisationTypes: orgs(POL, PROB, YOT),
    sources: ['https://rajivkumaryadav.com/data-protect-act-2018/'],
    wordingChecked: false,
  },
  {
    id: 'DPA-S2-P2',
    // Not a lawful basis but an exemption: recorded as the statutory power it gives to disclose.
    kind: 'statute_power',
    title: 'DPA 2018 Sched 2 para 2: crime and taxation exemption',
    citation: 'Data Protection Act 2018, Schedule 2, Part 1, paragraph 2',
    permits:
      'Allows disclosure, and restriction of transparency and subject access rights, to the extent that complying with them would be likely to prejudice the prevention or detection of crime or the prosecution of offenders.',
    organisationTypes: orgs(ALL),
    sources: [
      'https://www.pembrokeshire.gov.uk/data-protection-policy/data-protection-policy-appendix-c-exemptions',
      'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/right-of-access/what-other-exemptions-are-there',
    ],
    wordingChecked: false,
  },
];
