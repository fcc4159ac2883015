/**
 * What a reviewer may conclude of a break-glass (Caldicott principle 8; UK GDPR Art 5(2)):
 * justified; not justified, and referred (to the user's manager and, if need be, as a personal
 * data breach under Art 33); or more information needed, which keeps the review open.
 */
export const breakGlassReviewOutcomes = [
  'justified',
  'not_justified_referred',
  'needs_more_information',
] as const;
export type BreakGlassReviewOutcome = (typeof breakGlassReviewOutcomes)[number];

export const breakGlassOutcomeLabels = {
  justified: 'Justified',
  not_justified_referred: 'Not justified: referred',
  needs_more_information: 'More information needed',
} as const satisfies Record<BreakGlassReviewOutcome, string>;
