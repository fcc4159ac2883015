import type { GatewayKind } from '../gateways/gateway-kinds.ts';
import { dataCategoryLabels } from '../policy/field-groups.ts';
import { purposeDefinitions } from '../policy/purposes.ts';
import { agreementStatusLabels, flowGatewayIds } from './agreement-terms.ts';
import { checkFlow, derivedCategories } from './check-flow.ts';
import {
  ProblemList,
  writeTimeRules,
  type AgreementCheckInput,
  type AgreementCheckResult,
  type AgreementProblem,
} from './check-types.ts';
import { art9Point, art9Sched1Requirement } from './legal-rules.ts';

/** A Tier 1 agreement that a Tier 2 may still be made under. */
const usableTier1Statuses = new Set([
  'draft',
  'awaiting_signatures',
  'signed_not_started',
  'active',
  'review_due',
]);

/**
 * Checks an agreement version as a data protection officer would before it is signed. Errors
 * name the field and the rule of law; warnings never block. Pure: every fact it needs (the
 * partnership's organisations, the gateways cited, the Tier 1 it sits under, today's date) is
 * passed in, so the same check runs in drafting, on submission and in tests.
 */
export function checkAgreement(input: AgreementCheckInput): AgreementCheckResult {
  const problems = new ProblemList();
  const { content } = input;
  checkParties(input, problems);
  checkDates(input, problems);
  if (input.tier === 'tier1') {
    checkTier1(input, problems);
  } else {
    if (content.gatewayIds.length > 0 || content.dataCategories.length > 0)
      problems.error(
        'tier_fields_misplaced',
        content.gatewayIds.length > 0 ? 'gatewayIds' : 'dataCategories',
        'A Tier 2 agreement names its gateways and data on each flow',
      );
    if (input.flows.length === 0)
      problems.error('flows_missing', 'flows', 'Add at least one flow: who shares what with whom, and why');
    input.flows.forEach((flow, i) =>
      checkFlow(input, flow, `flows.${i}`, input.positions?.[i] ?? i + 1, problems),
    );
    checkAgainstTier1(input, problems);
    const inFlows = new Set(input.flows.flatMap((f) => [...f.fromOrganisationIds, ...f.toOrganisationIds]));
    content.parties.forEach((p, i) => {
      const o = input.organisations.get(p.organisationId);
      if (o && input.flows.length > 0 && !inFlows.has(p.organisationId))
        problems.warn(
          'party_without_flow',
          `parties.${i}.organisationId`,
          `${o.name} is a party but shares or receives nothing in any flow`,
        );
    });
  }
  return { errors: problems.errors, warnings: problems.warnings };
}

/** The errors that no write may carry, even to a draft. */
export function writeTimeErrors(result: AgreementCheckResult): AgreementProblem[] {
  const rules = new Set<string>(writeTimeRules);
  return result.errors.filter((e) => rules.has(e.rule));
}

function checkParties(input: AgreementCheckInput, problems: ProblemList) {
  const ids = input.content.parties.map((p) => p.organisationId);
  ids.forEach((id, i) => {
    const field = `parties.${i}.organisationId`;
    const o = input.organisations.get(id);
    if (!o) return problems.error('organisation_unknown', field, 'Select an organisation from the list');
    if (ids.indexOf(id) !== i) problems.error('listed_twice', field, `${o.name} is listed twice`);
  });
  if (new Set(ids).size < 2)
    problems.error('parties_too_few', 'parties', 'A data sharing agreement needs at least two parties');
}

function checkDates(input: AgreementCheckInput, problems: ProblemList) {
  const { startDate, reviewDate, endDate } = input.content;
  if (endDate !== null && endDate < startDate)
    problems.error('dates_out_of_order', 'endDate', 'The end date must be on or after the start date');
  if (reviewDate <= startDate)
    problems.error('dates_out_of_order', 'reviewDate', 'The review date must be after the start date');
  if (endDate !== null && reviewDate > endDate)
    problems.error('dates_out_of_order', 'reviewDate', 'The review date must be on or before the end date');
  if (endDate !== null && endDate < input.today)
    problems.error('end_date_passed', 'endDate', 'The end date has passed: give a later end date');
}

function checkTier1(input: AgreementCheckInput, problems: ProblemList) {
  const { content } = input;
  if (content.purposes.length === 0)
    problems.error(
      'purposes_missing',
      'purposes',
      'Select the purposes the partnership shares information for',
    );
  if (content.dataCategories.length === 0)
    problems.error('data_categories_missing', 'dataCategories', 'Select the categories of data shared');
  const kinds = new Set<GatewayKind>();
  content.gatewayIds.forEach((id, i) => {
    const gateway = input.gateways.get(id);
    if (!gateway)
      return problems.error(
        'gateway_unknown',
        `gatewayIds.${i}`,
        `There is no gateway ${id} in the catalogue`,
      );
    if (content.gatewayIds.indexOf(id) !== i)
      return problems.error('listed_twice', `gatewayIds.${i}`, `${id} is listed twice`);
    kinds.add(gateway.kind);
  });
  if (!kinds.has('uk_gdpr_art6'))
    problems.error(
      'art6_missing',
      'gatewayIds',
      'List the UK GDPR Article 6 lawful bases the parties rely on',
    );
  if (content.dataCategories.includes('special_category')) {
    if (!kinds.has('uk_gdpr_art9'))
      problems.error(
        'special_category_needs_art9',
        'gatewayIds',
        'Special category data is shared: list the UK GDPR Article 9 conditions relied on',
      );
    const needsSched1 = content.gatewayIds.some((id) => {
      const point = art9Point(id);
      return point !== undefined && art9Sched1Requirement[point] !== undefined;
    });
    if (needsSched1 && !kinds.has('dpa_sched1'))
      problems.error(
        'art9_needs_sched1',
        'gatewayIds',
        'The Article 9 conditions listed need DPA 2018 Schedule 1 conditions (s10): list them',
      );
  }
  if (
    content.dataCategories.includes('criminal_offence') &&
    !(kinds.has('uk_gdpr_art10') && kinds.has('dpa_sched1'))
  )
    problems.error(
      'criminal_offence_needs_art10',
      'gatewayIds',
      'Criminal offence data is shared: list the Article 10 condition and the DPA 2018 Schedule 1 conditions it rests on',
    );
}

function checkAgainstTier1(input: AgreementCheckInput, problems: ProblemList) {
  const tier1 = input.tier1;
  if (!tier1) {
    problems.error('tier1_unusable', 'tier1AgreementId', 'Select a Tier 1 agreement of your partnership');
    return;
  }
  if (!usableTier1Statuses.has(tier1.status))
    problems.error(
      'tier1_unusable',
      'tier1AgreementId',
      `${tier1.reference} is ${agreementStatusLabels[tier1.status].toLowerCase()}: a Tier 2 agreement needs a Tier 1 agreement in force or in draft`,
    );
  const outside = (field: string, what: string) =>
    problems.warn('outside_tier1', field, `${what} is not in ${tier1.reference}, the Tier 1 agreement`);
  input.content.parties.forEach((p, i) => {
    const o = input.organisations.get(p.organisationId);
    if (o && !tier1.partyIds.includes(p.organisationId))
      outside(`parties.${i}.organisationId`, `${o.name} is a party here but`);
  });
  input.flows.forEach((flow, i) => {
    flow.purposes.forEach((p, j) => {
      if (!tier1.purposes.includes(p))
        outside(`flows.${i}.purposes.${j}`, `The purpose "${purposeDefinitions[p].label}"`);
    });
    for (const c of derivedCategories(flow))
      if (!tier1.dataCategories.includes(c)) outside(`flows.${i}.fieldGroups`, `${dataCategoryLabels[c]}`);
    const unlisted = flowGatewayIds(flow).filter(
      (id) => input.gateways.has(id) && !tier1.gatewayIds.includes(id),
    );
    if (unlisted.length > 0)
      outside(`flows.${i}`, `The gateway${unlisted.length > 1 ? 's' : ''} ${unlisted.join(', ')}`);
  });
}
