import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../shared/actor.ts';
import { queryRows, type Db } from '../shared/database.ts';
import { notFound } from '../shared/errors.ts';
import type { OrganisationId } from '../shared/ids.ts';
import { decideFieldGroup } from './decide-access.ts';
import { describeDisclosures, keepAllowed, type Disclosure } from './disclose-records.ts';
import type { FieldGroup } from './field-groups.ts';
import type { FlowsInForceSource, PolicyDeps } from './flows-in-force-source.ts';
import { sessionGate, type CachedSession } from '../identity/session-gate.ts';
import { appendReadAuditEvent } from '../audit/group-commit-writer.ts';
import { readPersonRecordsToAudit, type AllowedPair, type PersonRecord } from './person-record-store.ts';
import {
  agreementsReliedOn,
  loadPolicyAccess,
  peekPolicyAccess,
  recordDenial,
  SUBJECT_TYPE,
  visibilityOf,
  type PolicyAccess,
} from './policy-access.ts';
import type { Purpose } from './purposes.ts';
import { explainWithheld } from './withheld-reasons.ts';

export type { PersonRecord } from './person-record-store.ts';

export interface PersonRecordsView {
  readonly personId: string;
  readonly purpose: Purpose;
  /** Newest event first; each with the agency person it is about and the link's confidence. */
  readonly records: readonly PersonRecord[];
  readonly disclosures: readonly Disclosure[];
  /**
   * Whether this actor may see a record that is evidence for something else (a family network
   * edge rests on the records of a relative), which the caller must not show unless this says
   * yes: the record passed the visibility filter in the read's own statement AND its (holder,
   * field group) is allowed by the compiled policy (or it is one of the person's records shown).
   */
  readonly mayShow: (evidence: EvidenceRecord) => boolean;
  /**
   * The family network's facts (people module), read in the same statement when `familyFacts`
   * was asked for: they disclose nothing until filtered with mayShow.
   */
  readonly familyFacts: unknown;
  /**
   * The field groups any other organisation's agreements in force give this reader for this
   * purpose, from the policy alone (never from the child's records): what the view can say a
   * purpose never shows without hinting at what is held.
   */
  readonly sharedWithViewer: readonly FieldGroup[];
}

export interface PersonReadOptions {
  readonly fieldGroups?: readonly FieldGroup[];
  /** Names the screen in the audit event's details. */
  readonly view?: string;
  /** Read the family network's facts in the same statement (person-record-store.ts). */
  readonly familyFacts?: boolean;
  /**
   * The session this read acts on, resolved earlier and cached (identity/session-gate.ts): the
   * read happens only if it still holds in the same statement, else nothing is read or written
   * and ReadGateClosed is thrown for the caller to start afresh.
   */
  readonly session?: CachedSession;
}

/** A record named as evidence (a family network edge's), by id, holder and field group. */
export interface EvidenceRecord {
  readonly subjectRecordId: string;
  readonly holderOrganisationId: string;
  readonly fieldGroup: FieldGroup;
}

/** The read's gate did not hold in its statement: nothing was read, shown or audited. */
export class ReadGateClosed extends Error {
  constructor() {
    super('the read gate did not hold');
    this.name = 'ReadGateClosed';
  }
}

type Granted = PolicyAccess & { ok: true };

/**
 * The single view's read: what this actor may see, for this purpose, of the records of every
 * agency person linked to the person (people module's person_link), read in one statement
 * (person-record-store.ts), with one `subject.viewed` event naming the person, durable before
 * this returns. Nothing disclosable and no such person answer the same "not found" as
 * readSubjectRecords, the log keeping which.
 *
 * With a cached policy the read is one read-only statement on the pool, its generation checked
 * in it, and its event is committed by the group-commit writer with those of concurrent reads
 * (audit/group-commit-writer.ts; DESIGN.md rule 3). Otherwise, or if the agreements changed
 * since the policy was cached, the policy is loaded in a transaction and the same statement and
 * the event's insert run in it.
 */
export async function readPersonRecords(
  deps: PolicyDeps,
  actor: Actor,
  purpose: Purpose,
  personId: string,
  options: PersonReadOptions = {},
): Promise<PersonRecordsView> {
  const at = deps.clock.now();
  const statement = {
    view: options.view ?? 'person',
    familyFacts: options.familyFacts,
    session: options.session,
  };
  const guess = peekPolicyAccess(deps.flowsInForce, actor, purpose, at, options.fieldGroups);
  let shown: Shown | 'stale' | undefined = guess
    ? await readWith(deps.db, deps.flowsInForce, actor, purpose, personId, statement, guess.access, {
        column: guess.generationColumn,
        expected: guess.generation,
      })
    : 'stale';
  if (shown === 'stale') {
    shown = await deps.db.transaction(async (tx) => {
      // Not even a refusal is recorded for a session that no longer holds.
      if (options.session && !(await sessionHolds(tx, options.session))) throw new ReadGateClosed();
      const loaded = await loadPolicyAccess(tx, deps.flowsInForce, actor, purpose, at, options.fieldGroups);
      if (!loaded.ok) {
        await recordDenial(tx, actor, { purpose, subjectId: personId, attempted, reason: loaded.reason, at });
        return undefined;
      }
      return (await readWith(tx, deps.flowsInForce, actor, purpose, personId, statement, loaded)) as
        Shown | undefined;
    });
  }
  if (!shown) throw notFound('The person');
  return shown;
}

type Shown = PersonRecordsView;
const attempted = 'person.records';

async function readWith(
  db: Db,
  flowsInForce: FlowsInForceSource,
  actor: Actor,
  purpose: Purpose,
  personId: string,
  {
    view,
    familyFacts,
    session,
  }: { view: string; familyFacts: boolean | undefined; session: CachedSession | undefined },
  access: Granted,
  generation?: { readonly column: SQL; readonly expected: string },
): Promise<Shown | 'stale' | undefined> {
  const { actor: who, scope } = access;
  const subject = { type: SUBJECT_TYPE, id: personId };
  // Both events carry the instant the policy decided at: one clock (DESIGN.md rule 6).
  const at = new Date(access.atMs);
  const read = await readPersonRecordsToAudit(
    db,
    visibilityOf(access, purpose),
    personId,
    { pairs: allowedPairs(access, purpose), view },
    { generation, familyFacts, session },
  );
  if (read.kind === 'session_closed') throw new ReadGateClosed();
  if (read.kind === 'stale') return 'stale';
  if (read.disclosure) {
    // Durable before anything is shown, and a failed write fails the read (DESIGN.md rule 3): on
    // the database handle the event joins the group-commit writer's next batch; in the
    // transaction that loaded the policy it is inserted in that transaction.
    await appendReadAuditEvent(db, {
      actor,
      action: 'subject.viewed',
      outcome: 'success',
      subject,
      purpose,
      at,
      disclosed: read.disclosure.disclosed,
      ...(read.disclosure.agreementId === undefined ? {} : { agreementId: read.disclosure.agreementId }),
      details: read.disclosure.details,
    });
  }
  if (read.records.length === 0) {
    // The refusal, with the real reason for each pair held (withheld-reasons.ts), committed
    // before the caller answers "not found". A missing id takes the same two statements.
    const withheld = await explainWithheld(db, flowsInForce, access, purpose, read.held);
    const reason = read.known ? 'nothing_disclosable' : 'no_such_subject';
    await recordDenial(db, actor, { purpose, subjectId: personId, attempted, reason, at, withheld });
    return undefined;
  }
  // The second layer (disclose-records.ts): each pair decided again on what came back. The SQL
  // filtered on the same scope, so a difference is a fault: fail closed and show nothing (the
  // event already committed says more was disclosed than was, never less).
  const { records, decisions } = keepAllowed(access, purpose, read.records, read.live);
  if (records.length !== read.records.length) throw new Error('person read: the two policy layers disagree');
  const disclosures = describeDisclosures(access, records, decisions, read.viewerName);
  const shownIds = new Set(records.map((r) => r.id));
  const mayShow = (e: EvidenceRecord) =>
    read.family?.visibleEvidence.has(e.subjectRecordId) === true &&
    (shownIds.has(e.subjectRecordId) ||
      (scope.holders.get(e.holderOrganisationId as OrganisationId)?.includes(e.fieldGroup) === true &&
        decideFieldGroup(
          access.policy,
          who,
          purpose,
          e.holderOrganisationId as OrganisationId,
          e.fieldGroup,
          access.atMs,
        ).outcome === 'allow'));
  const sharedWithViewer = [
    ...new Set(
      [...scope.holders].flatMap(([holder, groups]) => (holder === who.organisationId ? [] : groups)),
    ),
  ];
  return {
    personId,
    purpose,
    records,
    disclosures,
    mayShow,
    familyFacts: read.family?.facts,
    sharedWithViewer,
  };
}

/**
 * Every (holder, field group) in scope with the decision's flow, numbered in the audit log's
 * order of agreements relied on (agreementsReliedOn), for the statement to name those it used.
 */
function allowedPairs(access: Granted, purpose: Purpose): AllowedPair[] {
  const { policy, actor: who, atMs } = access;
  const decided = [...access.scope.holders].flatMap(([holder, groups]) =>
    groups.flatMap((group) => {
      const d = decideFieldGroup(policy, who, purpose, holder, group, atMs);
      return d.outcome === 'allow' ? [{ pair: `${holder}|${group}`, decision: d }] : [];
    }),
  );
  const order = new Map(
    agreementsReliedOn(decided.map((d) => d.decision)).map((a, i) => [
      `${a.agreementId}|${a.version}|${a.flowId}`,
      i,
    ]),
  );
  return decided.map(({ pair, decision }) => {
    const a = decision.agreement;
    return {
      pair,
      agreementId: a?.agreementId ?? null,
      reference: a?.reference ?? null,
      version: a?.version ?? null,
      flowId: a?.flowId ?? null,
      own: decision.reason === 'own_organisation',
      order: a ? order.get(`${a.agreementId}|${a.version}|${a.flowId}`)! : -1,
    };
  });
}

async function sessionHolds(tx: Db, cached: CachedSession): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    tx,
    sql`select ${sessionGate(cached.session, cached.now)} as ok`,
  );
  return row?.ok === true;
}
