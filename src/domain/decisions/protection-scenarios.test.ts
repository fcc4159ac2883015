import { describe } from 'node:test';
import { scenario } from './scenario-support.ts';

/** Immediate danger and the child protection threshold, from the guidance each cites. */
describe('the guidance on danger and significant harm (2024 edition)', () => {
  scenario(
    'a child says at school that her stepfather will hurt her tonight: call 999 and refer now, record after',
    'ICO step 9; 2024 golden rule 1',
    {
      setting: 'school',
      kind: 'own_concern',
      child: { age: 8 },
      concern: { immediateDanger: true, disclosureByChild: true },
    },
    {
      outcome: 'share_without_consent',
      urgency: 'immediate',
      tellFamily: 'after',
      includes: {
        advice: ['call_999', 'refer_csc_now'],
        recipients: ['police', 'council_csc'],
        never: ['delay_to_seek_consent'],
        mustRecord: ['recorded_after_the_act'],
      },
      flags: { escalate: true },
      firstRule: 'urgent.immediate_danger',
      lawfulBasis: ['UKGDPR-6-1-e', 'UKGDPR-6-1-d', 'EA2002-S175'],
    },
  );

  scenario(
    'a risk to life in the emergency department: vital interests and the public interest override confidence',
    'ICO step 9; 2024 golden rule 1; DOMAIN.md 2.4 (CLDC for health)',
    {
      setting: 'emergency_department',
      kind: 'own_concern',
      child: { age: 15 },
      concern: { riskToLife: true },
    },
    {
      outcome: 'share_without_consent',
      urgency: 'immediate',
      lawfulBasis: ['UKGDPR-6-1-e', 'UKGDPR-6-1-d', 'UKGDPR-9-2-g', 'DPA-S1-P18', 'CA2004-S11', 'CLDC'],
    },
  );

  scenario(
    'immediate danger said to be below threshold: the danger wins, with a warning',
    'issue 16 (contradictory facts); ICO step 9',
    { setting: 'housing', kind: 'own_concern', concern: { immediateDanger: true, belowThreshold: true } },
    {
      outcome: 'share_without_consent',
      urgency: 'immediate',
      includes: {
        warnings: ['contradiction_danger_below_threshold: immediate danger is taken as true, the safer path'],
      },
    },
  );

  scenario(
    'a disclosure of abuse to a school’s designated safeguarding lead: refer the same day, the lead agency decides when the family is told',
    'Working Together 2023 ch 3; 2024 golden rules 2 and 3',
    {
      setting: 'school',
      kind: 'own_concern',
      child: { age: 9 },
      concern: { disclosureByChild: true },
      consent: { status: 'not_sought', seekingWouldIncreaseRisk: true },
    },
    {
      outcome: 'share_without_consent',
      urgency: 'same_day',
      includes: {
        advice: ['refer_csc_now'],
        recipients: ['council_csc'],
        never: ['delay_to_seek_consent', 'reveal_informant_identity'],
      },
      tellFamily: 'per_lead_agency',
      lawfulBasis: ['UKGDPR-6-1-e', 'EA2002-S175'],
    },
  );

  scenario(
    'the same disclosure where telling the family is not known to be risky: per lead agency',
    'Working Together 2023 ch 3 (strategy discussion); 2024 golden rule 2',
    { setting: 'school', kind: 'own_concern', child: { age: 9 }, concern: { disclosureByChild: true } },
    { outcome: 'share_without_consent', tellFamily: 'per_lead_agency' },
  );

  scenario(
    'sexual activity involving an 12 year old seen by a school nurse: refer to children’s social care and the police',
    'Sexual Offences Act 2003 ss5–8; DOMAIN.md 2.7',
    {
      setting: 'school_nurse',
      kind: 'own_concern',
      child: { age: 12 },
      concern: { under13Sexual: true },
      dataCategories: ['special_category'],
    },
    {
      outcome: 'share_without_consent',
      includes: { recipients: ['council_csc', 'police'], advice: ['refer_csc_now'] },
      lawfulBasis: ['UKGDPR-6-1-e', 'UKGDPR-9-2-g', 'DPA-S1-P18', 'CA2004-S11', 'CLDC'],
    },
  );

  scenario(
    'a peer relationship of a 12 year old is still under 13 sexual activity',
    'Sexual Offences Act 2003 s5; DOMAIN.md 2.7',
    {
      setting: 'sexual_health',
      kind: 'own_concern',
      child: { age: 12, competent: true },
      concern: { sexualActivityPeerAge: true },
    },
    { outcome: 'share_without_consent', firstRule: 'protection.under_13_sexual' },
  );

  scenario(
    'bruising on a 4 month old baby seen by a health visitor: refer the same day',
    'Working Together 2023 ch 3; local non-mobile baby protocols',
    {
      setting: 'health_visitor',
      kind: 'own_concern',
      child: { age: 0 },
      concern: { injuryNonMobileBaby: true },
    },
    {
      outcome: 'share_without_consent',
      urgency: 'same_day',
      includes: { advice: ['refer_csc_now'] },
      tellFamily: 'per_lead_agency',
    },
  );

  scenario(
    'a youth charity sees signs of criminal exploitation: the recognised legitimate interest, not public task',
    'Working Together 2023 ch 3; 2024 golden rule 3; UK GDPR Art 6(1)(ea) (DUAA 2025)',
    {
      setting: 'youth_charity',
      kind: 'own_concern',
      child: { age: 14 },
      concern: { exploitationIndicators: true },
    },
    {
      outcome: 'share_without_consent',
      includes: { recipients: ['council_csc', 'police'] },
      lawfulBasis: ['UKGDPR-6-1-ea', 'WT2023'],
    },
  );

  scenario(
    'police attend a domestic abuse incident with a child present: Operation Encompass notice before the next school day',
    'Victims and Prisoners Act 2024 (Operation Encompass); DOMAIN.md 2.7',
    {
      setting: 'police',
      kind: 'own_concern',
      child: { age: 7 },
      concern: { domesticAbuseIncidentChildPresent: true },
      dataCategories: ['personal', 'criminal_offence'],
    },
    {
      outcome: 'share_without_consent',
      deadline: { schoolDays: 1 },
      includes: { recipients: ['school', 'council_csc'] },
      lawfulBasis: [
        'UKGDPR-6-1-e',
        'UKGDPR-6-1-c',
        'UKGDPR-10',
        'DPA-S1-P36',
        'DPA-S1-P18',
        'VPA2024-OPENCOMPASS',
        'CA2004-S11',
        'DAA2021',
      ],
      firstRule: 'protection.operation_encompass',
    },
  );

  scenario(
    'a child on a child protection plan attends the emergency department: the lead practitioner is told (CP-IS)',
    'NHS England CP-IS; DOMAIN.md 2.7',
    { setting: 'emergency_department', kind: 'own_concern', child: { age: 5, onChildProtectionPlan: true } },
    {
      outcome: 'share_without_consent',
      includes: { recipients: ['council_csc'] },
      flags: { notifyLeadPractitioner: true },
    },
  );

  scenario(
    'a referral on a child on a plan also tells the lead practitioner',
    'NHS England CP-IS; Working Together 2023 ch 3',
    {
      setting: 'gp',
      kind: 'own_concern',
      child: { age: 6, onChildProtectionPlan: true },
      concern: { significantHarmSuspected: true },
    },
    {
      outcome: 'share_without_consent',
      flags: { notifyLeadPractitioner: true },
      includes: { advice: ['refer_csc_now'] },
    },
  );

  scenario(
    'a midwife learns an expectant mother had a child removed: a pre-birth referral on the mother’s data',
    'Working Together 2023 ch 3 (pre-birth referral)',
    {
      setting: 'midwifery',
      kind: 'own_concern',
      child: { unborn: true },
      concern: { previousChildRemoved: true },
    },
    {
      outcome: 'share_without_consent',
      includes: { recipients: ['council_csc'], warnings: ['unborn_baby_data_is_the_mothers'] },
      lawfulBasis: ['UKGDPR-6-1-e', 'UKGDPR-9-2-g', 'DPA-S1-P18', 'CA2004-S11', 'CLDC'],
    },
  );

  scenario(
    'a midwife learns of domestic abuse in a pregnancy: refer, sharing the mother’s information under confidence’s public interest',
    'Domestic Abuse Act 2021 s3; Working Together 2023 ch 3 (pre-birth referral)',
    {
      setting: 'midwifery',
      kind: 'own_concern',
      child: { unborn: true },
      concern: { domesticAbuse: true },
      informingFamilyWouldIncreaseRisk: true,
    },
    {
      outcome: 'share_without_consent',
      tellFamily: 'no',
      includes: {
        warnings: ['unborn_baby_data_is_the_mothers'],
        lawfulBasis: ['DAA2021', 'CLDC'],
        never: ['inform_family_before_referral'],
      },
    },
  );

  scenario(
    'probation learns a child sex offender has moved into a child’s household: refer, under MAPPA as well',
    'Criminal Justice Act 2003 s325; Working Together 2023 ch 3',
    {
      setting: 'probation',
      kind: 'own_concern',
      child: { age: 10 },
      concern: { householdMemberChildSexOffender: true },
      dataCategories: ['criminal_offence'],
    },
    {
      outcome: 'share_without_consent',
      includes: {
        recipients: ['council_csc', 'police'],
        lawfulBasis: ['CJA2003-S325', 'UKGDPR-10', 'DPA-S1-P36'],
      },
    },
  );

  scenario(
    'a teacher worried about radicalisation: refer through the designated safeguarding lead to Prevent',
    'Counter-Terrorism and Security Act 2015 s26; 2024 golden rule 3',
    { setting: 'school', kind: 'own_concern', child: { age: 15 }, concern: { radicalisation: true } },
    {
      outcome: 'share_without_consent',
      urgency: 'within_1_working_day',
      includes: { advice: ['consult_dsl'], recipients: ['police'] },
    },
  );

  scenario(
    'a specific threat against a pupil: police and children’s social care the same day, escalated',
    'ICO step 9; 2024 golden rule 1',
    { setting: 'youth_justice', kind: 'own_concern', child: { age: 16 }, concern: { specificThreat: true } },
    {
      outcome: 'share_without_consent',
      urgency: 'same_day',
      flags: { escalate: true },
      includes: { recipients: ['police', 'council_csc'] },
    },
  );

  scenario(
    'the MASH screening a significant harm contact runs partner checks and holds a strategy discussion with the police',
    'DOMAIN.md 6 (MASH flow); Working Together 2023 ch 3',
    {
      setting: 'mash',
      kind: 'own_concern',
      child: { age: 3 },
      concern: { significantHarmSuspected: true, domesticAbuse: true },
    },
    {
      outcome: 'share_without_consent',
      includes: { partnerChecks: ['police', 'gp', 'health_visitor', 'housing'], recipients: ['police'] },
      excludes: { advice: ['refer_csc_now'] },
    },
  );

  scenario(
    'harm facts said to be below threshold take the child protection path, with a warning',
    'issue 16 (contradictory facts); 2024 golden rule 1',
    {
      setting: 'gp',
      kind: 'own_concern',
      child: { age: 4 },
      concern: { significantHarmSuspected: true, belowThreshold: true },
    },
    {
      outcome: 'share_without_consent',
      includes: {
        warnings: [
          'contradiction_harm_below_threshold: the child protection facts are taken as true, the safer path',
        ],
      },
    },
  );
});
