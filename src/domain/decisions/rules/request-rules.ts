import type { Recipient } from '../answer.ts';
import {
  DPA_S3_P5,
  flow2018,
  gr2018,
  gr2024,
  KCSIE_TRANSFER,
  SCHED2,
  VERIFY,
  WT2023_S47,
} from '../citations.ts';
import type { Facts } from '../facts.ts';
import { BOTH, type Rule } from '../rule.ts';

/**
 * Who is asking and why: identity first, then the requester's standing, then the purpose of the
 * request (DOMAIN.md 2.7 and 6). A school transfer is a duty, not a request.
 */
const asking = (f: Facts): boolean =>
  f.situation.kind === 'incoming_request' || f.situation.kind === 'partner_check';
const requester = (f: Facts) => f.situation.requester ?? {};
const requesterAsRecipient = (f: Facts): Recipient[] => {
  const org = requester(f).orgType;
  return org ? [org] : [];
};
const unverified = (f: Facts): boolean => {
  const r = requester(f);
  if (r.identityVerified === false) return true;
  // A caller or an email claiming to be a professional is verified before anything is shared.
  return r.identityVerified === undefined && (r.form === 'phone' || r.form === 'email');
};
const isParentRequest = (f: Facts): boolean => {
  const rel = requester(f).relationship;
  return rel === 'parent_with_pr' || rel === 'parent_without_pr' || rel === 'carer';
};

export const requestRules: readonly Rule[] = [
  {
    id: 'request.verify_identity',
    editions: BOTH,
    citation: { '2018': `${VERIFY}; ${gr2018(6)} (secure)`, '2024': `${VERIFY}; ${gr2024(6)}` },
    note: 'The requester’s identity is not verified: call back through the published switchboard before sharing anything',
    when: (f) => asking(f) && unverified(f),
    then: (f) => ({
      outcome: 'verify_identity_first',
      never: ['share_with_unverified_requester'],
      recordReasons: ['requester_identity_unverified'],
      warnings: f.level === 'emergency' ? ['verify_requester_before_sharing_with_them'] : [],
    }),
  },
  {
    id: 'request.alleged_abuser',
    editions: BOTH,
    citation: { '2018': `${gr2018(5)}; ${DPA_S3_P5}`, '2024': `${gr2024(1)}; ${gr2024(5)}; ${DPA_S3_P5}` },
    note: 'The requester is the person alleged to harm the child: refuse, and tell no one who reported the concern',
    when: (f) => asking(f) && Boolean(requester(f).allegedAbuser),
    then: {
      outcome: 'refuse_request',
      never: ['tell_alleged_abuser', 'reveal_informant_identity'],
      recordReasons: ['requester_alleged_abuser'],
    },
  },
  {
    id: 'request.parent_without_pr',
    editions: BOTH,
    citation: { '2018': `${flow2018(2)}; ${DPA_S3_P5}`, '2024': `${gr2024(6)}; ${DPA_S3_P5}` },
    note: 'A parent without parental responsibility has no standing to receive the child’s safeguarding information',
    when: (f) => asking(f) && requester(f).relationship === 'parent_without_pr',
    then: { outcome: 'refuse_request', recordReasons: ['requester_without_parental_responsibility'] },
  },
  {
    id: 'request.member_of_public',
    editions: BOTH,
    citation: { '2018': flow2018(2), '2024': gr2024(6) },
    note: 'A member of the public has no safeguarding role: listen to their concern, share nothing',
    when: (f) => asking(f) && requester(f).orgType === 'member_of_public' && !isParentRequest(f),
    then: { outcome: 'refuse_request', recordReasons: ['requester_has_no_safeguarding_role'] },
  },
  {
    id: 'request.parent_with_pr',
    editions: BOTH,
    citation: { '2018': `${gr2018(2)}; ${DPA_S3_P5}`, '2024': `${gr2024(2)}; ${DPA_S3_P5}` },
    note: 'A parent with parental responsibility may be told what is in the child’s interests; child abuse data and third parties are withheld',
    when: (f) => asking(f) && isParentRequest(f),
    then: (f) => ({
      outcome: 'share_limited',
      recipients: [],
      never: ['reveal_informant_identity'],
      recordReasons: ['parent_request_minimised'],
      warnings: f.situation.child?.competent ? ['competent_child_views_decide_what_parent_is_told'] : [],
    }),
  },
  {
    id: 'request.school_transfer',
    editions: BOTH,
    citation: KCSIE_TRANSFER,
    note: 'A child moving school: the designated safeguarding lead sends the whole child protection file separately, within 5 school days, and obtains a receipt',
    when: (f) => f.situation.kind === 'school_transfer',
    then: {
      outcome: 'share',
      urgency: 'routine',
      deadline: { schoolDays: 5 },
      recipients: ['school'],
      wholeFile: true,
      receiptRequired: true,
      never: ['send_cp_file_with_main_record'],
      recordReasons: ['school_transfer_duty'],
      mustRecord: ['receipt_confirmed'],
    },
  },
  {
    id: 'request.crime_not_safeguarding',
    editions: BOTH,
    citation: SCHED2,
    note: 'A police request for a crime that is not about the child’s safety: only on a written Schedule 2 paragraph 2 request, and only what is necessary',
    when: (f) =>
      asking(f) &&
      requester(f).purpose === 'crime_investigation_not_safeguarding' &&
      f.level !== 'child_protection',
    then: (f) => ({
      outcome: requester(f).form === 'sched2_para2' ? 'share_limited' : 'refuse_request',
      urgency: 'routine',
      recipients: requesterAsRecipient(f),
      advice: f.health ? ['consult_caldicott'] : [],
      never: ['share_whole_record'],
      recordReasons: [
        requester(f).form === 'sched2_para2'
          ? 'sched2_para2_necessary_items_only'
          : 'no_written_sched2_para2_request',
      ],
    }),
  },
  {
    id: 'request.crime_serious',
    editions: BOTH,
    citation: { '2018': `${SCHED2}; ${gr2018(4)}`, '2024': `${SCHED2}; ${gr2024(6)}` },
    note: 'A serious crime: the public interest may justify sharing what is necessary without consent',
    when: (f) => asking(f) && requester(f).purpose === 'crime_investigation_serious',
    then: (f) => ({
      outcome: 'share_without_consent',
      urgency: 'same_day',
      recipients: requesterAsRecipient(f),
      advice: f.health ? ['consult_caldicott'] : [],
      recordReasons: ['serious_crime_public_interest'],
    }),
  },
  {
    id: 'request.s47_enquiry',
    editions: BOTH,
    citation: { '2018': `${WT2023_S47}; ${gr2018(4)}`, '2024': `${WT2023_S47}; ${gr2024(3)}` },
    note: 'Section 47 enquiries: agencies must help the council; share what is relevant without consent',
    when: (f) => asking(f) && requester(f).purpose === 's47_enquiry',
    then: (f) => ({
      outcome: f.consentGiven ? 'share' : 'share_without_consent',
      urgency: 'same_day',
      recipients: requesterAsRecipient(f),
      recordReasons: ['s47_enquiry'],
    }),
  },
];
