import type { AgreementStatus } from './agreement-terms.ts';
import { londonDate } from './calendar-dates.ts';
import type { AgreementRecord, SuspensionRecord, VersionRecord } from './load-agreements.ts';

/**
 * Status is derived, never stored beyond draft → awaiting signatures → active → superseded:
 * "review due" and "expired" follow from the dates, "suspended" and "terminated" from the dated
 * acts on the agreement. Deriving it means an agreement expires at midnight without a job.
 */

export function latestVersion(a: AgreementRecord): VersionRecord {
  const v = a.versions.at(-1);
  if (!v) throw new Error(`agreement ${a.id} has no versions`);
  return v;
}

/** The version that is (or was last) in force: the newest ever activated and not superseded. */
export function activeVersion(a: AgreementRecord): VersionRecord | undefined {
  return a.versions.findLast((v) => v.status === 'active');
}

/** What a person means by "the agreement": the version in force, or failing that the newest. */
export function currentVersion(a: AgreementRecord): VersionRecord {
  return activeVersion(a) ?? latestVersion(a);
}

/** The draft or awaiting-signatures version that is not (yet) in force, if any. */
export function pendingVersion(a: AgreementRecord): VersionRecord | undefined {
  const latest = latestVersion(a);
  return latest.status === 'draft' || latest.status === 'awaiting_signatures' ? latest : undefined;
}

export function openSuspension(a: AgreementRecord): SuspensionRecord | undefined {
  return a.suspensions.find((s) => s.resumedAt === null);
}

function suspendedAt(a: AgreementRecord, at: Date): boolean {
  return a.suspensions.some((s) => s.suspendedAt <= at && (s.resumedAt === null || s.resumedAt > at));
}

function terminatedBy(a: AgreementRecord, at: Date): boolean {
  return a.terminatedAt !== null && a.terminatedAt <= at;
}

/** The status of one version now, as shown to people. */
export function versionStatus(a: AgreementRecord, v: VersionRecord, now: Date): AgreementStatus {
  if (v.status === 'superseded') return 'superseded';
  if (terminatedBy(a, now)) return 'terminated';
  if (v.status !== 'active') return v.status;
  const today = londonDate(now);
  if (v.content.endDate !== null && v.content.endDate < today) return 'expired';
  if (suspendedAt(a, now)) return 'suspended';
  // Signed by every party, but its start date is still ahead: not in force yet (versionStateAt).
  if (v.content.startDate > today) return 'signed_not_started';
  if (v.content.reviewDate <= today) return 'review_due';
  return 'active';
}

export function agreementStatus(a: AgreementRecord, now: Date): AgreementStatus {
  return versionStatus(a, currentVersion(a), now);
}

/** Why a version was, or was not, in force at a given instant. */
export type VersionState =
  'in_force' | 'not_signed' | 'superseded' | 'terminated' | 'expired' | 'not_started' | 'suspended';

/**
 * Whether a version was in force at `at`, from its dated history: activated by then and not yet
 * superseded, the agreement neither terminated nor suspended at that instant, and `at` within
 * the start and end dates (UK calendar days, end date inclusive).
 */
export function versionStateAt(a: AgreementRecord, v: VersionRecord, at: Date): VersionState {
  if (v.activatedAt === null || v.activatedAt > at) return 'not_signed';
  if (v.supersededAt !== null && v.supersededAt <= at) return 'superseded';
  if (terminatedBy(a, at)) return 'terminated';
  const day = londonDate(at);
  if (v.content.endDate !== null && v.content.endDate < day) return 'expired';
  if (v.content.startDate > day) return 'not_started';
  if (suspendedAt(a, at)) return 'suspended';
  return 'in_force';
}

/** The version in force at `at`, if any. */
export function versionInForceAt(a: AgreementRecord, at: Date): VersionRecord | undefined {
  return a.versions.find((v) => versionStateAt(a, v, at) === 'in_force');
}

/**
 * The version that speaks for the agreement at `at`: the one in force then, else the newest one
 * activated by then (so the reason it is not in force can be given), else the newest of all.
 */
export function versionAsAt(a: AgreementRecord, at: Date): VersionRecord {
  return (
    versionInForceAt(a, at) ??
    a.versions.findLast((v) => v.activatedAt !== null && v.activatedAt <= at) ??
    latestVersion(a)
  );
}

/**
 * Whether an agreement applies at `at`: a version in force and, for a Tier 2, its Tier 1
 * framework in force too (find-flows-in-force.ts applies the same rule in SQL).
 */
export function frameworkInForceAt(a: AgreementRecord, all: readonly AgreementRecord[], at: Date): boolean {
  if (a.tier === 'tier1') return true;
  const tier1 = all.find((x) => x.id === a.tier1AgreementId);
  return tier1 !== undefined && versionInForceAt(tier1, at) !== undefined;
}
