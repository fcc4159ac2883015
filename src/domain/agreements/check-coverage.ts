import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import {
  dataCategoryLabels,
  fieldGroupDefinitions,
  type DataCategory,
  type FieldGroup,
} from '../policy/field-groups.ts';
import { purposeDefinitions, type Purpose } from '../policy/purposes.ts';
import type { Actor } from '../shared/actor.ts';
import { DomainError, type FieldProblem } from '../shared/errors.ts';
import { flowGatewayIds } from './agreement-terms.ts';
import {
  frameworkInForceAt,
  pendingVersion,
  versionAsAt,
  versionStateAt,
  type VersionState,
} from './agreement-status.ts';
import { formatLongDate } from './calendar-dates.ts';
import { loadOrganisations } from './check-context.ts';
import type { AgreementDeps, GatewayDescription } from './gateway-directory.ts';
import { loadAgreements, type AgreementRecord, type VersionRecord } from './load-agreements.ts';

export interface CoverageQuery {
  readonly from: string;
  readonly to: string;
  readonly purpose: Purpose;
  readonly fieldGroups?: readonly FieldGroup[] | undefined;
  readonly dataCategories?: readonly DataCategory[] | undefined;
  readonly at?: Date | undefined;
}

export interface CoverageMatch {
  readonly agreementId: string;
  readonly reference: string;
  readonly title: string;
  readonly version: number;
  readonly flowId: string;
  readonly flowPosition: number;
  readonly flowName: string;
  readonly gateways: readonly ({ id: string } & GatewayDescription)[];
}

export const coverageReasonCodes = [
  'no_flow',
  'agreement_not_signed',
  'agreement_not_started',
  'agreement_expired',
  'agreement_suspended',
  'agreement_terminated',
  'agreement_superseded',
  'framework_not_in_force',
  'purpose_not_in_flow',
  'field_group_not_in_flow',
  'data_category_not_in_flow',
] as const;
export type CoverageReasonCode = (typeof coverageReasonCodes)[number];

export interface CoverageReason {
  readonly code: CoverageReasonCode;
  readonly message: string;
  readonly agreementId?: string;
  readonly reference?: string;
  readonly version?: number;
  readonly flowId?: string;
}

export type CoverageResult =
  | { readonly covered: true; readonly at: Date; readonly matches: readonly CoverageMatch[] }
  | { readonly covered: false; readonly at: Date; readonly reasons: readonly CoverageReason[] };

const stateReasons: Record<Exclude<VersionState, 'in_force'>, CoverageReasonCode> = {
  not_signed: 'agreement_not_signed',
  not_started: 'agreement_not_started',
  expired: 'agreement_expired',
  suspended: 'agreement_suspended',
  terminated: 'agreement_terminated',
  superseded: 'agreement_superseded',
};

/**
 * Would this sharing be covered by an agreement in force? Answers with the agreement, version,
 * flow and gateways that cover it, or with every reason it is not: no flow between the two
 * organisations, an agreement not signed, not started, expired, suspended or terminated, or a
 * flow that lacks the purpose or some of the data.
 */
export async function checkCoverage(
  deps: AgreementDeps,
  actor: Actor,
  query: CoverageQuery,
): Promise<CoverageResult> {
  await authorise(deps, actor, 'read_agreements', partnershipWide, 'agreement.coverage');
  const orgs = await loadOrganisations(deps.db, actor.partnershipId);
  const problems: FieldProblem[] = [];
  for (const field of ['from', 'to'] as const)
    if (!orgs.has(query[field])) problems.push({ field, problem: 'Select an organisation from the list' });
  if (query.from === query.to)
    problems.push({ field: 'to', problem: 'Select a different organisation to share with' });
  if (query.fieldGroups && query.dataCategories)
    problems.push({ field: 'dataCategories', problem: 'Give field groups or data categories, not both' });
  if (problems.length > 0)
    throw new DomainError('validation_failed', 'Check the highlighted fields', { fields: problems });

  const at = query.at ?? deps.clock.now();
  const all = await loadAgreements(deps.db, actor.partnershipId);
  const matches: { a: AgreementRecord; v: VersionRecord; flow: VersionRecord['flows'][number] }[] = [];
  const reasons: CoverageReason[] = [];
  let flowsBetween = 0;
  for (const a of all.filter((x) => x.tier === 'tier2')) {
    const candidates = [...new Set([versionAsAt(a, at), pendingVersion(a)])].filter((v) => v !== undefined);
    for (const v of candidates) {
      const about = { agreementId: a.id, reference: a.reference, version: v.version };
      const state = versionStateAt(a, v, at);
      for (const flow of v.flows) {
        if (!flow.fromOrganisationIds.includes(query.from) || !flow.toOrganisationIds.includes(query.to))
          continue;
        flowsBetween += 1;
        const found: CoverageReason[] = [];
        const where = `Flow ${flow.position} of ${a.reference} (version ${v.version})`;
        if (state !== 'in_force')
          found.push({
            ...about,
            flowId: flow.id,
            code: stateReasons[state],
            message: stateMessage(a, v, state, orgs),
          });
        else if (!frameworkInForceAt(a, all, at))
          found.push({
            ...about,
            flowId: flow.id,
            code: 'framework_not_in_force',
            message: `${a.reference} operates under ${all.find((x) => x.id === a.tier1AgreementId)?.reference ?? 'a Tier 1 agreement'}, which is not in force`,
          });
        if (!flow.purposes.includes(query.purpose))
          found.push({
            ...about,
            flowId: flow.id,
            code: 'purpose_not_in_flow',
            message: `${where} is not for the purpose "${purposeDefinitions[query.purpose].label}"`,
          });
        for (const group of query.fieldGroups ?? [])
          if (!flow.fieldGroups.includes(group))
            found.push({
              ...about,
              flowId: flow.id,
              code: 'field_group_not_in_flow',
              message: `${where} does not include ${fieldGroupDefinitions[group].label.toLowerCase()}`,
            });
        for (const category of query.dataCategories ?? [])
          if (!flow.dataCategories.includes(category))
            found.push({
              ...about,
              flowId: flow.id,
              code: 'data_category_not_in_flow',
              message: `${where} does not include ${dataCategoryLabels[category].toLowerCase()}`,
            });
        if (found.length === 0) matches.push({ a, v, flow });
        else reasons.push(...found);
      }
    }
  }
  if (matches.length > 0) {
    const gateways = await deps.gateways.describe([
      ...new Set(matches.flatMap((m) => flowGatewayIds(m.flow))),
    ]);
    return {
      covered: true,
      at,
      matches: matches.map(({ a, v, flow }) => ({
        agreementId: a.id,
        reference: a.reference,
        title: v.content.title,
        version: v.version,
        flowId: flow.id,
        flowPosition: flow.position,
        flowName: flow.name,
        gateways: flowGatewayIds(flow).flatMap((id) => {
          const g = gateways.get(id);
          return g ? [{ id, ...g }] : [];
        }),
      })),
    };
  }
  if (flowsBetween === 0)
    reasons.push({
      code: 'no_flow',
      message: `No agreement has a flow from ${orgs.get(query.from)!.name} to ${orgs.get(query.to)!.name}`,
    });
  return { covered: false, at, reasons };
}

function stateMessage(
  a: AgreementRecord,
  v: VersionRecord,
  state: Exclude<VersionState, 'in_force'>,
  orgs: ReadonlyMap<string, { name: string }>,
): string {
  const ref = `${a.reference} (version ${v.version})`;
  switch (state) {
    case 'not_signed': {
      if (v.status === 'draft') return `${ref} is still a draft`;
      const signed = new Set(v.signatures.map((s) => s.organisationId));
      const waiting = v.content.parties.filter((p) => !signed.has(p.organisationId));
      const names = waiting.map((p) => orgs.get(p.organisationId)?.name ?? 'a party').join(', ');
      return `${ref} is not yet signed${names ? `: waiting for ${names}` : ''}`;
    }
    case 'not_started':
      return `${ref} starts on ${formatLongDate(v.content.startDate)}`;
    case 'expired':
      return `${ref} expired: its end date was ${formatLongDate(v.content.endDate!)}`;
    case 'suspended':
      return `${ref} is suspended`;
    case 'terminated':
      return `${ref} has been terminated`;
    case 'superseded':
      return `${ref} has been superseded by a later version`;
  }
}
