import { z } from 'zod';

/**
 * What a practitioner knows at the moment of deciding whether to share (issue 16 point 1). The
 * vocabulary follows HM Government's "Information sharing: advice for practitioners" (2018 and
 * May 2024 editions), the ICO's 10 step guide (2023) and DOMAIN.md sections 2, 3, 6 and 7.
 * Every object is strict: an unknown key or value is refused naming the field.
 */

export const editions = ['2018', '2024'] as const;
export type Edition = (typeof editions)[number];

/** The sharer's service. Health settings carry the common-law duty of confidence. */
export const settings = [
  'school',
  'early_years',
  'gp',
  'health_visitor',
  'midwifery',
  'school_nurse',
  'emergency_department',
  'sexual_health',
  'camhs',
  'police',
  'mash',
  'mash_police',
  'council_csc',
  'council_early_help',
  'housing',
  'probation',
  'youth_justice',
  'youth_charity',
] as const;
export type Setting = (typeof settings)[number];

export const requesterOrgTypes = [...settings, 'voluntary_group', 'member_of_public', 'other'] as const;
export type RequesterOrgType = (typeof requesterOrgTypes)[number];

export const situationKinds = [
  'own_concern',
  'incoming_request',
  'partner_check',
  'school_transfer',
] as const;
export type SituationKind = (typeof situationKinds)[number];

export const concernFlags = [
  'immediateDanger',
  'riskToLife',
  'specificThreat',
  'significantHarmSuspected',
  'belowThreshold',
  'thresholdUnclear',
  'earlyHelpOnly',
  'disclosureByChild',
  'domesticAbuse',
  'domesticAbuseIncidentChildPresent',
  'exploitation',
  'exploitationIndicators',
  'radicalisation',
  'under13Sexual',
  'sexualActivityPeerAge',
  'selfHarmLowRisk',
  'neglectIndicators',
  'injuryNonMobileBaby',
  'previousChildRemoved',
  'householdMemberChildSexOffender',
  'violentOffenderInHousehold',
] as const;
export type ConcernFlag = (typeof concernFlags)[number];

export const requestPurposes = [
  'safeguarding',
  'early_help',
  's17_assessment',
  's47_enquiry',
  'crime_investigation_serious',
  'crime_investigation_not_safeguarding',
  'other',
] as const;
export type RequestPurpose = (typeof requestPurposes)[number];

export const requestForms = ['phone', 'email', 'letter', 'secure_portal', 'sched2_para2'] as const;
export const requesterRelationships = ['parent_with_pr', 'parent_without_pr', 'carer', 'the_child'] as const;
export const consentStatuses = ['given', 'refused', 'not_sought', 'cannot_be_sought'] as const;
export const dataCategories = [
  'personal',
  'special_category',
  'criminal_offence',
  'health_confidential',
] as const;
export type DataCategory = (typeof dataCategories)[number];

const flag = z.boolean({ error: 'Answer true or false' }).optional();

export const ChildSchema = z.strictObject({
  age: z
    .number({ error: 'Enter the child’s age in whole years' })
    .int({ error: 'Enter the child’s age in whole years' })
    .min(0, { error: 'The age cannot be negative' })
    .max(25, { error: 'Enter an age of 25 or under' })
    .optional(),
  unborn: flag,
  competent: flag,
  onChildProtectionPlan: flag,
  hadChildInNeedPlan: flag,
  knownToServices: flag,
});

export const ConcernSchema = z.strictObject(
  Object.fromEntries(concernFlags.map((f) => [f, flag])) as Record<ConcernFlag, typeof flag>,
);

export const RequesterSchema = z.strictObject({
  orgType: z
    .enum(requesterOrgTypes, { error: 'Select the requester’s kind of organisation from the list' })
    .optional(),
  identityVerified: flag,
  purpose: z.enum(requestPurposes, { error: 'Select the purpose of the request from the list' }).optional(),
  asksForWholeRecord: flag,
  form: z.enum(requestForms, { error: 'Select how the request was made from the list' }).optional(),
  relationship: z
    .enum(requesterRelationships, { error: 'Select the requester’s relationship to the child from the list' })
    .optional(),
  allegedAbuser: flag,
});

export const ConsentSchema = z.strictObject({
  status: z
    .enum(consentStatuses, {
      error: 'Select whether consent was given, refused, not sought or cannot be sought',
    })
    .optional(),
  seekingWouldIncreaseRisk: flag,
});

export const SituationSchema = z.strictObject({
  setting: z.enum(settings, { error: 'Select your service from the list' }),
  edition: z.enum(editions, { error: 'Choose the 2018 or the 2024 edition' }).optional(),
  kind: z.enum(situationKinds, { error: 'Select what kind of situation this is' }),
  child: ChildSchema.optional(),
  concern: ConcernSchema.optional(),
  requester: RequesterSchema.optional(),
  consent: ConsentSchema.optional(),
  informingFamilyWouldIncreaseRisk: flag,
  sharerIsPublicAuthority: flag,
  dataCategories: z
    .array(z.enum(dataCategories, { error: 'Select each kind of data from the list' }))
    .max(dataCategories.length, { error: 'List each kind of data once' })
    .optional(),
  /** Kept with the situation; no rule decides on free text. */
  deadlineHint: z
    .string()
    .max(500, { error: 'Keep the deadline note to 500 characters or fewer' })
    .optional(),
});

export type Situation = z.infer<typeof SituationSchema>;
export type Concern = z.infer<typeof ConcernSchema>;
