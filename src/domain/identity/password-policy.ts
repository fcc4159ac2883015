import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as commonWords from '@zxcvbn-ts/language-common';
import * as englishWords from '@zxcvbn-ts/language-en';
import { DomainError } from '../shared/errors.ts';

/**
 * NCSC password guidance: favour length over complexity rules, and block the passwords attackers
 * try first. Twelve characters admits "three random words" while refusing short guessable ones.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * The lowest zxcvbn score accepted: 4, about 10^10 guesses or more ("very unguessable: strong
 * protection from an offline slow-hash attack"), since a stolen database of argon2 hashes is
 * the case to defend for accounts that reach child protection data. Score 3 (10^8) still let
 * through season-and-year passwords such as "Summer2026!!". Three random words score 4
 * ("kettle orchard lantern": about 10^16); `Password1234!` scores 1.
 */
export const MIN_PASSWORD_SCORE = 4;

/** Words an attacker aims at this service first, beside the user's own name and email. */
const serviceWords = ['tessera', 'northshire', 'safeguarding', 'partnership', 'children'];

// Built on first use and kept: the dictionaries (the common-passwords list of
// @zxcvbn-ts/language-common, English words, names and Wikipedia terms of language-en) take about
// 0.4 s to load, and the estimator holds nothing but that data.
let estimator: ZxcvbnFactory | undefined;
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonWords.dictionary, ...englishWords.dictionary },
    graphs: commonWords.adjacencyGraphs,
    translations: englishWords.translations,
  });
  return estimator;
}

/**
 * Why a password is refused, or undefined: too short or too long, containing the holder's
 * email or name, or too easy to guess by the zxcvbn estimate, which knows the common-password
 * lists, dictionary words with l33t substitutions, keyboard walks, dates and repeats (NCSC:
 * "use a deny list of the most common passwords"; NIST SP 800-63B 5.1.1.2).
 */
export function passwordProblem(
  password: string,
  context: { email?: string; displayName?: string },
): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const lowered = password.toLowerCase();
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lowered.includes(localPart))
    return 'Password must not contain your email address';
  const names = (context.displayName ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((n) => n.length >= 4);
  if (names.some((n) => lowered.includes(n))) return 'Password must not contain your name';
  const userWords = [...serviceWords, ...names, ...(localPart ? localPart.split(/[^a-z0-9]+/) : [])];
  const { score } = strengthEstimator().check(
    password,
    userWords.filter((w) => w.length >= 3),
  );
  if (score < MIN_PASSWORD_SCORE)
    return 'Password is too easy to guess: try three random words, such as "kettle orchard lantern"';
  return undefined;
}

export function assertAcceptablePassword(
  field: string,
  password: string,
  context: { email?: string; displayName?: string },
): void {
  const problem = passwordProblem(password, context);
  if (problem)
    throw new DomainError('validation_failed', 'Choose a stronger password', {
      fields: [{ field, problem }],
    });
}
