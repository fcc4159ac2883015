import type { Edition } from './situation.ts';

/**
 * Which edition of HM Government's information sharing advice a partnership's decision path
 * follows when the practitioner does not choose one. The May 2024 edition replaced July 2018, so
 * every partnership uses 2024 until partnership settings hold the choice (issue 16 point 1: a
 * simple per-partnership default for now).
 */
const DEFAULT_EDITION: Edition = '2024';

export function getPartnershipEdition(choices: ReadonlyMap<string, Edition>, partnershipId: string): Edition {
  return choices.get(partnershipId) ?? DEFAULT_EDITION;
}
