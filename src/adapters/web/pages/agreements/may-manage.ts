import { can, type AgreementDetail, type Session } from '../../api-types.ts';

/**
 * Whether this user may edit, submit, amend, suspend, resume or terminate the agreement: a
 * manager of agreements whose own organisation is a party to the version in force or the latest
 * one (domain/agreements/authorise-agreement-act.ts). The server decides again.
 */
export function mayManage(session: Session, agreement: AgreementDetail): boolean {
  if (!can(session, 'manage_agreements')) return false;
  const latest = agreement.versions.at(-1);
  const relevant = agreement.versions.filter((v) => v.version === agreement.versionInForce || v === latest);
  return relevant.some((v) => v.parties.some((p) => p.organisationId === session.membership.organisationId));
}
