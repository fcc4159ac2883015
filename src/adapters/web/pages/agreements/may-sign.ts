import { can, type AgreementDetail, type Session } from '../../api-types.ts';

/**
 * The version waiting for this user's organisation to sign it, if the user is one of its
 * signatories (domain/agreements/sign-agreement.ts); the server decides again.
 */
export function versionAwaitingMySignature(
  session: Session,
  agreement: AgreementDetail,
): AgreementDetail['versions'][number] | null {
  if (!can(session, 'sign_agreements')) return null;
  const pending = agreement.versions.find((v) => v.version === agreement.pendingVersion);
  if (pending?.status !== 'awaiting_signatures') return null;
  const ours = pending.awaitingSignatureFrom.some(
    (o) => o.organisationId === session.membership.organisationId,
  );
  return ours ? pending : null;
}
