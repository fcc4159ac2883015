import { DomainError } from '../shared/errors.ts';

/**
 * NCSC password guidance: favour length over complexity rules, and block the passwords attackers
 * try first. Twelve characters admits "three random words" while refusing short guessable ones.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const commonPasswords = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  '123456789012',
  '1234567890123',
  'qwertyuiop12',
  'qwertyuiopas',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'administrator',
  'changeme1234',
  'football1234',
  'monkey123456',
  'sunshine1234',
  'trustno11234',
  'aaaaaaaaaaaa',
  'abcdefghijkl',
  'abc123abc123',
  'qwerty123456',
  'liverpool123',
  'chelsea12345',
  'arsenal12345',
  'manchester12',
  'summer202020',
  'winter202020',
  'spring202020',
  'autumn202020',
  'password2024',
  'password2025',
  'password2026',
  'welcome2024!',
  'welcome2025!',
  'welcome2026!',
  'safeguarding',
]);

export function passwordProblem(
  password: string,
  context: { email?: string; displayName?: string },
): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered) || /^(.)\1+$/.test(password)) return 'Password is too easy to guess';
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lowered.includes(localPart))
    return 'Password must not contain your email address';
  const names = (context.displayName ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((n) => n.length >= 4);
  if (names.some((n) => lowered.includes(n))) return 'Password must not contain your name';
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
