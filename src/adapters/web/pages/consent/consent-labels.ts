// Words for a consent's codes, from the domain's own vocabularies (domain/consent/consent-terms.ts).
import { parentalResponsibilityRoutes } from '../../../../domain/consent/consent-terms.ts';
import { fieldGroupDefinitions, isFieldGroup } from '../../../../domain/policy/field-groups.ts';
import { isPurpose, purposeDefinitions } from '../../../../domain/policy/purposes.ts';
import type { Consent } from '../../api-types.ts';
import { plainDate } from '../../../../domain/shared/plain-date.ts';

export const giverOptions = [
  { value: 'person_with_parental_responsibility', label: 'A person with parental responsibility' },
  { value: 'child', label: 'The child', hint: 'Only if their competence to decide has been assessed' },
];

export const formOptions = [
  { value: 'written', label: 'In writing' },
  { value: 'verbal', label: 'Verbally' },
];

export const competenceOptions = [
  { value: 'gillick', label: 'Gillick competence' },
  { value: 'fraser', label: 'Fraser guidelines', hint: 'Contraception and sexual health' },
];

export const parentalResponsibilityOptions = Object.entries(parentalResponsibilityRoutes).map(
  ([value, label]) => ({ value, label }),
);

export const purposeLabel = (p: string) => (isPurpose(p) ? purposeDefinitions[p].label : p);
export const fieldGroupLabel = (g: string) => (isFieldGroup(g) ? fieldGroupDefinitions[g].label : g);

/** Who gave a consent, in words: "Kelly Taylor (Mother)" or "The child (Gillick competence)". */
export function givenByWords(c: Consent): string {
  if (c.givenBy === 'child')
    return `The child (${c.competence?.test === 'fraser' ? 'Fraser guidelines' : 'Gillick competence'})`;
  return c.giver ? `${c.giver.name} (${c.giver.relationship})` : 'A person with parental responsibility';
}

export function consentStatus(c: Consent): string {
  if (c.withdrawal) return `Withdrawn ${plainDate(c.withdrawal.at.slice(0, 10))}`;
  if (c.inForce) return 'In force';
  return Date.parse(c.expiresAt) <= Date.now() ? 'Expired' : 'Not yet in force';
}
