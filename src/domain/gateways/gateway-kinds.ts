/**
 * The kinds of legal gateway (DOMAIN.md section 1 design note). A statutory duty or power makes the
 * sharing part of an organisation's functions; a data protection condition makes the processing
 * lawful; common-law confidentiality needs its own justification. A decision to share normally
 * needs one of each, so they are typed separately and agreements validate the mix.
 */
export const gatewayKinds = [
  'statute_duty',
  'statute_power',
  'uk_gdpr_art6',
  'uk_gdpr_art9',
  'dpa_sched1',
  'uk_gdpr_art10',
  'dpa_part3',
  'common_law',
  'guidance',
] as const;
export type GatewayKind = (typeof gatewayKinds)[number];

export const gatewayKindLabels = {
  statute_duty: 'Statutory duty',
  statute_power: 'Statutory power',
  uk_gdpr_art6: 'UK GDPR Article 6 lawful basis',
  uk_gdpr_art9: 'UK GDPR Article 9 condition',
  dpa_sched1: 'DPA 2018 Schedule 1 condition',
  uk_gdpr_art10: 'UK GDPR Article 10 (criminal offence data)',
  dpa_part3: 'DPA 2018 Part 3 (law enforcement)',
  common_law: 'Common-law duty of confidentiality',
  guidance: 'Statutory or professional guidance',
} as const satisfies Record<GatewayKind, string>;

export function isGatewayKind(value: string): value is GatewayKind {
  return (gatewayKinds as readonly string[]).includes(value);
}
