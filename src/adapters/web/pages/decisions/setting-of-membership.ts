// The practitioner's service (the situation's `setting`) as far as the signed-in membership tells
// it. The guidance differs by service (a health service owes the common-law duty of confidence,
// a school refers through its designated safeguarding lead), so the path starts from the service
// it can work out and lets the practitioner change it. An NHS trust or a council's education
// service runs several kinds of service, so there the practitioner is asked.
import type { Setting } from '../../../../domain/decisions/situation.ts';

const BY_ORGANISATION_TYPE: Readonly<Record<string, Setting | null>> = {
  council_childrens_social_care: 'council_csc',
  council_education: null,
  police: 'police',
  nhs_trust: null,
  integrated_care_board: null,
  gp_practice: 'gp',
  school: 'school',
  youth_justice: 'youth_justice',
  probation: 'probation',
  housing: 'housing',
  charity: 'youth_charity',
};

/** The front door officers of the council and the police work in the MASH (DOMAIN.md 6). */
const AT_THE_FRONT_DOOR: Readonly<Record<string, Setting>> = {
  council_childrens_social_care: 'mash',
  police: 'mash_police',
};

/** The service to start from, or '' when the membership does not tell it. */
export function settingOfMembership(organisationType: string, role: string): Setting | '' {
  if (role === 'front_door_officer') {
    const frontDoor = AT_THE_FRONT_DOOR[organisationType];
    if (frontDoor) return frontDoor;
  }
  return BY_ORGANISATION_TYPE[organisationType] ?? '';
}
