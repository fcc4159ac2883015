import type { RateLimitRule } from '../identity/rate-limiter.ts';

/**
 * How long a break-glass lasts and how often one user may break glass. DESIGN.md section 3 sets
 * "one child, one hour": a partnership may shorten the hour (TESSERA_BREAK_GLASS_MINUTES), never
 * lengthen it, since an emergency that lasts longer is one for a decision to share or a strategy
 * discussion, recorded as such. Three in a day is more than any practitioner meets in earnest and
 * few enough that breaking glass cannot become a way round the agreements
 * (TESSERA_BREAK_GLASS_PER_DAY).
 */
export interface BreakGlassSettings {
  readonly minutes: number;
  readonly perUser: RateLimitRule;
}

export const MAX_BREAK_GLASS_MINUTES = 60;

export const defaultBreakGlassSettings: BreakGlassSettings = {
  minutes: MAX_BREAK_GLASS_MINUTES,
  perUser: { limit: 3, windowMs: 24 * 60 * 60_000 },
};

/** The settings, held to the hour: a longer duration is refused at start-up, never used. */
export function breakGlassSettings(given: Partial<BreakGlassSettings> = {}): BreakGlassSettings {
  const minutes = given.minutes ?? defaultBreakGlassSettings.minutes;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_BREAK_GLASS_MINUTES)
    throw new Error(`a break-glass lasts from 1 to ${MAX_BREAK_GLASS_MINUTES} minutes, not ${minutes}`);
  return { minutes, perUser: given.perUser ?? defaultBreakGlassSettings.perUser };
}
