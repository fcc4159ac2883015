// The record of a decision as question pages (HM Government information sharing advice 2024,
// golden rule 7: record the decision and the reasons, whether or not information is shared).
import { isIsoDate } from '../../../../domain/shared/plain-date.ts';
import {
  aboutAChild,
  atMost,
  checks,
  fixed,
  required,
  sharing,
  stopsForDanger,
  type Question,
} from './question-kit.ts';

export const RECORD_QUESTIONS: readonly Question[] = [
  {
    slug: 'decision',
    part: 'record',
    heading: () => 'What have you decided?',
    fields: fixed('decision', 'reasons'),
    asks: aboutAChild,
    problems: checks(
      required('decision', (s) => s.record.decision, 'Select whether you share or do not share'),
      required('reasons', (s) => s.record.reasons, 'Enter the reasons for your decision'),
      atMost('reasons', (s) => s.record.reasons, 'Reasons'),
    ),
  },
  {
    slug: 'recipient',
    part: 'record',
    heading: (s) =>
      s.record.decision === 'share'
        ? 'Which organisation receives the information?'
        : 'Which organisation asked for the information, if any?',
    fields: fixed('recipientOrganisationId'),
    asks: aboutAChild,
    problems: checks((s) =>
      s.record.decision === 'share' && s.record.recipientOrganisationId === ''
        ? {
            field: 'recipientOrganisationId',
            problem: 'Select the organisation that receives the information',
          }
        : null,
    ),
  },
  {
    slug: 'information',
    part: 'record',
    heading: () => 'What information do you share?',
    fields: fixed('fieldGroups'),
    asks: sharing,
    problems: checks(
      required('fieldGroups', (s) => s.record.fieldGroups, 'Select the information you share'),
    ),
  },
  {
    slug: 'justification',
    part: 'record',
    heading: () => 'Why is each kind of information needed?',
    fields: (s) => s.record.fieldGroups.map((g) => `justification-${g}`),
    asks: (c, s) => sharing(c, s) && s.record.fieldGroups.length > 0,
    problems: (s) =>
      s.record.fieldGroups.flatMap((g) => {
        const text = (s.record.justifications[g] ?? '').trim();
        if (text === '')
          return [{ field: `justification-${g}`, problem: 'Enter why this information is needed' }];
        return text.length > 1000
          ? [{ field: `justification-${g}`, problem: 'A justification must be 1000 characters or fewer' }]
          : [];
      }),
  },
  {
    slug: 'basis',
    part: 'record',
    heading: () => 'What is the lawful basis for sharing?',
    fields: fixed('lawfulBasis'),
    asks: sharing,
    problems: checks(
      required('lawfulBasis', (s) => s.record.lawfulBasis, 'Select the lawful basis for sharing'),
    ),
  },
  {
    slug: 'method',
    part: 'record',
    heading: (s) =>
      s.record.decision === 'share' ? 'How do you share it?' : 'How do you tell them of your decision?',
    fields: fixed('method'),
    asks: aboutAChild,
    problems: checks(required('method', (s) => s.record.method, 'Select how')),
  },
  {
    slug: 'when',
    part: 'record',
    heading: () => 'When did you share it?',
    fields: fixed('sharedOn', 'sharedTime'),
    // After an emergency the sharing came first and the record after it (2024 golden rule 5):
    // the record keeps when it happened, not when it was written.
    asks: (c, s) => sharing(c, s) && stopsForDanger(s),
    problems: checks(
      (s) =>
        isIsoDate(s.record.sharedOn.trim())
          ? null
          : { field: 'sharedOn', problem: 'Enter the date you shared it, like 2026-12-07' },
      (s) =>
        /^([01]\d|2[0-3]):[0-5]\d$/.test(s.record.sharedTime.trim())
          ? null
          : { field: 'sharedTime', problem: 'Enter the time you shared it on the 24-hour clock, like 14:30' },
    ),
  },
  {
    slug: 'family',
    part: 'record',
    heading: () => 'Has the family been told?',
    fields: (s) =>
      s.record.familyTold === 'yes' || s.record.familyTold === ''
        ? ['familyTold']
        : ['familyTold', 'familyNotToldReason'],
    asks: aboutAChild,
    problems: checks(
      required('familyTold', (s) => s.record.familyTold, 'Select whether the family has been told'),
      (s) =>
        s.record.familyTold !== '' &&
        s.record.familyTold !== 'yes' &&
        s.record.familyNotToldReason.trim() === ''
          ? { field: 'familyNotToldReason', problem: 'Enter why the family has not been told' }
          : null,
      atMost('familyNotToldReason', (s) => s.record.familyNotToldReason, 'The reason'),
    ),
  },
  {
    slug: 'advice',
    part: 'record',
    heading: () => 'Who advised you, if anyone?',
    fields: fixed('advisedBy'),
    asks: aboutAChild,
    problems: checks(atMost('advisedBy', (s) => s.record.advisedBy, 'Who advised you', 200)),
  },
  {
    slug: 'expiry',
    part: 'record',
    heading: () => 'When should the recipient’s access end?',
    fields: fixed('disclosureExpiresAt'),
    asks: sharing,
    problems: checks((s) => {
      const date = s.record.expiresOn.trim();
      if (date === '') return null;
      return isIsoDate(date)
        ? null
        : {
            field: 'disclosureExpiresAt',
            problem: 'Enter the date as a real date in the format YYYY-MM-DD, like 2027-03-01',
          };
    }),
  },
];
