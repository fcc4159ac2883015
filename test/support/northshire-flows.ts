import { demoOrganisations, demoPartnership } from '../../src/domain/demo/northshire.ts';
import type { FieldGroup } from '../../src/domain/policy/field-groups.ts';
import type { FlowInForce } from '../../src/domain/policy/flows-in-force.ts';
import type { Purpose } from '../../src/domain/policy/purposes.ts';
import type { OrganisationId, PartnershipId } from '../../src/domain/shared/ids.ts';

/**
 * Northshire's agreements as the agreements module will hand them to policy: a fixture of flows
 * in force, until that module is merged. The test clock stands at 2 November 2026, so T2-007
 * has expired and T2-040 has not started yet.
 */
const orgId = (key: string) => demoOrganisations.find((o) => o.key === key)!.id as OrganisationId;

export const org = {
  childrensServices: orgId('csc'),
  education: orgId('education'),
  police: orgId('police'),
  trust: orgId('trust'),
  gp: orgId('gp'),
  school: orgId('school'),
  youthJustice: orgId('yjs'),
  housing: orgId('housing'),
  charity: orgId('charity'),
} as const;

export const northshirePartnershipId = demoPartnership.id as PartnershipId;

interface FlowSpec {
  reference: string;
  title: string;
  flow: string;
  from: OrganisationId;
  to: OrganisationId;
  purposes: Purpose[];
  fieldGroups: FieldGroup[];
  gatewayIds: string[];
  validFrom?: string;
  validTo?: string;
  version?: number;
}

export function flowInForce(spec: FlowSpec, partnershipId = northshirePartnershipId): FlowInForce {
  return {
    partnershipId,
    agreementId: `agreement-${spec.reference}`,
    agreementReference: spec.reference,
    agreementTitle: spec.title,
    agreementVersion: spec.version ?? 1,
    flowId: `${spec.reference}-${spec.flow}`,
    fromOrganisationId: spec.from,
    toOrganisationId: spec.to,
    purposes: spec.purposes,
    fieldGroups: spec.fieldGroups,
    gatewayIds: spec.gatewayIds,
    validFrom: new Date(spec.validFrom ?? '2025-04-01T00:00:00Z'),
    validTo: spec.validTo ? new Date(spec.validTo) : null,
  };
}

const s47 = { reference: 'T2-014', title: 's47 enquiries', version: 2 };
const s47Purposes: Purpose[] = ['strategy_discussion', 's47_enquiry', 'child_protection_conference'];

export const northshireFlows: readonly FlowInForce[] = [
  flowInForce({
    ...s47,
    flow: 'F1',
    from: org.police,
    to: org.childrensServices,
    purposes: s47Purposes,
    fieldGroups: ['identity', 'family_household', 'police_incidents', 'domestic_abuse_notifications'],
    gatewayIds: ['CA1989-S47', 'UKGDPR-A6-1E', 'UKGDPR-A10', 'DPA2018-S1-P18'],
  }),
  flowInForce({
    ...s47,
    flow: 'F2',
    from: org.trust,
    to: org.childrensServices,
    purposes: s47Purposes,
    fieldGroups: ['identity', 'physical_health', 'mental_health'],
    gatewayIds: ['CA1989-S47', 'UKGDPR-A6-1E', 'UKGDPR-A9-2H', 'DPA2018-S1-P2'],
  }),
  flowInForce({
    ...s47,
    flow: 'F3',
    from: org.childrensServices,
    to: org.police,
    purposes: ['strategy_discussion', 's47_enquiry'],
    fieldGroups: ['identity', 'social_care_involvement', 'child_protection_status', 'lead_contact'],
    gatewayIds: ['CA1989-S47', 'UKGDPR-A6-1E'],
  }),
  flowInForce({
    reference: 'T2-020',
    title: 'Operation Encompass',
    flow: 'F1',
    from: org.police,
    to: org.school,
    purposes: ['operation_encompass'],
    fieldGroups: ['identity', 'domestic_abuse_notifications'],
    gatewayIds: ['VPA2024-OPENCOMPASS', 'UKGDPR-A6-1E', 'UKGDPR-A10'],
  }),
  flowInForce({
    reference: 'T2-031',
    title: 'Early help in schools',
    flow: 'F1',
    from: org.childrensServices,
    to: org.school,
    purposes: ['early_help'],
    fieldGroups: ['identity', 'social_care_involvement', 'lead_contact'],
    gatewayIds: ['CA2004-S10', 'UKGDPR-A6-1E'],
  }),
  flowInForce({
    reference: 'T2-031',
    title: 'Early help in schools',
    flow: 'F2',
    from: org.school,
    to: org.childrensServices,
    purposes: ['early_help', 'child_in_need_assessment', 's47_enquiry'],
    fieldGroups: ['identity', 'education', 'attendance_exclusions', 'special_educational_needs'],
    gatewayIds: ['CA2004-S10', 'CA1989-S47', 'UKGDPR-A6-1E', 'UKGDPR-A9-2B'],
  }),
  flowInForce({
    reference: 'T2-007',
    title: 'Front door screening 2023 to 2026',
    flow: 'F1',
    from: org.police,
    to: org.childrensServices,
    purposes: ['front_door_screening'],
    fieldGroups: ['identity', 'police_incidents'],
    gatewayIds: ['CA2004-S16E', 'UKGDPR-A6-1E', 'UKGDPR-A10'],
    validFrom: '2023-04-01T00:00:00Z',
    validTo: '2026-04-01T00:00:00+01:00',
  }),
  flowInForce({
    reference: 'T2-040',
    title: 'Housing checks',
    flow: 'F1',
    from: org.housing,
    to: org.childrensServices,
    purposes: ['front_door_screening', 's47_enquiry'],
    fieldGroups: ['identity', 'housing'],
    gatewayIds: ['CA2004-S11', 'UKGDPR-A6-1E'],
    validFrom: '2027-01-01T00:00:00Z',
  }),
];
