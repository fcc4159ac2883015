import type { Gateway } from './gateway.ts';
import { devon, rcgp, oftenListed } from './builtin-sources.ts';
import { ALL, CSC, LA, NHS, orgs, POL, PROB, PUBLIC_BODIES, SCH, VCS, YOT } from './organisation-groups.ts';

/**
 * Crime and justice statutes, general law, confidentiality and guidance of the built-in
 * catalogue (DOMAIN.md section 1 and its "other gateways often listed" paragraph). Paraphrases,
 * never statutory wording; none is marked as checked against legislation.gov.uk.
 */
const unchecked = { wordingChecked: false } as const;

export const generalGateways: readonly Gateway[] = [
  {
    id: 'DAA2021',
    kind: 'statute_duty',
    title: 'Domestic Abuse Act 2021',
    citation: 'Domestic Abuse Act 2021',
    permits:
      'Defines domestic abuse and recognises a child who sees, hears or experiences its effects as a victim in their own right; places duties on councils about support in safe accommodation and gives the Domestic Violence Disclosure Scheme guidance a statutory footing.',
    organisationTypes: orgs(LA, POL, NHS, SCH, VCS),
    sources: oftenListed,
    ...unchecked,
  },
  {
    id: 'CDA1998-S17',
    kind: 'statute_duty',
    title: 'Crime and Disorder Act 1998 s17: preventing crime and disorder',
    citation: 'Crime and Disorder Act 1998, section 17',
    permits:
      'Councils, police and other named authorities must exercise their functions with due regard to their likely effect on crime and disorder and to the need to do all they reasonably can to prevent it.',
    organisationTypes: orgs(LA, POL),
    sources: oftenListed,
    ...unchecked,
  },
  {
    id: 'CDA1998-S115',
    kind: 'statute_power',
    title: 'Crime and Disorder Act 1998 s115: disclosure to relevant authorities',
    citation: 'Crime and Disorder Act 1998, section 115',
    permits:
      'A power, not a duty, for any person to disclose information to a relevant authority (chief officer of police, council, probation, health bodies and others) where that is necessary or expedient for a purpose of the Act, such as reducing crime or youth justice. It does not override data protection law or confidentiality.',
    organisationTypes: orgs(POL, LA, PROB, NHS, YOT),
    sources: [
      'http://www.cps.gov.uk/publications/agencies/dv/gwent_info_app_2.html',
      'http://www.ethicsguidebook.ac.uk/Crime-and-Disorder-Act-113.html',
    ],
    ...unchecked,
  },
  {
    id: 'CJA2003-S325',
    kind: 'statute_duty',
    title: 'Criminal Justice Act 2003 s325: MAPPA',
    citation: 'Criminal Justice Act 2003, section 325',
    permits:
      'Police, probation and prisons, as the responsible authority, assess and manage the risks posed by sexual and violent offenders. The bodies listed in s325(6) (youth offending teams, councils including education and housing, NHS bodies and others) must co-operate, and s325(4) says co-operation may include exchanging information.',
    organisationTypes: orgs(POL, PROB, YOT, LA, NHS),
    sources: ['https://legislation.gov.uk/ukpga/2003/44/section/325/2013-04-01/data.html'],
    ...unchecked,
  },
  {
    id: 'PCSC2022-S16',
    kind: 'statute_power',
    title: 'Police, Crime, Sentencing and Courts Act 2022 s16: serious violence duty',
    citation: 'Police, Crime, Sentencing and Courts Act 2022, section 16',
    permits:
      'A power for specified authorities, policing bodies, educational, prison and youth custody authorities to share information for their serious violence duty functions. It does not authorise disclosing patient information, or personal information held by health or social care authorities, nor anything that would breach data protection law.',
    organisationTypes: orgs(LA, POL, YOT, PROB, SCH, NHS),
    sources: ['https://legislation.gov.uk/ukpga/2022/32/section/16/2022-08-01/data.xht'],
    ...unchecked,
  },
  {
    id: 'LGA2000-S2',
    kind: 'statute_power',
    title: 'Local Government Act 2000 s2: well-being power',
    citation: 'Local Government Act 2000, section 2',
    permits:
      'A power for councils to do anything they consider likely to promote the economic, social or environmental well-being of their area. Often listed in older agreements; in England it has largely been replaced by the general power of competence (Localism Act 2011), so check before relying on it.',
    organisationTypes: orgs(LA),
    sources: oftenListed,
    ...unchecked,
  },
  {
    id: 'MCA2005',
    kind: 'statute_power',
    title: 'Mental Capacity Act 2005',
    citation: 'Mental Capacity Act 2005',
    permits:
      'For people aged 16 and over: a person is assumed to have capacity unless shown otherwise; where someone lacks capacity to decide about sharing, a decision may be taken in their best interests. Relevant to consent from older young people and from parents who may lack capacity.',
    organisationTypes: orgs(ALL),
    sources: oftenListed,
    ...unchecked,
  },
  {
    id: 'HRA-A8',
    kind: 'statute_duty',
    title: 'Human Rights Act 1998: Article 8 (and Articles 2 and 3)',
    citation: 'Human Rights Act 1998, Schedule 1, Articles 2, 3 and 8',
    permits:
      'The right to respect for private and family life is qualified: interfering with it is lawful if it is in accordance with the law, necessary and proportionate for a legitimate aim such as protecting the rights of others or preventing crime. The rights to life and to freedom from inhuman treatment are absolute and weigh towards sharing.',
    organisationTypes: orgs(PUBLIC_BODIES),
    sources: ['http://www.nibconsulting.co.uk/seven-golden-rules-of-information-sharing/'],
    ...unchecked,
  },
  {
    id: 'CLDC',
    kind: 'common_law',
    title: 'Common law duty of confidentiality',
    citation: 'Common law duty of confidentiality',
    permits:
      'Information given in confidence may be disclosed with consent (explicit or, for direct care, implied), where the law requires or permits it (statute, court order), or where there is an overriding public interest such as protecting a child from significant harm. A data protection lawful basis does not by itself satisfy confidentiality: health must record the confidentiality justification separately.',
    organisationTypes: orgs(ALL),
    sources: [devon, rcgp],
    ...unchecked,
  },
  {
    id: 'CALDICOTT',
    kind: 'guidance',
    title: 'Caldicott Principles',
    citation: 'The eight Caldicott Principles (National Data Guardian, 2020)',
    permits:
      'Justify the purpose; use confidential information only when necessary; use the minimum necessary; access on a strict need-to-know basis; everyone understands their responsibilities; comply with the law; the duty to share for individual care is as important as the duty to protect confidentiality; tell patients and service users how their information is used. The Caldicott Guardian advises when there is doubt.',
    organisationTypes: orgs(NHS, CSC),
    sources: [
      'https://www.lhch.nhs.uk/caldicott-principles',
      'https://www.wwl.nhs.uk/caldicott-and-confidentiality',
    ],
    ...unchecked,
  },
  {
    id: 'WT2023',
    kind: 'guidance',
    title: 'Working Together to Safeguard Children 2023',
    citation:
      'Working Together to Safeguard Children 2023 (statutory guidance, Local Authority Social Services Act 1970, section 7)',
    permits:
      'Not a gateway in itself. Expects practitioners to share information proactively and early, says fears about sharing must not stand in the way of protecting children, and expects organisations to have clear sharing arrangements. Cited as the policy basis of Tier 1 agreements.',
    organisationTypes: orgs(ALL),
    sources: [
      'https://lincolnshirescb.proceduresonline.com/pr_sharing_info.htm',
      'https://www.darlington-safeguarding-partnership.co.uk/professionals/working-with-children/child-protection-procedures/information-sharing-and-consent',
    ],
    ...unchecked,
  },
  {
    id: 'DVDS-CLARES-LAW',
    kind: 'guidance',
    title: 'Domestic Violence Disclosure Scheme (“Clare’s Law”)',
    citation: 'Domestic Violence Disclosure Scheme, Home Office statutory guidance',
    permits:
      'Police may tell a person (the right to ask), or someone able to protect them (the right to know), about a partner’s history of abuse or violence where that is lawful, necessary and proportionate to protect them. Agencies may take part in the decision through the local multi-agency forum.',
    organisationTypes: orgs(POL, CSC, PROB),
    sources: oftenListed,
    ...unchecked,
  },
  {
    id: 'CSODS-SARAHS-LAW',
    kind: 'guidance',
    title: 'Child Sex Offender Disclosure Scheme (“Sarah’s Law”)',
    citation: 'Child Sex Offender Disclosure Scheme, Home Office guidance',
    permits:
      'Anyone may ask the police whether a person with access to a child has a record of child sexual offences; police may disclose to the person best placed to protect the child where that is lawful, necessary and proportionate, usually after consulting MAPPA partners.',
    organisationTypes: orgs(POL, PROB, CSC),
    sources: oftenListed,
    ...unchecked,
  },
];
