/**
 * Whether a share rests on consent, from the gateways it cites (gateway catalogue ids). Consent
 * can be withdrawn at any time and the withdrawal stops further processing on that basis (UK GDPR
 * Art 7(3)); shares on another basis (public task, legal obligation, the safeguarding condition of
 * DPA 2018 Sched 1 para 18) are not stopped by it, which is why the 2018 and 2024 advice warn
 * against relying on consent for safeguarding (DOMAIN.md 2).
 */
const ART6_PREFIX = 'UKGDPR-6-1-';
const ART6_CONSENT = 'UKGDPR-6-1-a';

/** True when consent is the only Article 6 basis cited: without it the share has no basis. */
export function restsOnConsent(gatewayIds: readonly string[]): boolean {
  const art6 = gatewayIds.filter((id) => id.startsWith(ART6_PREFIX));
  return art6.length > 0 && art6.every((id) => id === ART6_CONSENT);
}
