import { purposeDefinitions } from '../policy/purposes.ts';
import { flowMethodDefinitions } from './agreement-terms.ts';
import { addMonths, formatLongDate } from './calendar-dates.ts';
import { checkAgreement } from './check-agreement.ts';
import type { AgreementCheckInput, CheckRule } from './check-types.ts';
import { sched1NeedsPolicyDocument, sched1Paragraph } from './legal-rules.ts';
import type { VersionRecord } from './load-agreements.ts';

/**
 * The sections a Tier 1 or Tier 2 agreement needs, after the templates in Somerset's toolkit
 * (seed 000, offered "to quality assure existing approaches") and the London and Tees agreements
 * (seeds 002, 003): purpose, parties, legal basis, data, security, retention, rights, review,
 * signatures and, for routine sharing, a DPIA (ICO 10 step guide, step 5).
 */
export const qualitySections = [
  'purpose',
  'parties',
  'legal_basis',
  'data',
  'security',
  'retention',
  'rights',
  'review',
  'signatures',
  'dpia',
] as const;
export type QualitySection = (typeof qualitySections)[number];

export const qualitySectionLabels = {
  purpose: 'Purpose',
  parties: 'Parties',
  legal_basis: 'Legal basis',
  data: 'Data',
  security: 'Security',
  retention: 'Retention',
  rights: 'Rights',
  review: 'Review',
  signatures: 'Signatures',
  dpia: 'DPIA',
} as const satisfies Record<QualitySection, string>;

export interface QualityFinding {
  readonly section: QualitySection;
  readonly severity: 'missing' | 'weak';
  /** Starts with the section's label: "Retention: no retention period is given for flow 2". */
  readonly message: string;
}

/** Where each agreement check lands in the template; null where the report says it its own way. */
const sectionOfRule = {
  listed_twice: 'parties',
  organisation_unknown: 'parties',
  parties_too_few: 'parties',
  flow_needs_organisations: 'parties',
  flow_shares_with_itself: 'parties',
  flow_organisation_not_party: 'parties',
  party_without_flow: 'parties',
  purposes_missing: 'purpose',
  flow_purpose_grant_only: 'purpose',
  flows_missing: 'data',
  data_categories_missing: 'data',
  data_categories_mismatch: 'data',
  tier_fields_misplaced: 'data',
  gateway_unknown: 'legal_basis',
  gateway_wrong_kind: 'legal_basis',
  art6_missing: 'legal_basis',
  basis_not_yet_law: 'legal_basis',
  special_category_needs_art9: 'legal_basis',
  art9_needs_sched1: 'legal_basis',
  sched1_wrong_part: 'legal_basis',
  criminal_offence_needs_art10: 'legal_basis',
  public_authority_legitimate_interests: 'legal_basis',
  health_data_needs_confidentiality: 'legal_basis',
  confidentiality_incomplete: 'legal_basis',
  public_authority_needs_statute: 'legal_basis',
  tier1_unusable: 'legal_basis',
  consent_for_safeguarding: 'legal_basis',
  condition_not_needed: 'legal_basis',
  outside_tier1: 'legal_basis',
  flow_retention_missing: null,
  dates_out_of_order: 'review',
  end_date_passed: 'review',
} as const satisfies Record<CheckRule, QualitySection | null>;

const hasPeriod = (text: string) => /\d|\b(years?|months?|weeks?|days?)\b/i.test(text);
const MANY_FIELD_GROUPS = 6;

/**
 * Names each missing or weak section of one version. Pure: `input` is the agreement check's
 * input for the version assessed.
 */
export function assessQuality(
  input: AgreementCheckInput,
  version: Pick<VersionRecord, 'version' | 'status' | 'signatures'>,
): QualityFinding[] {
  const found: QualityFinding[] = [];
  const add = (section: QualitySection, severity: QualityFinding['severity'], text: string) =>
    found.push({ section, severity, message: `${qualitySectionLabels[section]}: ${text}` });
  const { content, flows, tier } = input;
  const n = (i: number) => input.positions?.[i] ?? i + 1;
  const orgName = (id: string) => input.organisations.get(id)?.name ?? 'an organisation';

  const check = checkAgreement(input);
  for (const [severity, problems] of [
    ['missing', check.errors],
    ['weak', check.warnings],
  ] as const)
    for (const p of problems) {
      const section = sectionOfRule[p.rule];
      if (section) add(section, severity, lowerFirst(p.problem));
    }

  // Purpose: why the parties share, in words a family could follow.
  if (!content.summary)
    add('purpose', 'missing', 'the agreement does not say why the parties share information');
  else if (content.summary.length < 60)
    add(
      'purpose',
      'weak',
      'the statement of purpose is very short: say what the sharing is for and whom it helps',
    );

  // Parties: who to contact about the agreement at each.
  for (const p of content.parties)
    if (input.organisations.has(p.organisationId) && !p.contact)
      add('parties', 'weak', `no contact is named for ${orgName(p.organisationId)}`);

  // Legal basis: the statute a purpose usually rests on, and appropriate policy documents.
  flows.forEach((flow, i) => {
    for (const purpose of flow.purposes) {
      const usual = purposeDefinitions[purpose].statutoryGateway;
      if (usual && !flow.statutoryGatewayIds.includes(usual))
        add(
          'legal_basis',
          'weak',
          `flow ${n(i)} serves ${purposeDefinitions[purpose].label}, usually shared under ${usual}, which it does not cite`,
        );
    }
  });
  const sched1 = [
    ...new Set([
      ...content.gatewayIds,
      ...flows.flatMap((f) => [f.art9Sched1ConditionId, f.art10Sched1ConditionId]),
    ]),
  ].filter((id): id is string => !!id && (sched1Paragraph(id) ?? 0) > 0);
  const mentionsPolicyDocument = /appropriate policy document/i.test(
    [content.summary, content.security, content.rights, content.retention].join(' '),
  );
  for (const id of sched1)
    if (sched1NeedsPolicyDocument(sched1Paragraph(id)!) && !mentionsPolicyDocument)
      add(
        'legal_basis',
        'weak',
        `${id} needs an appropriate policy document (DPA 2018 Sched 1 Part 4): say that each party relying on it has one`,
      );

  // Data: minimisation (UK GDPR Art 5(1)(c); 2024 golden rule 6).
  flows.forEach((flow, i) => {
    if (flow.fieldGroups.length > MANY_FIELD_GROUPS)
      add(
        'data',
        'weak',
        `flow ${n(i)} carries ${flow.fieldGroups.length} field groups: check each is needed for its purpose (data minimisation)`,
      );
  });

  // Security: commitments, breach reporting and channels (UK GDPR Arts 32 to 34).
  if (!content.security)
    add('security', 'missing', 'the agreement gives no security commitments (UK GDPR Art 32)');
  else if (!/breach/i.test(content.security))
    add(
      'security',
      'weak',
      'it does not say how personal data breaches are reported between the parties (UK GDPR Arts 33 and 34)',
    );
  flows.forEach((flow, i) => {
    const weakness = flowMethodDefinitions[flow.method].weakness;
    if (weakness) add('security', 'weak', `the method '${flow.method}' ${weakness} (flow ${n(i)})`);
  });

  // Retention: storage limitation (UK GDPR Art 5(1)(e)). Each tier's template has a retention
  // section, and the agreement page shows an empty one as "Not written yet": a Tier 2 whose flows
  // each give a period still needs the agreement's own commitments (disposal, what happens when
  // the agreement ends), so an empty section is never "complete".
  if (!content.retention) add('retention', 'missing', 'the agreement gives no retention commitments');
  flows.forEach((flow, i) => {
    if (!flow.retention) add('retention', 'missing', `no retention period is given for flow ${n(i)}`);
    else if (!hasPeriod(flow.retention))
      add('retention', 'weak', `the retention for flow ${n(i)} gives no period`);
  });

  // Rights: transparency and the rights of the people the data is about (UK GDPR Arts 12 to 22).
  if (!content.rights)
    add(
      'rights',
      'missing',
      'the agreement does not say how people’s rights are met (UK GDPR Arts 12 to 22)',
    );
  else {
    if (!/privacy notice|inform|transparen/i.test(content.rights))
      add(
        'rights',
        'weak',
        'it does not say how people are told about the sharing (privacy notices, UK GDPR Arts 13 and 14)',
      );
    if (!/subject access|access request/i.test(content.rights))
      add(
        'rights',
        'weak',
        'it does not say how subject access requests that involve other parties are handled',
      );
  }

  // Review: regular review keeps sharing necessary (ICO data sharing code).
  const longest = tier === 'tier1' ? 36 : 12;
  if (content.reviewDate > addMonths(content.startDate, longest))
    add(
      'review',
      'weak',
      `the review date is more than ${longest === 12 ? 'a year' : 'three years'} after the start`,
    );
  if (version.status === 'active' && content.reviewDate <= input.today)
    add('review', 'weak', `the review date (${formatLongDate(content.reviewDate)}) has passed`);

  // Signatures: every party signs the version.
  if (version.status === 'draft')
    add('signatures', 'missing', `version ${version.version} is a draft and has not been sent for signature`);
  else if (version.status === 'awaiting_signatures') {
    const signed = new Set(version.signatures.map((s) => s.organisationId));
    for (const p of content.parties)
      if (!signed.has(p.organisationId))
        add(
          'signatures',
          'missing',
          `${orgName(p.organisationId)} has not signed version ${version.version}`,
        );
  }

  // DPIA: routine sharing needs one (ICO 10 step guide, step 5).
  flows.forEach((flow, i) => {
    if (!flow.dpiaReference)
      add('dpia', 'missing', `no DPIA reference is given for flow ${n(i)} (ICO 10 step guide, step 5)`);
  });
  return found;
}

function lowerFirst(text: string): string {
  // "Flow 2 carries…" reads on after "Legal basis: "; "Northshire Police is…" keeps its capitals.
  return /^[A-Z][a-z\s]/.test(text) && !/^[A-Z][a-z]+ [A-Z]/.test(text)
    ? text[0]!.toLowerCase() + text.slice(1)
    : text;
}
