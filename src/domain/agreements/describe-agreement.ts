import type { Role } from '../partnership/roles.ts';
import type { AgreementStatus, Tier } from './agreement-terms.ts';
import {
  activeVersion,
  agreementStatus,
  currentVersion,
  frameworkInForceAt,
  latestVersion,
  openSuspension,
  pendingVersion,
  versionInForceAt,
  versionStatus,
} from './agreement-status.ts';
import type { CheckOrganisation } from './check-types.ts';
import type { AgreementRecord, FlowRecord, VersionRecord } from './load-agreements.ts';

export interface NamedOrganisation {
  readonly organisationId: string;
  readonly name: string;
}

export interface AgreementSummary {
  readonly id: string;
  readonly reference: string;
  readonly tier: Tier;
  readonly title: string;
  readonly status: AgreementStatus;
  /** True when a version is in force right now (signed, started, not ended or stopped). */
  readonly inForce: boolean;
  readonly versionInForce: number | null;
  readonly latestVersion: number;
  /** A draft or awaiting-signatures version not yet in force. */
  readonly pendingVersion: number | null;
  readonly startDate: string;
  readonly reviewDate: string;
  readonly endDate: string | null;
  readonly tier1: { readonly id: string; readonly reference: string } | null;
  readonly parties: readonly NamedOrganisation[];
  readonly suspension: { readonly since: Date; readonly reason: string } | null;
  readonly termination: { readonly at: Date; readonly reason: string } | null;
}

export interface FlowDetail extends FlowRecord {
  readonly from: readonly NamedOrganisation[];
  readonly to: readonly NamedOrganisation[];
}

export interface VersionDetail extends Omit<VersionRecord, 'flows' | 'signatures'> {
  readonly displayStatus: AgreementStatus;
  readonly parties: readonly (NamedOrganisation & {
    readonly contact: string | null;
    readonly signed: boolean;
  })[];
  readonly flows: readonly FlowDetail[];
  readonly signatures: readonly (NamedOrganisation & {
    readonly userId: string;
    readonly signerName: string;
    readonly role: Role;
    readonly signedAt: Date;
  })[];
}

export interface AgreementDetail extends AgreementSummary {
  /** Oldest first: the whole history, never edited. */
  readonly versions: readonly VersionDetail[];
  /** For a Tier 1: the Tier 2 agreements made under it. */
  readonly tier2Agreements: readonly {
    id: string;
    reference: string;
    title: string;
    status: AgreementStatus;
  }[];
}

export type OrganisationNames = ReadonlyMap<string, CheckOrganisation>;

const named = (orgs: OrganisationNames, id: string): NamedOrganisation => ({
  organisationId: id,
  name: orgs.get(id)?.name ?? 'Unknown organisation',
});

export function summariseAgreement(
  a: AgreementRecord,
  all: readonly AgreementRecord[],
  orgs: OrganisationNames,
  now: Date,
): AgreementSummary {
  const current = currentVersion(a);
  const tier1 = a.tier1AgreementId ? all.find((x) => x.id === a.tier1AgreementId) : undefined;
  const suspension = openSuspension(a);
  return {
    id: a.id,
    reference: a.reference,
    tier: a.tier,
    title: current.content.title,
    status: agreementStatus(a, now),
    inForce: versionInForceAt(a, now) !== undefined && frameworkInForceAt(a, all, now),
    versionInForce: activeVersion(a)?.version ?? null,
    latestVersion: latestVersion(a).version,
    pendingVersion: pendingVersion(a)?.version ?? null,
    startDate: current.content.startDate,
    reviewDate: current.content.reviewDate,
    endDate: current.content.endDate,
    tier1: tier1 ? { id: tier1.id, reference: tier1.reference } : null,
    parties: current.content.parties.map((p) => named(orgs, p.organisationId)),
    suspension: suspension ? { since: suspension.suspendedAt, reason: suspension.reason } : null,
    termination: a.terminatedAt !== null ? { at: a.terminatedAt, reason: a.terminationReason ?? '' } : null,
  };
}

export function describeAgreement(
  a: AgreementRecord,
  all: readonly AgreementRecord[],
  orgs: OrganisationNames,
  now: Date,
): AgreementDetail {
  return {
    ...summariseAgreement(a, all, orgs, now),
    versions: a.versions.map((v) => describeVersion(a, v, orgs, now)),
    tier2Agreements: all
      .filter((x) => x.tier1AgreementId === a.id)
      .map((x) => ({
        id: x.id,
        reference: x.reference,
        title: currentVersion(x).content.title,
        status: agreementStatus(x, now),
      })),
  };
}

function describeVersion(
  a: AgreementRecord,
  v: VersionRecord,
  orgs: OrganisationNames,
  now: Date,
): VersionDetail {
  const signedBy = new Set(v.signatures.map((s) => s.organisationId));
  return {
    ...v,
    displayStatus: versionStatus(a, v, now),
    parties: v.content.parties.map((p) => ({
      ...named(orgs, p.organisationId),
      contact: p.contact,
      signed: signedBy.has(p.organisationId),
    })),
    flows: v.flows.map((f) => ({
      ...f,
      from: f.fromOrganisationIds.map((id) => named(orgs, id)),
      to: f.toOrganisationIds.map((id) => named(orgs, id)),
    })),
    signatures: v.signatures.map((s) => ({
      ...named(orgs, s.organisationId),
      userId: s.userId,
      signerName: s.signerName,
      role: s.role,
      signedAt: s.signedAt,
    })),
  };
}
