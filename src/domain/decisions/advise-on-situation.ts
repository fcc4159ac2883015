import type { Answer } from './answer.ts';
import { evaluateSituation } from './evaluate-situation.ts';
import { getPartnershipEdition } from './partnership-edition.ts';
import type { Edition, Situation } from './situation.ts';

/** No partnership has chosen an edition yet; each gets the default (partnership-edition.ts). */
const NO_CHOICES: ReadonlyMap<string, Edition> = new Map();

/**
 * The guidance's answer for a practitioner of a partnership: the edition asked for, or the
 * partnership's. Records nothing: a decision is recorded separately, by the practitioner.
 */
export function adviseOnSituation(
  partnershipId: string,
  situation: Situation,
  editionChoices: ReadonlyMap<string, Edition> = NO_CHOICES,
): Answer {
  return evaluateSituation(
    situation,
    situation.edition ?? getPartnershipEdition(editionChoices, partnershipId),
  );
}
