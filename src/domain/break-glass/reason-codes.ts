/**
 * Why someone may break glass, as data (DESIGN.md rule 4). Each is a case of vital interests:
 * processing "necessary to protect the vital interests of the data subject or of another natural
 * person" (UK GDPR Art 6(1)(d)), which the ICO keeps for matters of life and death where no other
 * basis is available, and for special category data only where the person is physically or
 * legally incapable of giving consent (Art 9(2)(c); DOMAIN.md section 1, UKGDPR-6-1-d and
 * UKGDPR-9-2-c). ICO 10 step guide, step 9: in an emergency do what is necessary and
 * proportionate, do not delay, and record afterwards (DOMAIN.md section 3).
 */
export const breakGlassReasonCodes = [
  'risk_to_life',
  'serious_harm_imminent',
  'missing_child',
  'unconscious_or_unable_to_consent',
] as const;
export type BreakGlassReasonCode = (typeof breakGlassReasonCodes)[number];

export const breakGlassReasonLabels = {
  risk_to_life: {
    label: 'A child’s life is at risk',
    hint: 'For example a suspected overdose, a serious injury, or a threat to kill',
  },
  serious_harm_imminent: {
    label: 'Serious harm is about to happen',
    hint: 'Significant harm that waiting for an agreement or a decision to share would let happen',
  },
  missing_child: {
    label: 'A child is missing and may be in danger',
    hint: 'Where the child may be, with whom, and what risks are known',
  },
  unconscious_or_unable_to_consent: {
    label: 'The child cannot give consent and needs urgent care',
    hint: 'Unconscious, or otherwise physically or legally unable to consent (UK GDPR Art 9(2)(c))',
  },
} as const satisfies Record<BreakGlassReasonCode, { label: string; hint: string }>;

export function isBreakGlassReasonCode(value: unknown): value is BreakGlassReasonCode {
  return typeof value === 'string' && (breakGlassReasonCodes as readonly string[]).includes(value);
}

/** The lawful bases every break-glass grant records: vital interests, Art 6 and Art 9. */
export const vitalInterestsGatewayIds = ['UKGDPR-6-1-d', 'UKGDPR-9-2-c'] as const;
