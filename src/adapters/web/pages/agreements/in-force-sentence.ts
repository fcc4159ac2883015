import { plainDate } from '../../../../domain/shared/plain-date.ts';

/**
 * Whether a version applies now, in words. A version signed by every party but not yet started is
 * not in force (find-flows-in-force.ts shares nothing under it), so it must not read as if it were.
 */
export function inForceSentence(a: {
  versionInForce: number | null;
  status: string;
  startDate: string;
}): string {
  if (a.versionInForce === null) return 'No version is in force.';
  if (a.status === 'signed_not_started')
    return `Version ${a.versionInForce} is signed by every party and comes into force on ${plainDate(a.startDate)}.`;
  return `Version ${a.versionInForce} is in force.`;
}
