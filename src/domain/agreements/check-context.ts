import { eq } from 'drizzle-orm';
import type { OrganisationType } from '../partnership/roles.ts';
import { organisation } from '../partnership/schema.ts';
import { purposes as allPurposes, type Purpose } from '../policy/purposes.ts';
import { readInTurn, type Db } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import { flowGatewayIds, type AgreementContent, type FlowContent, type Tier } from './agreement-terms.ts';
import { agreementStatus, currentVersion } from './agreement-status.ts';
import { londonDate } from './calendar-dates.ts';
import { checkAgreement, writeTimeErrors } from './check-agreement.ts';
import type {
  AgreementCheckInput,
  AgreementCheckResult,
  AgreementProblem,
  CheckOrganisation,
  Tier1Context,
} from './check-types.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreement } from './load-agreements.ts';

export interface DraftToCheck {
  readonly tier: Tier;
  readonly tier1AgreementId: string | null;
  readonly content: AgreementContent;
  readonly flows: readonly FlowContent[];
  readonly positions?: readonly number[];
}

/** The organisations of one partnership: another partnership's are simply not there. */
export async function loadOrganisations(
  db: Db,
  partnershipId: string,
): Promise<Map<string, CheckOrganisation>> {
  const rows = await db
    .select({ id: organisation.id, name: organisation.name, type: organisation.type })
    .from(organisation)
    .where(eq(organisation.partnershipId, partnershipId));
  return new Map(rows.map((r) => [r.id, { name: r.name, type: r.type as OrganisationType }]));
}

export async function loadTier1Context(
  db: Db,
  partnershipId: string,
  tier1AgreementId: string | null,
  now: Date,
): Promise<Tier1Context | null> {
  if (!tier1AgreementId) return null;
  const tier1 = await loadAgreement(db, partnershipId, tier1AgreementId);
  if (!tier1 || tier1.tier !== 'tier1') return null;
  const v = currentVersion(tier1);
  return {
    reference: tier1.reference,
    status: agreementStatus(tier1, now),
    partyIds: v.content.parties.map((p) => p.organisationId),
    purposes: v.content.purposes,
    dataCategories: v.content.dataCategories,
    gatewayIds: v.content.gatewayIds,
  };
}

/** Gathers every fact checkAgreement needs about a draft, from the database and the catalogue. */
export async function buildCheckInput(
  deps: AgreementDeps,
  db: Db,
  partnershipId: string,
  draft: DraftToCheck,
): Promise<AgreementCheckInput> {
  const now = deps.clock.now();
  const cited = [...draft.content.gatewayIds, ...draft.flows.flatMap(flowGatewayIds)];
  // `db` may be the caller's transaction: its reads take turns on its one client.
  const [organisations, gateways, tier1] = await readInTurn(
    () => loadOrganisations(db, partnershipId),
    () => deps.gateways.describe([...new Set(cited)], db),
    () =>
      draft.tier === 'tier2'
        ? loadTier1Context(db, partnershipId, draft.tier1AgreementId, now)
        : Promise.resolve(null),
  );
  const positions =
    draft.positions ??
    draft.flows.map((f, i) => ('position' in f && typeof f.position === 'number' ? f.position : i + 1));
  return { ...draft, positions, organisations, gateways, tier1, today: londonDate(now) };
}

export async function checkDraft(
  deps: AgreementDeps,
  db: Db,
  partnershipId: string,
  draft: DraftToCheck,
): Promise<AgreementCheckResult> {
  return checkAgreement(await buildCheckInput(deps, db, partnershipId, draft));
}

/** Refuses the write if the draft carries an error no draft may carry. */
export function assertWritable(result: AgreementCheckResult, scope?: { flowIndex: number }): void {
  let errors = writeTimeErrors(result);
  if (scope) {
    // A flow sent on its own is answered with paths into what was sent (`art6BasisId`).
    const prefix = `flows.${scope.flowIndex}`;
    errors = errors
      .filter((e) => e.field === prefix || e.field.startsWith(`${prefix}.`))
      .map((e) => ({ ...e, field: e.field === prefix ? '(body)' : e.field.slice(prefix.length + 1) }));
  }
  throwProblems(errors);
}

export function throwProblems(errors: readonly AgreementProblem[]): void {
  if (errors.length === 0) return;
  throw new DomainError('validation_failed', 'Check the highlighted fields', {
    fields: errors.map((e) => ({ field: e.field, problem: e.problem })),
  });
}

const trimOrNull = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
};
const unique = <T>(values: readonly T[]) => [...new Set(values)];

export function normaliseContent(content: AgreementContent): AgreementContent {
  return {
    ...content,
    title: content.title.trim(),
    summary: content.summary.trim(),
    purposes: unique(content.purposes),
    parties: content.parties.map((p) => ({
      organisationId: p.organisationId,
      contact: trimOrNull(p.contact),
    })),
    security: content.security.trim(),
    retention: content.retention.trim(),
    rights: content.rights.trim(),
    gatewayIds: content.gatewayIds.map((id) => id.trim()),
    dataCategories: unique(content.dataCategories),
  };
}

export function normaliseFlow(flow: FlowContent): FlowContent {
  return {
    ...flow,
    name: flow.name.trim(),
    purposes: unique(flow.purposes),
    fieldGroups: unique(flow.fieldGroups),
    dataCategories: flow.dataCategories ? unique(flow.dataCategories) : undefined,
    art9ConditionId: trimOrNull(flow.art9ConditionId),
    art9Sched1ConditionId: trimOrNull(flow.art9Sched1ConditionId),
    art10ConditionId: trimOrNull(flow.art10ConditionId),
    art10Sched1ConditionId: trimOrNull(flow.art10Sched1ConditionId),
    statutoryGatewayIds: unique(flow.statutoryGatewayIds.map((id) => id.trim())),
    confidentialityGatewayId: trimOrNull(flow.confidentialityGatewayId),
    otherGatewayIds: unique(flow.otherGatewayIds.map((id) => id.trim())),
    methodDetail: trimOrNull(flow.methodDetail),
    retention: trimOrNull(flow.retention),
    dpiaReference: trimOrNull(flow.dpiaReference),
  };
}

/** A Tier 2 version serves the purposes of its flows, in the catalogue's order. */
export function purposesOfFlows(flows: readonly FlowContent[]): Purpose[] {
  const used = new Set(flows.flatMap((f) => f.purposes));
  return allPurposes.filter((p) => used.has(p));
}

/** The check input for one stored version of an agreement. */
export async function checkInputForVersion(
  deps: AgreementDeps,
  record: { tier: Tier; tier1AgreementId: string | null; partnershipId: string },
  version: { content: AgreementContent; flows: readonly (FlowContent & { position: number })[] },
): Promise<AgreementCheckInput> {
  return buildCheckInput(deps, deps.db, record.partnershipId, {
    tier: record.tier,
    tier1AgreementId: record.tier1AgreementId,
    content: version.content,
    flows: version.flows,
  });
}
