/**
 * How rules cite their source. The golden rules and flowchart boxes are numbered as in DOMAIN.md
 * sections 2.1, 2.2 and 2.4; the ICO steps as in section 3. Wording in the guidance was
 * paraphrased there, so citations name the rule, box or step, never quote it.
 */
export const gr2018 = (n: number): string =>
  `HM Government information sharing advice (July 2018), golden rule ${n}`;
export const gr2024 = (n: number): string =>
  `HM Government information sharing advice (May 2024), golden rule ${n}`;
export const flow2018 = (box: number): string =>
  `HM Government information sharing advice (July 2018), flowchart box ${box}`;
export const flow2024 = (step: string): string =>
  `Tessera's 2024 path (DOMAIN.md 2.4, synthesis of the May 2024 golden rules): ${step}`;
export const ico = (step: number): string =>
  `ICO, 10 step guide to sharing information to safeguard children (2023), step ${step}`;
export const principle = (name: string): string =>
  `HM Government information sharing advice (2018 and 2024), principle: ${name}`;
export const WT2023_REFERRAL =
  'Working Together to Safeguard Children 2023, chapter 3 (referral to local authority children’s social care)';
export const WT2023_S47 =
  'Working Together to Safeguard Children 2023, chapter 3 (strategy discussion and section 47 enquiries)';
export const SOA2003 = 'Sexual Offences Act 2003 ss5–8 (a child under 13 cannot consent); DOMAIN.md 2.7';
export const GILLICK =
  'Gillick v West Norfolk and Wisbech AHA [1985] UKHL 7 (Fraser guidelines); DOMAIN.md 2.7';
export const KCSIE_TRANSFER =
  'Keeping Children Safe in Education 2024, Part 2 (child protection file sent separately within 5 school days, receipt obtained); DOMAIN.md 2.7';
export const ENCOMPASS =
  'Victims and Prisoners Act 2024 (Operation Encompass): school told before the next school day; DOMAIN.md 2.7';
export const CPIS =
  'NHS England CP-IS: unscheduled care tells the child’s council when a flagged child attends; DOMAIN.md 2.7';
export const SCHED2 = 'DPA 2018 Sched 2 para 2: permits, never compels, disclosure for crime; DOMAIN.md 2.7';
export const VERIFY =
  'Verify a caller through the organisation’s published switchboard before sharing; DOMAIN.md 2.7';
export const DPA_S3_P5 =
  'DPA 2018 Sched 3 Pt 5: child abuse data may be withheld from a person with parental responsibility';
export const SSCP = 'SSCP, Understanding Information Sharing and Consent (seeds/004)';
export const TEES_7 =
  'Tees multi-agency information sharing protocol (seeds/003); DOMAIN.md 7 (minimisation)';
export const MASH_CHECKS = 'DOMAIN.md 6: MASH flow, partner agency checks';
