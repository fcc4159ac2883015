import type { Concern, DataCategory, Edition, Setting, Situation } from './situation.ts';

/**
 * The situation made ready for the rules: defaults filled in, contradictions resolved toward the
 * safer path (issue 16: contradictory facts get a warning, never a crash), and the level of
 * concern derived once so rules stay one-line conditions.
 */
export type ConcernLevel = 'emergency' | 'child_protection' | 'unclear' | 'early_help' | 'none';

export interface Facts {
  readonly situation: Situation;
  readonly edition: Edition;
  readonly concern: Concern;
  readonly level: ConcernLevel;
  readonly health: boolean;
  readonly publicAuthority: boolean;
  readonly categories: ReadonlySet<DataCategory>;
  readonly consentGiven: boolean;
  readonly familyRisk: boolean;
  readonly age: number | undefined;
  readonly warnings: readonly string[];
}

const HEALTH: ReadonlySet<Setting> = new Set([
  'gp',
  'health_visitor',
  'midwifery',
  'school_nurse',
  'emergency_department',
  'sexual_health',
  'camhs',
]);
export const isHealthSetting = (s: string): boolean => HEALTH.has(s as Setting);

/** Charities are not public authorities (UK GDPR Art 6(1) final sentence; DUAA 2025 Art 6(1)(ea)). */
const NOT_PUBLIC: ReadonlySet<Setting> = new Set(['youth_charity']);

const EMPTY: Concern = {};

/** Facts that on their own meet the child protection threshold (Working Together 2023 ch 3; DOMAIN.md 2.7). */
function childProtectionFacts(c: Concern, age: number | undefined, unborn: boolean): boolean {
  return Boolean(
    c.significantHarmSuspected ||
    c.specificThreat ||
    c.disclosureByChild ||
    c.exploitation ||
    c.exploitationIndicators ||
    c.radicalisation ||
    c.under13Sexual ||
    (c.sexualActivityPeerAge && age !== undefined && age < 13) ||
    c.injuryNonMobileBaby ||
    c.householdMemberChildSexOffender ||
    c.violentOffenderInHousehold ||
    c.domesticAbuse ||
    c.domesticAbuseIncidentChildPresent ||
    (unborn && c.previousChildRemoved),
  );
}

export function toFacts(situation: Situation, edition: Edition): Facts {
  const warnings: string[] = [];
  const concern = situation.concern ?? EMPTY;
  const child = situation.child ?? {};
  let age = child.age;
  if (child.unborn && age !== undefined) {
    warnings.push('contradiction_unborn_with_age: the age is set aside for an unborn baby');
    age = undefined;
  }
  // An unborn baby is not a data subject: what is shared is the expectant mother's information.
  if (child.unborn) warnings.push('unborn_baby_data_is_the_mothers');
  const emergency = Boolean(concern.immediateDanger || concern.riskToLife);
  const protection = childProtectionFacts(concern, age, Boolean(child.unborn));
  const lowClaims = concern.belowThreshold || concern.earlyHelpOnly;
  if (emergency && (lowClaims || concern.thresholdUnclear))
    warnings.push('contradiction_danger_below_threshold: immediate danger is taken as true, the safer path');
  else if (protection && lowClaims)
    warnings.push(
      'contradiction_harm_below_threshold: the child protection facts are taken as true, the safer path',
    );
  if (concern.under13Sexual && age !== undefined && age >= 13)
    warnings.push('contradiction_under13_with_age: treated as sexual activity involving a child under 13');
  const consent = situation.consent ?? {};
  if (consent.status === 'given' && consent.seekingWouldIncreaseRisk)
    warnings.push('contradiction_consent_given_but_unsafe_to_seek: the consent given is recorded');
  const level: ConcernLevel = emergency
    ? 'emergency'
    : protection
      ? 'child_protection'
      : concern.thresholdUnclear || concern.neglectIndicators
        ? 'unclear'
        : lowClaims || concern.selfHarmLowRisk || concern.sexualActivityPeerAge
          ? 'early_help'
          : 'none';
  const categories = new Set<DataCategory>(situation.dataCategories ?? ['personal']);
  const health = isHealthSetting(situation.setting);
  if (health) categories.add('health_confidential');
  return {
    situation,
    edition,
    concern,
    level,
    health,
    publicAuthority: situation.sharerIsPublicAuthority ?? !NOT_PUBLIC.has(situation.setting),
    categories,
    consentGiven: consent.status === 'given',
    familyRisk: Boolean(situation.informingFamilyWouldIncreaseRisk || situation.requester?.allegedAbuser),
    age,
    warnings,
  };
}
