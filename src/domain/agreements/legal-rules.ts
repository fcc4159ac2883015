import type { GatewayKind } from '../gateways/gateway-kinds.ts';
import type { OrganisationType } from '../partnership/roles.ts';
import type { FieldGroup } from '../policy/field-groups.ts';
import type { Purpose } from '../policy/purposes.ts';

/**
 * The facts of law the agreement checks rest on, kept as data in one place. Gateway ids are those
 * of the catalogue (DOMAIN.md section 1).
 */

/**
 * Every organisation type but a charity is a public authority for UK GDPR purposes (councils,
 * police, NHS bodies, youth justice, probation, housing authorities and, as this service treats
 * them, schools and academies).
 */
export function isPublicAuthority(type: OrganisationType): boolean {
  return type !== 'charity';
}

/**
 * Art 6(1)(f) may not be relied on by public authorities in performing their tasks (UK GDPR
 * Art 6(1), last paragraph); the Data (Use and Access) Act 2025 s70(2)(c) extends that exclusion
 * to the recognised legitimate interests of Art 6(1)(ea).
 */
export const legitimateInterestBases = {
  'UKGDPR-6-1-f': 'legitimate interests (Art 6(1)(f)); UK GDPR Art 6(1), last paragraph',
  'UKGDPR-6-1-ea': 'recognised legitimate interests (Art 6(1)(ea)); Data (Use and Access) Act 2025 s70(2)(c)',
} as const satisfies Record<string, string>;

/**
 * Bases that exist only from a date: the recognised legitimate interests of Art 6(1)(ea) came
 * into force on 5 February 2026 (Data (Use and Access) Act 2025; SI 2026/82; DOMAIN.md).
 */
export const basisInForceFrom: Readonly<Record<string, { date: string; source: string }>> = {
  'UKGDPR-6-1-ea': { date: '2026-02-05', source: 'Data (Use and Access) Act 2025, SI 2026/82' },
};

/** Consent as a lawful basis or as an Art 9 condition. */
export const consentConditions = new Set(['UKGDPR-6-1-a', 'UKGDPR-9-2-a']);

/** Early help rests on the family's agreement; every other purpose is safeguarding. */
export const consentBasedPurposes: ReadonlySet<Purpose> = new Set<Purpose>(['early_help']);

export const consentWarning =
  'Consent is unlikely to be the right basis for sharing to safeguard a child. HM Government’s ' +
  'advice (May 2024, golden rule 3) says you do not need consent to share where a child is at ' +
  'risk or perceived risk of harm, and that consent may not be the appropriate basis; the ICO’s ' +
  '10 step guide (step 8) says not to assume consent but to use the right lawful basis, such as ' +
  'public task or legal obligation. If consent is withheld or withdrawn the sharing must stop.';

/**
 * Health data carries a common-law duty of confidence as well as data protection law: a lawful
 * basis does not by itself justify breaching confidence (DOMAIN.md section 1, CLDC). SEN records
 * describe health needs, so they count.
 */
export const healthFieldGroups: ReadonlySet<FieldGroup> = new Set<FieldGroup>([
  'physical_health',
  'mental_health',
  'sexual_health',
  'special_educational_needs',
]);

/**
 * DPA 2018 s10(2): Art 9(2)(b), (h), (i) and (j) are met only with a condition in Schedule 1
 * Part 1 (paras 1, 2, 3 and 4 respectively); s10(3): Art 9(2)(g) only with a Part 2 condition.
 */
export const art9Sched1Requirement: Readonly<Record<string, { part: 1 | 2; paragraph?: number }>> = {
  b: { part: 1, paragraph: 1 },
  g: { part: 2 },
  h: { part: 1, paragraph: 2 },
  i: { part: 1, paragraph: 3 },
  j: { part: 1, paragraph: 4 },
};

/** The point of Art 9(2) an id names ("UKGDPR-9-2-h" → "h"), if it follows the catalogue's form. */
export function art9Point(gatewayId: string): string | undefined {
  return /^UKGDPR-9-2-([a-j])$/.exec(gatewayId)?.[1];
}

/** The paragraph of DPA 2018 Schedule 1 an id names ("DPA-S1-P18" → 18). */
export function sched1Paragraph(gatewayId: string): number | undefined {
  const match = /^DPA-S1-P(\d+)$/.exec(gatewayId);
  return match ? Number(match[1]) : undefined;
}

/** Schedule 1 Part 1 is paras 1 to 4; Part 2 (substantial public interest) paras 5 to 28. */
export function sched1Part(paragraph: number): 1 | 2 | 3 {
  if (paragraph <= 4) return 1;
  if (paragraph <= 28) return 2;
  return 3;
}

/**
 * Sched 1 para 5 and Part 4: most Part 2 conditions (and para 1) need an appropriate policy
 * document; para 2 (health or social care) does not (DOMAIN.md "Checked facts").
 */
export function sched1NeedsPolicyDocument(paragraph: number): boolean {
  return paragraph === 1 || (paragraph >= 6 && paragraph <= 28);
}

/** The kinds each gateway field of a flow accepts. */
export const flowGatewayKinds = {
  art6BasisId: ['uk_gdpr_art6'],
  art9ConditionId: ['uk_gdpr_art9'],
  art9Sched1ConditionId: ['dpa_sched1'],
  art10ConditionId: ['uk_gdpr_art10'],
  art10Sched1ConditionId: ['dpa_sched1'],
  statutoryGatewayIds: ['statute_duty', 'statute_power'],
  confidentialityGatewayId: ['common_law'],
} as const satisfies Record<string, readonly GatewayKind[]>;
