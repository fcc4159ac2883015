import { and, asc, eq, or, sql } from 'drizzle-orm';
import { organisation } from '../partnership/schema.ts';
import type { FieldGroup } from '../policy/field-groups.ts';
import type { Purpose } from '../policy/purposes.ts';
import { textArray } from '../policy/visibility.ts';
import { queryRows, type Db } from '../shared/database.ts';
import type { DecisionKind, DecisionMethod, FamilyTold } from './decision-input.ts';
import { decisionRecord } from './schema.ts';

/**
 * Reads of decision_record, always within one partnership and always narrowed to the rows the
 * reading organisation made or received (DESIGN.md rule 2: anything else answers as missing).
 * A decision record holds no item of an agency's records, only the decider's own words about
 * the child, so it is read here rather than through the subject-record chokepoint; who may see
 * it is the two organisations party to it, and each read is audited by its use case.
 */
export type DecisionRecordKind = 'original' | 'correction' | 'reopening';

export interface DecisionRecord {
  readonly id: string;
  readonly version: number;
  readonly kind: DecisionRecordKind;
  readonly previousId: string | null;
  readonly firstId: string;
  readonly personId: string;
  readonly subjectIds: readonly string[];
  readonly organisationId: string;
  readonly organisationName: string | null;
  readonly decidedByUserId: string;
  readonly decidedByName: string | null;
  readonly purpose: Purpose;
  readonly decision: DecisionKind;
  readonly situation: unknown;
  readonly recommendation: string | null;
  readonly recommendationEdition: string | null;
  readonly followedRecommendation: boolean | null;
  readonly departureReason: string | null;
  readonly recipientOrganisationId: string | null;
  readonly recipientOrganisationName: string | null;
  readonly fieldGroups: readonly { group: FieldGroup; justification: string }[];
  readonly lawfulBasis: readonly string[];
  readonly method: DecisionMethod;
  readonly sharedAt: Date;
  readonly reasons: string;
  readonly familyTold: FamilyTold;
  readonly familyNotToldReason: string | null;
  readonly advisedBy: string | null;
  readonly disclosureExpiresAt: Date | null;
  readonly grantId: string | null;
  readonly outsideAgreements: boolean;
  readonly requestId: string | null;
  readonly newInformation: string | null;
  readonly recordedAt: Date;
  /** The id of the version that corrected or reopened this one, if any: null for the latest. */
  readonly supersededById: string | null;
}

const recipient = sql<string | null>`(select o.name from organisation o
    where o.partnership_id = ${decisionRecord.partnershipId} and o.id = ${decisionRecord.recipientOrganisationId})`;
const decidedByName = sql<string | null>`(select u.display_name from app_user u
    where u.partnership_id = ${decisionRecord.partnershipId} and u.id = ${decisionRecord.decidedByUserId})`;
const successor = sql<string | null>`(select n.id from decision_record n
    where n.partnership_id = ${decisionRecord.partnershipId} and n.previous_id = ${decisionRecord.id})`;

const columns = {
  row: decisionRecord,
  organisationName: organisation.name,
  recipientName: recipient,
  decidedByName,
  successor,
};

type Row = {
  row: typeof decisionRecord.$inferSelect;
  organisationName: string | null;
  recipientName: string | null;
  decidedByName: string | null;
  successor: string | null;
};

function toRecord(r: Row): DecisionRecord {
  const d = r.row;
  return {
    id: d.id,
    version: d.version,
    kind: d.kind as DecisionRecordKind,
    previousId: d.previousId,
    firstId: d.firstId,
    personId: d.personId,
    subjectIds: d.subjectIds,
    organisationId: d.organisationId,
    organisationName: r.organisationName,
    decidedByUserId: d.decidedByUserId,
    decidedByName: r.decidedByName,
    purpose: d.purpose as Purpose,
    decision: d.decision as DecisionKind,
    situation: d.situation,
    recommendation: d.recommendation,
    recommendationEdition: d.recommendationEdition,
    followedRecommendation: d.followedRecommendation,
    departureReason: d.departureReason,
    recipientOrganisationId: d.recipientOrganisationId,
    recipientOrganisationName: r.recipientName,
    fieldGroups: d.fieldGroups as DecisionRecord['fieldGroups'],
    lawfulBasis: d.lawfulBasis,
    method: d.method as DecisionMethod,
    sharedAt: new Date(d.sharedAt),
    reasons: d.reasons,
    familyTold: d.familyTold as FamilyTold,
    familyNotToldReason: d.familyNotToldReason,
    advisedBy: d.advisedBy,
    disclosureExpiresAt: d.disclosureExpiresAt ? new Date(d.disclosureExpiresAt) : null,
    grantId: d.grantId,
    outsideAgreements: d.outsideAgreements,
    requestId: d.requestId,
    newInformation: d.newInformation,
    recordedAt: new Date(d.recordedAt),
    supersededById: r.successor,
  };
}

function select(db: Db) {
  return db
    .select(columns)
    .from(decisionRecord)
    .leftJoin(
      organisation,
      and(
        eq(organisation.partnershipId, decisionRecord.partnershipId),
        eq(organisation.id, decisionRecord.organisationId),
      ),
    );
}

/** A decision the organisation made or received; undefined for anything else. */
export async function readDecisionFor(
  db: Db,
  partnershipId: string,
  organisationId: string,
  id: string,
): Promise<DecisionRecord | undefined> {
  const rows = await select(db)
    .where(
      and(
        eq(decisionRecord.partnershipId, partnershipId),
        eq(decisionRecord.id, id),
        or(
          eq(decisionRecord.organisationId, organisationId),
          eq(decisionRecord.recipientOrganisationId, organisationId),
        ),
      ),
    )
    .limit(1);
  return rows[0] ? toRecord(rows[0] as Row) : undefined;
}

/** The decision a user recorded under an Idempotency-Key, if any. */
export async function readDecisionByKey(
  db: Db,
  partnershipId: string,
  userId: string,
  key: string,
): Promise<DecisionRecord | undefined> {
  const rows = await select(db)
    .where(
      and(
        eq(decisionRecord.partnershipId, partnershipId),
        eq(decisionRecord.decidedByUserId, userId),
        eq(decisionRecord.idempotencyKey, key),
      ),
    )
    .limit(1);
  return rows[0] ? toRecord(rows[0] as Row) : undefined;
}

/**
 * The decisions about a child (any of `personId` or the agency persons `agencyPersonIds`, so a
 * decision made before linkage merged or split the child still finds them) that the
 * organisation made or received, oldest first.
 */
export async function findDecisionsAbout(
  db: Db,
  partnershipId: string,
  organisationId: string,
  child: { readonly personId: string; readonly agencyPersonIds: readonly string[] },
  filter: { readonly purpose?: Purpose | undefined; readonly shareOnly?: boolean } = {},
): Promise<DecisionRecord[]> {
  const aboutChild =
    child.agencyPersonIds.length > 0
      ? or(
          eq(decisionRecord.personId, child.personId),
          sql`${decisionRecord.subjectIds} && ${textArray(child.agencyPersonIds)}::text[]`,
        )
      : eq(decisionRecord.personId, child.personId);
  const rows = await select(db)
    .where(
      and(
        eq(decisionRecord.partnershipId, partnershipId),
        aboutChild,
        or(
          eq(decisionRecord.organisationId, organisationId),
          eq(decisionRecord.recipientOrganisationId, organisationId),
        ),
        filter.purpose ? eq(decisionRecord.purpose, filter.purpose) : undefined,
        filter.shareOnly ? eq(decisionRecord.decision, 'share') : undefined,
      ),
    )
    .orderBy(asc(decisionRecord.recordedAt), asc(decisionRecord.version));
  return rows.map((r) => toRecord(r as Row));
}

/** The organisations' names and the deciding user's name, in one statement, for alerts and the answer. */
export async function decisionNames(
  db: Db,
  partnershipId: string,
  organisationIds: readonly string[],
  userId: string,
): Promise<{ organisations: Map<string, string>; userName: string | null }> {
  const rows = await queryRows<{ kind: string; id: string; name: string }>(
    db,
    sql`select 'organisation' as kind, o.id::text as id, o.name from organisation o
        where o.partnership_id = ${partnershipId} and o.id = any(${`{${organisationIds.join(',')}}`}::uuid[])
        union all
        select 'user', u.id::text, u.display_name from app_user u
        where u.partnership_id = ${partnershipId} and u.id = ${userId}`,
  );
  return {
    organisations: new Map(rows.filter((r) => r.kind === 'organisation').map((r) => [r.id, r.name])),
    userName: rows.find((r) => r.kind === 'user')?.name ?? null,
  };
}
