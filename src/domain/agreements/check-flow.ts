import type { GatewayKind } from '../gateways/gateway-kinds.ts';
import {
  categoryOf,
  dataCategories as allCategories,
  dataCategoryLabels,
  fieldGroupDefinitions,
  type DataCategory,
} from '../policy/field-groups.ts';
import { isGrantOnlyPurpose, purposeDefinitions } from '../policy/purposes.ts';
import type { FlowContent } from './agreement-terms.ts';
import { formatLongDate } from './calendar-dates.ts';
import { describeKinds, type AgreementCheckInput, type ProblemList } from './check-types.ts';
import {
  art9Point,
  art9Sched1Requirement,
  basisInForceFrom,
  consentBasedPurposes,
  consentConditions,
  consentWarning,
  flowGatewayKinds,
  healthFieldGroups,
  isPublicAuthority,
  legitimateInterestBases,
  sched1Paragraph,
  sched1Part,
} from './legal-rules.ts';

/** The data categories a flow carries, derived from its field groups (DOMAIN.md section 7). */
export function derivedCategories(flow: Pick<FlowContent, 'fieldGroups'>): DataCategory[] {
  const present = new Set(flow.fieldGroups.map(categoryOf));
  return allCategories.filter((c) => present.has(c));
}

type SingleGatewayField = Exclude<keyof typeof flowGatewayKinds, 'statutoryGatewayIds'>;

/** Checks one Tier 2 flow; `at` is its path prefix (`flows.2`) and `n` the number people use. */
export function checkFlow(
  input: AgreementCheckInput,
  flow: FlowContent,
  at: string,
  n: number,
  problems: ProblemList,
): void {
  const org = (id: string) => input.organisations.get(id);
  const partyIds = new Set(input.content.parties.map((p) => p.organisationId));

  // Who shares with whom.
  for (const side of ['fromOrganisationIds', 'toOrganisationIds'] as const) {
    const ids = flow[side];
    if (ids.length === 0) {
      const who = side === 'fromOrganisationIds' ? 'shares' : 'receives';
      problems.error(
        'flow_needs_organisations',
        `${at}.${side}`,
        `Select at least one organisation that ${who} in flow ${n}`,
      );
    }
    ids.forEach((id, j) => {
      const field = `${at}.${side}.${j}`;
      // Another partnership's organisation answers exactly like one that does not exist.
      if (!org(id))
        return problems.error('organisation_unknown', field, 'Select an organisation from the list');
      if (ids.indexOf(id) !== j)
        return problems.error('listed_twice', field, `${org(id)!.name} is listed twice`);
      if (!partyIds.has(id))
        problems.error(
          'flow_organisation_not_party',
          field,
          `${org(id)!.name} is not a party to this agreement: add it to the parties`,
        );
    });
  }
  flow.toOrganisationIds.forEach((id, j) => {
    if (flow.fromOrganisationIds.includes(id) && org(id))
      problems.error(
        'flow_shares_with_itself',
        `${at}.toOrganisationIds.${j}`,
        `${org(id)!.name} cannot share with itself: remove it from one side of flow ${n}`,
      );
  });

  // The data, and the categories it falls in.
  const categories = derivedCategories(flow);
  if (flow.dataCategories) {
    const given = new Set(flow.dataCategories);
    const missing = categories.filter((c) => !given.has(c));
    const extra = [...given].filter((c) => !categories.includes(c));
    if (missing.length > 0 || extra.length > 0) {
      const parts = [
        ...missing.map((c) => `the field groups include ${dataCategoryLabels[c].toLowerCase()}`),
        ...extra.map((c) => `no field group is ${dataCategoryLabels[c].toLowerCase()}`),
      ];
      problems.error(
        'data_categories_mismatch',
        `${at}.dataCategories`,
        `The data categories do not match the field groups: ${parts.join('; ')}`,
      );
    }
  }

  // A break-glass purpose in a standing flow would be a permanent emergency (policy/purposes.ts).
  flow.purposes.forEach((p, j) => {
    if (isGrantOnlyPurpose(p))
      problems.error(
        'flow_purpose_grant_only',
        `${at}.purposes.${j}`,
        `Remove "${purposeDefinitions[p].label}" from flow ${n}: it is reached only by breaking glass, never by an agreement`,
      );
  });

  checkGatewayFields(input, flow, at, problems);
  checkConditions(input, flow, categories, at, n, problems);
  if (!flow.retention?.trim())
    problems.error(
      'flow_retention_missing',
      `${at}.retention`,
      `Say how long the receiving organisations keep what flow ${n} shares (UK GDPR Art 5(1)(e))`,
    );
}

function checkGatewayFields(
  input: AgreementCheckInput,
  flow: FlowContent,
  at: string,
  problems: ProblemList,
) {
  const kindCheck = (field: string, id: string, kinds: readonly GatewayKind[]) => {
    const gateway = input.gateways.get(id);
    if (!gateway)
      return problems.error('gateway_unknown', field, `There is no gateway ${id} in the catalogue`);
    if (!kinds.includes(gateway.kind))
      problems.error(
        'gateway_wrong_kind',
        field,
        `${id} is ${describeKinds([gateway.kind])}, not ${describeKinds(kinds)}`,
      );
  };
  const singles: SingleGatewayField[] = [
    'art6BasisId',
    'art9ConditionId',
    'art9Sched1ConditionId',
    'art10ConditionId',
    'art10Sched1ConditionId',
    'confidentialityGatewayId',
  ];
  for (const field of singles) {
    const id = flow[field];
    if (id) kindCheck(`${at}.${field}`, id, flowGatewayKinds[field]);
  }
  flow.statutoryGatewayIds.forEach((id, j) =>
    kindCheck(`${at}.statutoryGatewayIds.${j}`, id, flowGatewayKinds.statutoryGatewayIds),
  );
  flow.otherGatewayIds.forEach((id, j) => {
    if (!input.gateways.has(id))
      problems.error(
        'gateway_unknown',
        `${at}.otherGatewayIds.${j}`,
        `There is no gateway ${id} in the catalogue`,
      );
  });
  if (Boolean(flow.confidentialityGatewayId) !== Boolean(flow.confidentialityGround))
    problems.error(
      'confidentiality_incomplete',
      flow.confidentialityGatewayId ? `${at}.confidentialityGround` : `${at}.confidentialityGatewayId`,
      'Give both the common-law gateway and the ground on which confidential information is shared',
    );
}

function checkConditions(
  input: AgreementCheckInput,
  flow: FlowContent,
  categories: readonly DataCategory[],
  at: string,
  n: number,
  problems: ProblemList,
) {
  const groupsOf = (category: DataCategory) =>
    flow.fieldGroups
      .filter((g) => categoryOf(g) === category)
      .map((g) => fieldGroupDefinitions[g].label)
      .join(', ');
  const disclosers = flow.fromOrganisationIds.map((id) => input.organisations.get(id)).filter((o) => !!o);

  if (!flow.art6BasisId)
    problems.error(
      'art6_missing',
      `${at}.art6BasisId`,
      `Select the UK GDPR Article 6 lawful basis for flow ${n}`,
    );

  // UK GDPR Art 6(1) last paragraph; Data (Use and Access) Act 2025 s70(2)(c).
  const li = legitimateInterestBases[flow.art6BasisId as keyof typeof legitimateInterestBases];
  const publicDiscloser = disclosers.find((o) => isPublicAuthority(o.type));
  if (li && publicDiscloser)
    problems.error(
      'public_authority_legitimate_interests',
      `${at}.art6BasisId`,
      `${publicDiscloser.name} is a public authority and cannot rely on ${li} for its tasks: use public task (UKGDPR-6-1-e) or legal obligation (UKGDPR-6-1-c)`,
    );

  const inForceFrom = basisInForceFrom[flow.art6BasisId];
  if (inForceFrom && input.content.startDate < inForceFrom.date)
    problems.error(
      'basis_not_yet_law',
      `${at}.art6BasisId`,
      `${flow.art6BasisId} is law only from ${formatLongDate(inForceFrom.date)} (${inForceFrom.source}): start the agreement on or after that date, or use another basis`,
    );

  const safeguarding = flow.purposes.some((p) => !consentBasedPurposes.has(p));
  for (const field of ['art6BasisId', 'art9ConditionId'] as const) {
    const id = flow[field];
    if (id && consentConditions.has(id) && safeguarding)
      problems.warn('consent_for_safeguarding', `${at}.${field}`, consentWarning);
  }

  // UK GDPR Art 9(1) and DPA 2018 s10(1)-(3).
  if (categories.includes('special_category')) {
    if (!flow.art9ConditionId) {
      problems.error(
        'special_category_needs_art9',
        `${at}.art9ConditionId`,
        `Flow ${n} carries special category data (${groupsOf('special_category')}): select a UK GDPR Article 9 condition`,
      );
    } else {
      checkArt9Sched1(flow, at, n, problems);
    }
  } else if (flow.art9ConditionId) {
    problems.warn(
      'condition_not_needed',
      `${at}.art9ConditionId`,
      `Flow ${n} carries no special category data, so it needs no Article 9 condition`,
    );
  }

  // UK GDPR Art 10 and DPA 2018 s10(5): criminal offence data needs a Schedule 1 condition.
  if (categories.includes('criminal_offence')) {
    if (!flow.art10ConditionId)
      problems.error(
        'criminal_offence_needs_art10',
        `${at}.art10ConditionId`,
        `Flow ${n} carries criminal offence data (${groupsOf('criminal_offence')}): select the Article 10 condition`,
      );
    if (!flow.art10Sched1ConditionId)
      problems.error(
        'criminal_offence_needs_art10',
        `${at}.art10Sched1ConditionId`,
        `Flow ${n} carries criminal offence data: select the DPA 2018 Schedule 1 condition it rests on (DPA 2018 s10(5))`,
      );
  } else if (flow.art10ConditionId || flow.art10Sched1ConditionId) {
    problems.warn(
      'condition_not_needed',
      flow.art10ConditionId ? `${at}.art10ConditionId` : `${at}.art10Sched1ConditionId`,
      `Flow ${n} carries no criminal offence data, so it needs no Article 10 condition`,
    );
  }

  // The common-law duty of confidence is separate from data protection law (DOMAIN.md, CLDC).
  const health = flow.fieldGroups.filter((g) => healthFieldGroups.has(g));
  if (health.length > 0 && !flow.confidentialityGatewayId && !flow.confidentialityGround)
    problems.error(
      'health_data_needs_confidentiality',
      `${at}.confidentialityGatewayId`,
      `Flow ${n} shares health information (${health.map((g) => fieldGroupDefinitions[g].label).join(', ')}): give the common-law justification for sharing it in confidence (CLDC)`,
    );

  // A public authority may only do what its functions allow: name the statute.
  if (publicDiscloser && flow.statutoryGatewayIds.length === 0)
    problems.error(
      'public_authority_needs_statute',
      `${at}.statutoryGatewayIds`,
      `${publicDiscloser.name} is a public authority: name the statutory duty or power that makes this sharing part of its functions`,
    );
}

function checkArt9Sched1(flow: FlowContent, at: string, n: number, problems: ProblemList) {
  const point = art9Point(flow.art9ConditionId!);
  const requirement = point ? art9Sched1Requirement[point] : undefined;
  if (!requirement) return;
  const field = `${at}.art9Sched1ConditionId`;
  const wanted =
    requirement.part === 1
      ? `Schedule 1 Part 1 paragraph ${requirement.paragraph}`
      : 'a Schedule 1 Part 2 condition, such as paragraph 18 (safeguarding) or paragraph 6 (statutory purposes)';
  if (!flow.art9Sched1ConditionId) {
    problems.error(
      'art9_needs_sched1',
      field,
      `Article 9(2)(${point}) needs a DPA 2018 Schedule 1 condition (s10): select ${wanted}`,
    );
    return;
  }
  const paragraph = sched1Paragraph(flow.art9Sched1ConditionId);
  if (paragraph === undefined) return;
  const fits = requirement.part === 1 ? paragraph === requirement.paragraph : sched1Part(paragraph) === 2;
  if (!fits)
    problems.error(
      'sched1_wrong_part',
      field,
      `${flow.art9Sched1ConditionId} does not go with Article 9(2)(${point}) in flow ${n}: DPA 2018 s10 needs ${wanted}`,
    );
}
