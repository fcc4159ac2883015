import { describe } from 'node:test';
import { scenario } from './scenario-support.ts';

/** Requests for information, a school transfer and partner checks, from the guidance each cites. */
describe('the guidance on requests for information (2024 edition)', () => {
  const police = { orgType: 'police', identityVerified: true } as const;

  scenario(
    'a GP asked by the police by email for a whole record for a crime not about the child’s safety: refuse until a written Schedule 2 request',
    'DPA 2018 Sched 2 para 2; DOMAIN.md 2.7; 2024 golden rule 6',
    {
      setting: 'gp',
      kind: 'incoming_request',
      child: { age: 15 },
      requester: {
        ...police,
        purpose: 'crime_investigation_not_safeguarding',
        asksForWholeRecord: true,
        form: 'email',
      },
    },
    {
      outcome: 'refuse_request',
      tellFamily: 'no',
      includes: { never: ['share_whole_record'], advice: ['consult_caldicott'] },
    },
  );

  scenario(
    'the same request on a Schedule 2 paragraph 2 form: share only what is necessary, weighing confidence',
    'DPA 2018 Sched 2 para 2; DOMAIN.md 2.7 (CLDC public interest)',
    {
      setting: 'gp',
      kind: 'incoming_request',
      child: { age: 15 },
      requester: {
        ...police,
        purpose: 'crime_investigation_not_safeguarding',
        asksForWholeRecord: true,
        form: 'sched2_para2',
      },
    },
    {
      outcome: 'share_limited',
      tellFamily: 'no',
      urgency: 'routine',
      includes: { never: ['share_whole_record'] },
      lawfulBasis: ['UKGDPR-6-1-e', 'UKGDPR-9-2-g', 'DPA-S1-P10', 'DPA-S2-P2', 'CDA1998-S115', 'CLDC'],
    },
  );

  scenario(
    'a school asked by the police about a serious crime: share what is necessary without consent, do not tell the family',
    'DPA 2018 Sched 2 para 2; 2024 golden rule 6',
    {
      setting: 'school',
      kind: 'incoming_request',
      child: { age: 16 },
      requester: { ...police, purpose: 'crime_investigation_serious', form: 'sched2_para2' },
    },
    {
      outcome: 'share_without_consent',
      tellFamily: 'no',
      includes: { recipients: ['police'], lawfulBasis: ['DPA-S2-P2'] },
    },
  );

  scenario(
    'a caller says she is a social worker but is not verified: verify through the switchboard first',
    'DOMAIN.md 2.7 (verify callers); 2024 golden rule 6',
    {
      setting: 'school',
      kind: 'incoming_request',
      child: { age: 10 },
      requester: { orgType: 'council_csc', purpose: 'safeguarding', form: 'phone' },
    },
    {
      outcome: 'verify_identity_first',
      tellFamily: 'no',
      includes: { never: ['share_with_unverified_requester'] },
    },
  );

  scenario(
    'an unverified requester, even one who says it is a s47 enquiry',
    'DOMAIN.md 2.7 (verify callers)',
    {
      setting: 'gp',
      kind: 'incoming_request',
      requester: { orgType: 'council_csc', identityVerified: false, purpose: 's47_enquiry' },
    },
    { outcome: 'verify_identity_first', firstRule: 'request.verify_identity' },
  );

  scenario(
    'a father without parental responsibility asks the school about his child: refuse',
    'DPA 2018 Sched 3 Pt 5; 2024 golden rule 6',
    {
      setting: 'school',
      kind: 'incoming_request',
      child: { age: 8 },
      requester: { orgType: 'member_of_public', relationship: 'parent_without_pr', identityVerified: true },
    },
    {
      outcome: 'refuse_request',
      tellFamily: 'no',
      includes: { mustRecord: ['explanation_to_requester', 'reconsider_if_new_information'] },
    },
  );

  scenario(
    'a mother with parental responsibility who is the alleged abuser asks what the school has shared: refuse, protect the informant',
    'DPA 2018 Sched 3 Pt 5; 2024 golden rules 1 and 5',
    {
      setting: 'school',
      kind: 'incoming_request',
      child: { age: 8 },
      requester: {
        orgType: 'member_of_public',
        relationship: 'parent_with_pr',
        allegedAbuser: true,
        identityVerified: true,
      },
    },
    { outcome: 'refuse_request', includes: { never: ['tell_alleged_abuser', 'reveal_informant_identity'] } },
  );

  scenario(
    'a parent with parental responsibility asks the school nurse about her child: share what is in the child’s interests only',
    'DPA 2018 Sched 3 Pt 5; 2024 golden rule 2',
    {
      setting: 'school_nurse',
      kind: 'incoming_request',
      child: { age: 7 },
      requester: { orgType: 'member_of_public', relationship: 'parent_with_pr', identityVerified: true },
    },
    { outcome: 'share_limited', tellFamily: 'yes', includes: { never: ['reveal_informant_identity'] } },
  );

  scenario(
    'a member of the public asks about a neighbour’s child: nothing is shared',
    'HMG advice 2024 golden rule 6; 2018 flowchart box 2',
    {
      setting: 'housing',
      kind: 'incoming_request',
      requester: { orgType: 'member_of_public', identityVerified: true, purpose: 'other' },
    },
    { outcome: 'refuse_request' },
  );

  scenario(
    'a pupil with a child protection file moves school: whole file, separately, within 5 school days, receipt obtained',
    'KCSIE 2024 Part 2; DOMAIN.md 2.7',
    {
      setting: 'school',
      kind: 'school_transfer',
      child: { age: 11, knownToServices: true },
      dataCategories: ['personal', 'special_category'],
    },
    {
      outcome: 'share',
      deadline: { schoolDays: 5 },
      tellFamily: 'yes',
      includes: {
        recipients: ['school'],
        never: ['send_cp_file_with_main_record'],
        mustRecord: ['receipt_confirmed'],
      },
      flags: { wholeFile: true, receiptRequired: true },
      lawfulBasis: ['UKGDPR-6-1-e', 'UKGDPR-6-1-c', 'UKGDPR-9-2-g', 'DPA-S1-P18', 'EPI2005', 'EA2002-S175'],
    },
  );

  scenario(
    'a verified s47 enquiry from children’s social care asking a GP for the whole record: share the relevant part the same day',
    'Working Together 2023 ch 3 (s47); 2024 golden rules 3 and 6',
    {
      setting: 'gp',
      kind: 'incoming_request',
      child: { age: 6 },
      requester: {
        orgType: 'council_csc',
        identityVerified: true,
        purpose: 's47_enquiry',
        asksForWholeRecord: true,
        form: 'secure_portal',
      },
    },
    {
      outcome: 'share_without_consent',
      urgency: 'same_day',
      tellFamily: 'per_lead_agency',
      includes: { never: ['share_whole_record'], recipients: ['council_csc'] },
      lawfulBasis: [
        'UKGDPR-6-1-e',
        'UKGDPR-6-1-c',
        'UKGDPR-9-2-h',
        'DPA-S1-P2',
        'CA2004-S11',
        'CA1989-S47',
        'CLDC',
      ],
    },
  );

  scenario(
    'a MASH partner check reaches the police: share what is relevant without consent',
    'DOMAIN.md 6 (partner agency checks); 2024 golden rule 3',
    {
      setting: 'police',
      kind: 'partner_check',
      child: { age: 9 },
      requester: { orgType: 'mash', identityVerified: true, purpose: 'safeguarding', form: 'secure_portal' },
      dataCategories: ['criminal_offence'],
    },
    {
      outcome: 'share_without_consent',
      includes: { recipients: ['mash'], lawfulBasis: ['UKGDPR-10', 'DPA-S1-P36'] },
    },
  );

  scenario(
    'the MASH sends partner checks for a toddler: police, GP, health visitor',
    'DOMAIN.md 6 (MASH flow)',
    { setting: 'mash', kind: 'partner_check', child: { age: 2 } },
    {
      outcome: 'share_limited',
      includes: { partnerChecks: ['police', 'gp', 'health_visitor'] },
      excludes: { recipients: ['council_csc'] },
    },
  );

  scenario(
    'an early help request without consent from the council: consent first (the MASH returns it to the referrer)',
    'DOMAIN.md 6 (consent at MASH); SSCP',
    {
      setting: 'school',
      kind: 'incoming_request',
      child: { age: 6 },
      requester: { orgType: 'council_early_help', identityVerified: true, purpose: 'early_help' },
    },
    { outcome: 'seek_consent_first', tellFamily: 'yes', includes: { mustRecord: ['consent_status'] } },
  );

  scenario(
    'a child in need assessment request where the parents agreed: share with consent',
    '2024 golden rule 2; SSCP; Children Act 1989 s17',
    {
      setting: 'gp',
      kind: 'incoming_request',
      child: { age: 8 },
      requester: { orgType: 'council_csc', identityVerified: true, purpose: 's17_assessment' },
      consent: { status: 'given' },
    },
    { outcome: 'share', tellFamily: 'yes', includes: { lawfulBasis: ['CA1989-S17', 'CLDC'] } },
  );
});
