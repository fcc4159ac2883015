import type { Rule } from './rule.ts';
import { basisRules } from './rules/basis-rules.ts';
import { consentRules } from './rules/consent-rules.ts';
import { familyRules, familyRules2018 } from './rules/family-rules.ts';
import { protectionRules } from './rules/protection-rules.ts';
import { recordRules } from './rules/record-rules.ts';
import { requestRules } from './rules/request-rules.ts';
import { urgentRules } from './rules/urgent-rules.ts';

/**
 * The order the rules are applied in. The first rule to name an outcome decides it, so the order
 * is the guidance's order of priority: immediate danger first (ICO step 9), then who is asking,
 * then the child protection threshold, then the consent-based path, and last "no purpose". The
 * basis, family and record rules then read the outcome decided.
 */
export const RULE_ORDER: readonly Rule[] = [
  ...urgentRules,
  ...requestRules,
  ...protectionRules,
  ...consentRules,
  ...basisRules,
  ...familyRules2018,
  ...familyRules,
  ...recordRules,
];
