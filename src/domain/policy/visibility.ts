import { sql, type SQL } from 'drizzle-orm';
import type { OrganisationId } from '../shared/ids.ts';
import { restsOnConsent } from './consent-basis.ts';
import type { AllowedScope } from './decide-access.ts';
import type { FieldGroup } from './field-groups.ts';
import type { Purpose } from './purposes.ts';

/**
 * THE visibility computation: what one reader, for one purpose, at one instant, may see of any
 * record, as GRANTS minus LIMITS (ARCHITECTURE.md "The access model").
 *
 * Grants: the reader's own organisation's records and the standing flows of agreements in force
 * (both already in the policy's AllowedScope), and the per-child rows of access_grant (a
 * disclosure from a decision to share; a break-glass). Limits: the rows of access_limit (a
 * restriction). Consents: the rows of consent (domain/consent). A record is visible when
 *
 *   (its holder and field group are in the standing scope AND no limit narrows it
 *      AND (the standing share does not rest on consent alone OR a consent covers it))
 *   OR (a live grant to this reader covers it AND (the grant is a break-glass OR no limit narrows it)
 *      AND (the grant does not rest on consent alone OR a consent covers it))
 *
 * where a limit narrows a record held by ANOTHER organisation (a holder keeps and sees what it
 * holds, Art 18(2)), naming its agency person and holder (and the record or field group, if it
 * names one). A break-glass sets limits aside (vital interests, Art 6(1)(d); Art 18(2)
 * "protection of the rights of another natural person") and the audit says it did.
 *
 * A consent covers a record when it is in force at the instant (given, not expired, not
 * withdrawn), was recorded by the record's holder for the record's agency person, and names the
 * reader's organisation, the purpose and the record's field group (UK GDPR Art 4(11), Art 7(3)).
 * A share whose only Art 6 basis is consent (consent-basis.ts) has no basis without one, so
 * withdrawal is the consent row's own withdrawn_at: nothing else need be written for the share
 * to stop, and no separate limit can disagree with the consent (access_limit once had a
 * consent_withdrawn kind; it was a second record of the same fact).
 *
 * This file renders that rule twice, and only here: as one SQL condition every read of subject
 * data joins (visibleRecordFilter: the stores alias the record table `r`), and as a function over
 * the grants and limits the same statement read (decideRecordVisibility), the second layer that
 * every read runs on what came back (disclose-records.ts). test: visibility.test.ts checks the two
 * agree on generated cases.
 */
export interface Visibility {
  readonly partnershipId: string;
  readonly viewerOrganisationId: OrganisationId;
  readonly viewerUserId: string;
  readonly purpose: Purpose;
  readonly atMs: number;
  /** The field groups the read asked for; a grant never widens past them. */
  readonly requested: readonly FieldGroup[];
  /** The standing grants: own organisation and agreement flows in force (decide-access.ts). */
  readonly scope: AllowedScope;
}

export type GrantKind = 'disclosure' | 'break_glass';
export type LimitKind = 'restriction';

/** A grant live for the reader, as the read's statement returned it. */
export interface LiveGrant {
  readonly id: string;
  readonly kind: GrantKind;
  readonly holderOrganisationId: string | null;
  readonly granteeUserId: string | null;
  readonly purpose: string | null;
  readonly subjectIds: readonly string[];
  readonly fieldGroups: readonly string[] | null;
  readonly basisGatewayIds: readonly string[];
  readonly startsMs: number;
  readonly expiresMs: number;
  readonly revokedMs: number | null;
  readonly reason: string;
  readonly sourceId: string | null;
}

/** A limit live on one of the read's agency persons, as the read's statement returned it. */
export interface LiveLimit {
  readonly id: string;
  readonly kind: LimitKind;
  readonly holderOrganisationId: string;
  readonly subjectId: string;
  readonly recordId: string | null;
  readonly fieldGroups: readonly string[] | null;
  readonly startsMs: number;
  readonly liftedMs: number | null;
}

/** A consent naming the reader's organisation, on one of the read's agency persons. */
export interface LiveConsent {
  readonly id: string;
  readonly holderOrganisationId: string;
  readonly subjectIds: readonly string[];
  readonly organisationIds: readonly string[];
  readonly purposes: readonly string[];
  readonly fieldGroups: readonly string[];
  readonly givenMs: number;
  readonly expiresMs: number;
  readonly withdrawnMs: number | null;
}

export interface LiveGrantsAndLimits {
  readonly grants: readonly LiveGrant[];
  readonly limits: readonly LiveLimit[];
  readonly consents: readonly LiveConsent[];
}

/** What a record must carry for its visibility to be decided. */
export interface VisibleCandidate {
  readonly id: string;
  readonly subjectId: string;
  readonly holderOrganisationId: string;
  readonly fieldGroup: string;
}

export type RecordVisibility =
  | { readonly visible: true; readonly basis: 'standing' }
  | {
      readonly visible: true;
      readonly basis: 'grant';
      readonly grant: LiveGrant;
      readonly setAside: readonly LiveLimit[];
    }
  | { readonly visible: false };

// ---------------------------------------------------------------------------------------------
// The rule over live grants and limits (the second layer).

export function decideRecordVisibility(
  v: Visibility,
  record: VisibleCandidate,
  live: LiveGrantsAndLimits,
): RecordVisibility {
  const key = `${record.holderOrganisationId}|${record.fieldGroup}`;
  const standing = v.scope.holders
    .get(record.holderOrganisationId as OrganisationId)
    ?.includes(record.fieldGroup as FieldGroup);
  const limits = narrowing(v, record, live.limits);
  const consented = () => live.consents.some((c) => consentCovers(v, c, record));
  if (standing === true && limits.length === 0 && (!v.scope.consentOnly.has(key) || consented()))
    return { visible: true, basis: 'standing' };
  for (const grant of live.grants) {
    if (!grantCovers(v, grant, record)) continue;
    if (restsOnConsent(grant.basisGatewayIds) && !consented()) continue;
    if (grant.kind === 'break_glass') return { visible: true, basis: 'grant', grant, setAside: limits };
    if (limits.length === 0) return { visible: true, basis: 'grant', grant, setAside: [] };
  }
  return { visible: false };
}

function consentCovers(v: Visibility, c: LiveConsent, r: VisibleCandidate): boolean {
  return (
    c.givenMs <= v.atMs &&
    v.atMs < c.expiresMs &&
    (c.withdrawnMs === null || c.withdrawnMs > v.atMs) &&
    c.holderOrganisationId === r.holderOrganisationId &&
    c.subjectIds.includes(r.subjectId) &&
    c.organisationIds.includes(v.viewerOrganisationId) &&
    c.purposes.includes(v.purpose) &&
    c.fieldGroups.includes(r.fieldGroup)
  );
}

function grantCovers(v: Visibility, g: LiveGrant, r: VisibleCandidate): boolean {
  return (
    g.startsMs <= v.atMs &&
    v.atMs < g.expiresMs &&
    (g.revokedMs === null || g.revokedMs > v.atMs) &&
    (g.granteeUserId === null || g.granteeUserId === v.viewerUserId) &&
    (g.purpose === null || g.purpose === v.purpose) &&
    (g.holderOrganisationId === null || g.holderOrganisationId === r.holderOrganisationId) &&
    g.subjectIds.includes(r.subjectId) &&
    (g.fieldGroups === null || g.fieldGroups.includes(r.fieldGroup)) &&
    v.requested.includes(r.fieldGroup as FieldGroup)
  );
}

function narrowing(v: Visibility, r: VisibleCandidate, limits: readonly LiveLimit[]): LiveLimit[] {
  if (r.holderOrganisationId === v.viewerOrganisationId) return [];
  return limits.filter(
    (x) =>
      x.startsMs <= v.atMs &&
      (x.liftedMs === null || x.liftedMs > v.atMs) &&
      x.holderOrganisationId === r.holderOrganisationId &&
      x.subjectId === r.subjectId &&
      (x.recordId === null || x.recordId === r.id) &&
      (x.fieldGroups === null || x.fieldGroups.includes(r.fieldGroup)) &&
      x.kind === 'restriction',
  );
}

// ---------------------------------------------------------------------------------------------
// The same rule as SQL: the one filter every read of subject_record joins (alias `r`).

const CONSENT_ART6 = 'UKGDPR-6-1-a';

export function visibleRecordFilter(v: Visibility): SQL {
  return sql`(${standingShows(v)} or exists (select 1 from access_grant g where ${grantCoversSql(v)}))`;
}

/**
 * For the audit of a read: the grant a record is shown by (the first by id, as the second layer
 * takes it), with the limits a break-glass set aside for it, or null when the standing grants
 * show it (alias `r`).
 */
export function grantReliedColumn(v: Visibility): SQL {
  return sql`case when ${standingShows(v)} then null else
      (select jsonb_build_object('grantId', g.id, 'kind', g.kind, 'sourceId', g.source_id,
                'setAsideLimitIds', case when g.kind = 'break_glass'
                  then coalesce((select jsonb_agg(x.id order by x.id) ${narrowingLimits(v)}), '[]'::jsonb)
                  else '[]'::jsonb end)
       from access_grant g where ${grantCoversSql(v)} order by g.id limit 1) end`;
}

/** The standing grants show record r, no limit narrows it, and a consent covers it if it must. */
function standingShows(v: Visibility): SQL {
  const standing = standingKeys(v.scope);
  if (standing.length === 0) return sql`false`;
  const key = sql`(r.organisation_id::text || '|' || r.field_group)`;
  const consentOnly = sql`${key} = any(${textArray([...v.scope.consentOnly])}::text[])`;
  return sql`(${key} = any(${textArray(standing)}::text[]) and not exists (select 1 ${narrowingLimits(v)})
        and (not ${consentOnly} or ${consentCoversSql(v)}))`;
}

/** Grant g (live for this reader) covers record r, and no limit narrows it unless g is a break-glass. */
function grantCoversSql(v: Visibility): SQL {
  // g.partnership_id = r.partnership_id as well as the constant: on Citus the two tables must be
  // joined on their distribution column to stay one shard's query (DESIGN.md section 5).
  return sql`${liveGrantCondition(v)} and g.partnership_id = r.partnership_id
        and (g.holder_organisation_id is null or g.holder_organisation_id = r.organisation_id)
        and r.subject_id = any(g.subject_ids)
        and (g.field_groups is null or r.field_group = any(g.field_groups))
        and r.field_group = any(${textArray(v.requested)}::text[])
        and (g.kind = 'break_glass' or not exists (select 1 ${narrowingLimits(v)}))
        and (not ${grantRestsOnConsent} or ${consentCoversSql(v)})`;
}

// Grant g's Art 6 bases are consent alone (consent-basis.ts restsOnConsent, in SQL).
const grantRestsOnConsent = sql`(g.basis_gateway_ids && array[${CONSENT_ART6}]::text[]
    and not exists (select 1 from unnest(g.basis_gateway_ids) b where b like 'UKGDPR-6-1-%' and b <> ${CONSENT_ART6}))`;

/** A consent in force covers record r for this reader and purpose (consentCovers, in SQL). */
function consentCoversSql(v: Visibility): SQL {
  const at = atParam(v);
  return sql`exists (select 1 from consent c
      where c.partnership_id = r.partnership_id and c.holder_organisation_id = r.organisation_id
        and r.subject_id = any(c.subject_ids)
        and ${v.viewerOrganisationId}::uuid = any(c.organisation_ids)
        and ${v.purpose}::text = any(c.purposes) and r.field_group = any(c.field_groups)
        and c.given_at <= ${at} and c.expires_at > ${at} and (c.withdrawn_at is null or c.withdrawn_at > ${at}))`;
}

/** `from access_limit x where …`: the live restrictions on record r (held by another organisation). */
function narrowingLimits(v: Visibility): SQL {
  return sql`from access_limit x
      where x.partnership_id = r.partnership_id and x.subject_id = r.subject_id
        and x.holder_organisation_id = r.organisation_id
        and r.organisation_id <> ${v.viewerOrganisationId}
        and (x.record_id is null or x.record_id = r.id)
        and (x.field_groups is null or r.field_group = any(x.field_groups))
        and x.starts_at <= ${atParam(v)} and (x.lifted_at is null or x.lifted_at > ${atParam(v)})
        and x.kind = 'restriction'`;
}

/** A grant (alias g) live for this reader at this instant. */
function liveGrantCondition(v: Visibility): SQL {
  const at = atParam(v);
  return sql`g.partnership_id = ${v.partnershipId} and g.grantee_organisation_id = ${v.viewerOrganisationId}
        and g.expires_at > ${at} and g.starts_at <= ${at} and (g.revoked_at is null or g.revoked_at > ${at})
        and (g.grantee_user_id is null or g.grantee_user_id = ${v.viewerUserId})
        and (g.purpose is null or g.purpose = ${v.purpose})`;
}

/**
 * The grants live for this reader, and the limits and the consents naming this reader's
 * organisation on the agency persons `subjectIds` (a text[] expression), as one jsonb value read
 * in the read's own statement, for the second layer.
 */
export function liveGrantsAndLimitsColumn(v: Visibility, subjectIds: SQL): SQL {
  const at = atParam(v);
  const ms = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::bigint`;
  return sql`jsonb_build_object(
      'grants', coalesce((select jsonb_agg(jsonb_build_object(
          'id', g.id, 'kind', g.kind, 'holderOrganisationId', g.holder_organisation_id,
          'granteeUserId', g.grantee_user_id, 'purpose', g.purpose, 'subjectIds', to_jsonb(g.subject_ids),
          'fieldGroups', to_jsonb(g.field_groups), 'basisGatewayIds', to_jsonb(g.basis_gateway_ids),
          'startsMs', ${ms(sql`g.starts_at`)}, 'expiresMs', ${ms(sql`g.expires_at`)},
          'revokedMs', ${ms(sql`g.revoked_at`)}, 'reason', g.reason, 'sourceId', g.source_id) order by g.id)
        from access_grant g where ${liveGrantCondition(v)}), '[]'::jsonb),
      'limits', coalesce((select jsonb_agg(jsonb_build_object(
          'id', x.id, 'kind', x.kind, 'holderOrganisationId', x.holder_organisation_id,
          'subjectId', x.subject_id, 'recordId', x.record_id, 'fieldGroups', to_jsonb(x.field_groups),
          'startsMs', ${ms(sql`x.starts_at`)}, 'liftedMs', ${ms(sql`x.lifted_at`)}) order by x.id)
        from access_limit x
        where x.partnership_id = ${v.partnershipId} and x.subject_id = any((${subjectIds})::text[])
          and x.starts_at <= ${at} and (x.lifted_at is null or x.lifted_at > ${at})), '[]'::jsonb),
      'consents', coalesce((select jsonb_agg(jsonb_build_object(
          'id', c.id, 'holderOrganisationId', c.holder_organisation_id, 'subjectIds', to_jsonb(c.subject_ids),
          'organisationIds', to_jsonb(c.organisation_ids), 'purposes', to_jsonb(c.purposes),
          'fieldGroups', to_jsonb(c.field_groups), 'givenMs', ${ms(sql`c.given_at`)},
          'expiresMs', ${ms(sql`c.expires_at`)}, 'withdrawnMs', ${ms(sql`c.withdrawn_at`)}) order by c.id)
        from consent c
        where c.partnership_id = ${v.partnershipId} and c.subject_ids && (${subjectIds})::text[]
          and ${v.viewerOrganisationId}::uuid = any(c.organisation_ids)), '[]'::jsonb))`;
}

/** The jsonb value of liveGrantsAndLimitsColumn, checked for shape (anything else: none). */
export function parseLiveGrantsAndLimits(value: unknown): LiveGrantsAndLimits {
  const v = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<LiveGrantsAndLimits> | null;
  const num = (n: unknown) => (n === null || n === undefined ? null : Number(n));
  return {
    grants: (Array.isArray(v?.grants) ? v.grants : []).map((g) => ({
      ...g,
      startsMs: Number(g.startsMs),
      expiresMs: Number(g.expiresMs),
      revokedMs: num(g.revokedMs),
    })),
    limits: (Array.isArray(v?.limits) ? v.limits : []).map((x) => ({
      ...x,
      startsMs: Number(x.startsMs),
      liftedMs: num(x.liftedMs),
    })),
    consents: (Array.isArray(v?.consents) ? v.consents : []).map((c) => ({
      ...c,
      givenMs: Number(c.givenMs),
      expiresMs: Number(c.expiresMs),
      withdrawnMs: num(c.withdrawnMs),
    })),
  };
}

function standingKeys(scope: AllowedScope): string[] {
  return [...scope.holders].flatMap(([holder, groups]) => groups.map((g) => `${holder}|${g}`));
}

function atParam(v: Visibility): SQL {
  return sql`${new Date(v.atMs).toISOString()}::timestamptz`;
}

/** A PostgreSQL text[] literal, every element quoted and escaped, so no value can break out. */
export function textArray(values: readonly string[]): string {
  return `{${values.map((x) => `"${x.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
