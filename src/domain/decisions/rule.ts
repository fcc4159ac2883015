import type { Contribution, Outcome } from './answer.ts';
import type { Facts } from './facts.ts';
import type { Edition } from './situation.ts';

/**
 * A rule of the guidance held as data: which editions it belongs to, the paragraph it comes
 * from, when it applies and what it adds. Rules are applied in the order of RULE_ORDER
 * (evaluate-situation.ts); the first rule to name an outcome decides it, so the safer rules come
 * first.
 */
export interface Rule {
  readonly id: string;
  readonly editions: readonly Edition[];
  /** The paragraph, rule, box or step of the guidance; one per edition where they differ. */
  readonly citation: string | { readonly '2018': string; readonly '2024': string };
  /** One plain sentence for the step list. */
  readonly note: string;
  readonly when: (facts: Facts, outcomeSoFar: Outcome | undefined) => boolean;
  readonly then: Contribution | ((facts: Facts, outcomeSoFar: Outcome | undefined) => Contribution);
}

export const BOTH: readonly Edition[] = ['2018', '2024'];
export const ONLY_2018: readonly Edition[] = ['2018'];
export const ONLY_2024: readonly Edition[] = ['2024'];

export const SHARING_OUTCOMES: ReadonlySet<Outcome | undefined> = new Set([
  'share',
  'share_without_consent',
  'share_limited',
]);
