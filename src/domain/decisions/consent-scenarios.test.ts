import { describe } from 'node:test';
import { scenario } from './scenario-support.ts';

/** The consent-based path below the threshold, competent young people, and the two editions. */
describe('the guidance on consent and early help', () => {
  scenario(
    'below threshold, the parents refuse early help: do not share, record the refusal, revisit if the concern grows',
    '2024 golden rules 2 and 3; DOMAIN.md 2.7 (consent-based work); SSCP',
    {
      setting: 'school',
      kind: 'own_concern',
      child: { age: 6 },
      concern: { belowThreshold: true, earlyHelpOnly: true },
      consent: { status: 'refused' },
    },
    {
      outcome: 'do_not_share',
      tellFamily: 'no',
      includes: {
        recordReasons: ['consent_refused_below_threshold'],
        mustRecord: ['consent_status', 'reconsider_if_new_information'],
      },
      lawfulBasis: [],
    },
  );

  scenario(
    'below threshold, consent not yet asked: seek consent first',
    '2018 flowchart box 5; 2024 golden rule 2',
    { setting: 'health_visitor', kind: 'own_concern', child: { age: 1 }, concern: { earlyHelpOnly: true } },
    { outcome: 'seek_consent_first', tellFamily: 'yes', urgency: 'routine' },
  );

  scenario(
    'below threshold with the family’s consent: share with early help, health on the health and social care condition',
    '2024 golden rule 2; DPA 2018 Sched 1 para 2',
    {
      setting: 'health_visitor',
      kind: 'own_concern',
      child: { age: 1 },
      concern: { earlyHelpOnly: true },
      consent: { status: 'given' },
    },
    {
      outcome: 'share',
      tellFamily: 'yes',
      includes: { recipients: ['council_early_help'] },
      lawfulBasis: ['UKGDPR-6-1-e', 'UKGDPR-9-2-h', 'DPA-S1-P2', 'CA2004-S11', 'CLDC'],
    },
  );

  scenario(
    'a youth charity with consent for early help: consent is its basis, not public task',
    '2018 golden rule 4; UK GDPR Art 6(1)(a)',
    {
      setting: 'youth_charity',
      kind: 'own_concern',
      child: { age: 13 },
      concern: { belowThreshold: true },
      consent: { status: 'given' },
    },
    { outcome: 'share', lawfulBasis: ['UKGDPR-6-1-a', 'WT2023'] },
  );

  scenario(
    'consent cannot be sought for an early help concern: ask for advice without naming the family',
    '2024 golden rule 4; DOMAIN.md 2.7',
    {
      setting: 'school',
      kind: 'own_concern',
      child: { age: 9 },
      concern: { belowThreshold: true },
      consent: { status: 'cannot_be_sought' },
    },
    { outcome: 'seek_advice_anonymised', includes: { advice: ['discuss_anonymised', 'consult_dsl'] } },
  );

  scenario(
    'unsure whether neglect signs meet the threshold: seek advice anonymised within a working day',
    '2024 golden rule 4; 2018 golden rule 3; DOMAIN.md 2.7',
    { setting: 'gp', kind: 'own_concern', child: { age: 4 }, concern: { neglectIndicators: true } },
    {
      outcome: 'seek_advice_anonymised',
      urgency: 'within_1_working_day',
      tellFamily: 'no',
      includes: { advice: ['discuss_anonymised', 'consult_caldicott'], mustRecord: ['who_advised'] },
    },
  );

  scenario(
    'threshold unclear at school: the designated safeguarding lead is consulted',
    'KCSIE 2024 Part 1; 2024 golden rule 4',
    { setting: 'school', kind: 'own_concern', child: { age: 11 }, concern: { thresholdUnclear: true } },
    { outcome: 'seek_advice_anonymised', includes: { advice: ['consult_dsl'] } },
  );

  scenario(
    'a Gillick-competent 15 year old in a relationship with a peer: confidential advice, no referral',
    'Gillick v West Norfolk [1985]; Fraser guidelines; DOMAIN.md 2.7',
    {
      setting: 'sexual_health',
      kind: 'own_concern',
      child: { age: 15, competent: true },
      concern: { sexualActivityPeerAge: true },
    },
    { outcome: 'do_not_share', includes: { recordReasons: ['competent_young_person_confidence'] } },
  );

  scenario(
    'the same young person with signs of exploitation: the confidence gives way to a referral',
    'DOMAIN.md 2.7 (13–15s assessed for exploitation); Working Together 2023 ch 3',
    {
      setting: 'sexual_health',
      kind: 'own_concern',
      child: { age: 15, competent: true },
      concern: { sexualActivityPeerAge: true, exploitationIndicators: true },
    },
    { outcome: 'share_without_consent', includes: { recipients: ['council_csc', 'police'] } },
  );

  scenario(
    'low-risk self-harm with a safety plan, the young person does not agree to tell anyone: managed with them',
    'DOMAIN.md 2.7 (competent young person); 2024 golden rule 2',
    {
      setting: 'school',
      kind: 'own_concern',
      child: { age: 15, competent: true },
      concern: { selfHarmLowRisk: true },
      consent: { status: 'refused' },
    },
    { outcome: 'do_not_share', includes: { advice: ['consult_dsl'] } },
  );

  scenario(
    'low-risk self-harm, the young person agrees to the GP being told: share, tell the family only as they agree',
    'Gillick v West Norfolk [1985]; 2024 golden rule 2',
    {
      setting: 'school_nurse',
      kind: 'own_concern',
      child: { age: 14, competent: true },
      concern: { selfHarmLowRisk: true },
      consent: { status: 'given' },
    },
    { outcome: 'share', tellFamily: 'partly', includes: { recipients: ['gp'] } },
  );

  scenario(
    'a worry with no safeguarding purpose at all: do not share',
    '2018 flowchart box 2; 2024 golden rule 6',
    { setting: 'housing', kind: 'own_concern', child: { age: 12 } },
    { outcome: 'do_not_share', firstRule: 'purpose.none' },
  );

  scenario(
    'the 2018 edition also refers a disclosure, and adds: seek agreement where safe, without delay',
    '2018 golden rules 2 and 4; 2018 flowchart box 8',
    { setting: 'school', kind: 'own_concern', child: { age: 9 }, concern: { disclosureByChild: true } },
    {
      outcome: 'share_without_consent',
      includes: { warnings: ['seek_agreement_where_safe_without_delay'] },
      excludes: { never: ['reveal_informant_identity'] },
    },
    '2018',
  );

  scenario(
    'the 2018 edition refuses a request without the 2024 duty to explain and reconsider',
    '2018 golden rule 7 (2024 rule 7 adds explaining refusals)',
    {
      setting: 'housing',
      kind: 'incoming_request',
      requester: { orgType: 'member_of_public', identityVerified: true },
    },
    { outcome: 'refuse_request' },
    '2018',
  );
});
