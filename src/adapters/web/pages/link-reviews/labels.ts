// Words for the review queue, shared by its two pages.

export const reasonLabels: Readonly<Record<string, string>> = {
  uncertain: 'The score is uncertain',
  joins_two_persons: 'It matches two people kept apart',
  merge_refused: "A record contradicts the other person's records",
  changed_matches_other: 'A linked record changed and now matches another person',
  changed_no_longer_matches: 'A linked record changed and no longer matches its person',
};

export const statusLabels: Readonly<Record<string, string>> = {
  pending: 'Waiting for a decision',
  confirmed: 'Confirmed as one person',
  rejected: 'Rejected: different people',
  undone: 'Confirmed, then undone',
};

export const fieldLabels: readonly (readonly [string, string])[] = [
  ['first_name', 'First name'],
  ['middle_names', 'Middle names'],
  ['last_name', 'Last name'],
  ['dob', 'Date of birth'],
  ['sex', 'Sex'],
  ['nhs_number', 'NHS number'],
  ['identifier', 'Unique pupil number'],
  ['address', 'Address'],
  ['city', 'Town'],
  ['postcode', 'Postcode'],
  ['email', 'Email'],
  ['phone', 'Phone'],
];

export const comparisonLabels: Readonly<Record<string, string>> = {
  first_name: 'First name',
  middle_names: 'Middle names',
  last_name: 'Last name',
  dob: 'Date of birth',
  sex: 'Sex',
  nhs_number: 'NHS number',
  identifier: 'Unique pupil number',
  location: 'Address and postcode',
  email: 'Email',
  phone: 'Phone',
};

export const percent = (p: number) => `${(p * 100).toFixed(p > 0.999 || p < 0.001 ? 2 : 1)}%`;

export const bits = (b: number) => `${b >= 0 ? '+' : '−'}${Math.abs(b).toFixed(1)}`;
