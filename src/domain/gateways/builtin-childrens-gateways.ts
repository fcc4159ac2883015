import type { Gateway } from './gateway.ts';
import { devon, london, cambs, oftenListed } from './builtin-sources.ts';
import { ALL, CSC, LA, NHS, orgs, POL, PROB, SCH, VCS, YOT } from './organisation-groups.ts';

/**
 * The children's and education statutes of the built-in catalogue (DOMAIN.md section 1). Every
 * `permits` is a paraphrase, never statutory wording; `wordingChecked` stays false until someone
 * compares it with legislation.gov.uk. Sources are the addresses DOMAIN.md gives, or the
 * section's own page on legislation.gov.uk where DOMAIN.md gives none.
 */
const unchecked = { wordingChecked: false } as const;

export const childrensGateways: readonly Gateway[] = [
  {
    id: 'CA1989-S17',
    kind: 'statute_duty',
    title: 'Children Act 1989 s17: children in need',
    citation: 'Children Act 1989, section 17',
    permits:
      'A general duty on the local authority to safeguard and promote the welfare of children in need in its area and, consistent with that, to promote their upbringing by their families. It is the basis for child in need assessments and services, so sharing to assess a child or provide s17 services is within the council’s functions; other agencies share in support.',
    organisationTypes: orgs(LA),
    sources: [devon, 'https://studylib.net/doc/7785991/working-together-to-safeguard-children--word-'],
    ...unchecked,
  },
  {
    id: 'CA1989-S22',
    kind: 'statute_duty',
    title: 'Children Act 1989 s22: looked-after children',
    citation: 'Children Act 1989, section 22',
    permits:
      'A duty on the local authority to safeguard and promote the welfare of each child it looks after. Sharing what the council needs to care for, plan for and review a looked-after child is within its functions; carers, schools and health services share in support.',
    organisationTypes: orgs(CSC),
    sources: ['https://www.legislation.gov.uk/ukpga/1989/41/section/22'],
    ...unchecked,
  },
  {
    id: 'CA1989-S27',
    kind: 'statute_duty',
    title: 'Children Act 1989 s27: co-operation between authorities',
    citation: 'Children Act 1989, section 27',
    permits:
      'A local authority may ask another local authority, a local housing authority or an NHS body for specified help with its functions for children in need; the body asked must help where that is compatible with its own duties and does not unduly prejudice its functions. Courts have held that it applies between separate authorities, not between departments of one unitary council, though co-operation is still expected.',
    organisationTypes: orgs(LA, NHS),
    sources: [
      'https://legislation.gov.uk/ukpga/1989/41/section/27/1991-11-19/data.htm?view=plain',
      'http://www.jordanpublishing.co.uk/practice-areas/public-law/news_and_comment/m-and-a-v-london-borough-of-islington-2016-ewhc-332-admin',
    ],
    ...unchecked,
  },
  {
    id: 'CA1989-S46',
    kind: 'statute_power',
    title: 'Children Act 1989 s46: police protection',
    citation: 'Children Act 1989, section 46',
    permits:
      'Where a constable has reasonable cause to believe that a child would otherwise be likely to suffer significant harm, the constable may remove the child to suitable accommodation or stop the child being removed from a safe place. The police must then tell the local authority, the child and the parents what has been done and why, so sharing with children’s social care follows from the power.',
    organisationTypes: orgs(POL, CSC),
    sources: ['https://www.legislation.gov.uk/ukpga/1989/41/section/46'],
    ...unchecked,
  },
  {
    id: 'CA1989-S47',
    kind: 'statute_duty',
    title: 'Children Act 1989 s47: child protection enquiries',
    citation: 'Children Act 1989, section 47',
    permits:
      'Where a child in the area is subject to an emergency protection order or police protection, or there is reasonable cause to suspect that a child is suffering or likely to suffer significant harm, the local authority must make the enquiries it needs to decide whether to act. Listed bodies (other councils, education, housing, health) must help with information and advice unless that would be unreasonable; all agencies are expected to assist.',
    organisationTypes: orgs(LA, POL, NHS, SCH),
    sources: [
      devon,
      'https://sussexchildprotection.procedures.org.uk/lkysyt/response-to-child-protection-referrals/section-47-enquiries',
    ],
    ...unchecked,
  },
  {
    id: 'CA2004-S10',
    kind: 'statute_duty',
    title: 'Children Act 2004 s10: co-operation to improve well-being',
    citation: 'Children Act 2004, section 10',
    permits:
      'The local authority must make arrangements to promote co-operation with its relevant partners (police, probation, youth offending teams, the ICB and NHS, schools and others) to improve the well-being of children, including protection from harm and neglect, and the partners must co-operate. Supports routine and early help sharing.',
    organisationTypes: orgs(LA, POL, PROB, YOT, NHS, SCH),
    sources: [london, cambs],
    ...unchecked,
  },
  {
    id: 'CA2004-S11',
    kind: 'statute_duty',
    title: 'Children Act 2004 s11: safeguarding in each body’s functions',
    citation: 'Children Act 2004, section 11',
    permits:
      'Named bodies must make sure that their functions, and services they contract out, are discharged having regard to the need to safeguard and promote the welfare of children. This makes sharing for safeguarding part of the functions of each listed body (councils, police, the NHS, probation, youth offending teams, prisons and others).',
    organisationTypes: orgs(LA, POL, NHS, PROB, YOT),
    sources: [london],
    ...unchecked,
  },
  {
    id: 'CA2004-S16E',
    kind: 'statute_duty',
    title: 'Children Act 2004 s16E: local safeguarding arrangements',
    citation: 'Children Act 2004, section 16E (inserted by the Children and Social Work Act 2017)',
    permits:
      'The three safeguarding partners (the local authority, the ICB and the chief officer of police) must make arrangements to work together, with the relevant agencies they consider appropriate, to safeguard and promote the welfare of children in the area, including arrangements to identify and respond to their needs. The basis for MASH and partnership arrangements.',
    organisationTypes: orgs(LA, ['integrated_care_board'], POL, SCH),
    sources: ['https://legislation.gov.uk/ukpga/2004/31/section/16E/data.html'],
    ...unchecked,
  },
  {
    id: 'CA2004-S16H',
    kind: 'statute_duty',
    title: 'Children Act 2004 s16H: information requests by safeguarding partners',
    citation: 'Children Act 2004, section 16H',
    permits:
      'A safeguarding partner may ask any person or body to supply specified information for the functions of the local arrangements; the person asked must comply, enforceably by injunction, and the information may be used only for that purpose. Section 16N mirrors this for child death review partners.',
    organisationTypes: orgs(ALL),
    sources: [
      cambs,
      'https://search-prototype.herokuapp.com/search-prototype/objects?object=http%3A%2F%2Fhansard.intranet.data.parliament.uk%2FLords%2F2016-07-11%2F1607127000600',
    ],
    ...unchecked,
  },
  {
    id: 'CSWA2017',
    kind: 'statute_duty',
    title: 'Children and Social Work Act 2017',
    citation: 'Children and Social Work Act 2017',
    permits:
      'Inserted the safeguarding partner arrangements into the Children Act 2004 (ss16E to 16P) and set corporate parenting principles for councils’ care of looked-after children and care leavers. Cited in Tier 1 agreements as the source of the partnership’s duties.',
    organisationTypes: orgs(LA, ['integrated_care_board'], POL),
    sources: oftenListed,
    ...unchecked,
  },
  {
    id: 'VPA2024-OPENCOMPASS',
    kind: 'statute_duty',
    title: 'Victims and Prisoners Act 2024: Operation Encompass duty',
    citation:
      'Victims and Prisoners Act 2024 (Operation Encompass duty); Home Office statutory guidance, November 2025',
    permits:
      'A duty on police forces in England and Wales to tell a child’s educational setting (from reception to age 17, including independent schools, PRUs, FE and 16 to 19 academies) and, where relevant, the local authority about a police-attended domestic abuse incident involving the child, before the next school day. The notice is minimal (child, date and time, whether present, police reference, brief circumstances); schools are generally asked not to raise the notice with parents.',
    organisationTypes: orgs(POL, SCH, LA),
    sources: [
      'https://www.policypartnersproject.co.uk/operation-encompass',
      'https://www.hillmortonprimaryschool.com/operation-encompass',
      'https://lincolnshirescp.trixonline.co.uk/chapter/lscp-joint-protocol-for-operation-encompass',
      'https://thelink.slough.gov.uk/safeguarding/safeguarding-projects/operation-encompass',
    ],
    ...unchecked,
  },
  {
    id: 'EA2002-S175',
    kind: 'statute_duty',
    title: 'Education Act 2002 s175: safeguarding in education',
    citation: 'Education Act 2002, section 175',
    permits:
      'Councils (in their education functions), governing bodies of maintained schools and further education institutions must exercise their functions with a view to safeguarding and promoting the welfare of children and pupils, put into practice through Keeping Children Safe in Education and the designated safeguarding lead.',
    organisationTypes: orgs(SCH, ['council_education']),
    sources: [london, 'http://greatermanchesterscb.proceduresonline.com/chapters/p_legal_fw.html'],
    ...unchecked,
  },
  {
    id: 'ISS2014-P3-7',
    kind: 'statute_duty',
    title: 'Independent School Standards: safeguarding (Part 3 para 7)',
    citation:
      'Education (Independent School Standards) Regulations 2014, Schedule Part 3 paragraph 7 (made under the Education and Skills Act 2008, section 94)',
    permits:
      'The standard for independent schools in England, which include academies and free schools: the proprietor must make arrangements to safeguard and promote pupils’ welfare, having regard to the Secretary of State’s guidance (KCSIE). Education Act 2002 s157 is only the older, and Welsh, power to set such standards.',
    organisationTypes: orgs(SCH),
    sources: ['https://legislation.gov.uk/uksi/2014/3283/schedule/part/3'],
    ...unchecked,
  },
  {
    id: 'EPI2005',
    kind: 'statute_duty',
    title: 'Education (Pupil Information) (England) Regulations 2005',
    citation: 'Education (Pupil Information) (England) Regulations 2005',
    permits:
      'When a pupil moves school, the old school must pass the pupil’s records to the new one, and parents may see their child’s educational record. Often cited for moving safeguarding files with a child.',
    organisationTypes: orgs(SCH, ['council_education']),
    sources: oftenListed,
    ...unchecked,
  },
  {
    id: 'CCA2006',
    kind: 'statute_duty',
    title: 'Childcare Act 2006',
    citation: 'Childcare Act 2006',
    permits:
      'Duties on English councils to improve the well-being of young children and reduce inequalities, working with the NHS and Jobcentre Plus to provide early childhood services in an integrated way. Cited for sharing with early years and children’s centre services.',
    organisationTypes: orgs(LA, NHS, VCS),
    sources: oftenListed,
    ...unchecked,
  },
];
