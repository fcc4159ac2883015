import { and, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import { can, overOrganisation } from '../partnership/capabilities.ts';
import { roleLabels } from '../partnership/roles.ts';
import { appUser } from '../partnership/schema.ts';
import type { Actor } from '../shared/actor.ts';
import { invalid } from '../shared/errors.ts';
import { activeVersion, latestVersion } from './agreement-status.ts';
import { formatLongDate, londonDate } from './calendar-dates.ts';
import { loadOrganisations } from './check-context.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreement, type AgreementRecord } from './load-agreements.ts';
import { agreementSignature, agreementVersion } from './schema.ts';
import { declarationProblem, signingDeclaration } from './signing-declaration.ts';
import { lockAgreement } from './write-version.ts';

/**
 * Signs the version awaiting signatures for the signer's organisation. The signer names the
 * version they read, so nobody signs a text other than the one in front of them. When the last
 * party signs, the version comes into force and the version it amends is superseded, in the same
 * transaction as the signature and its audit events.
 *
 * Signatories are the roles with `sign_agreements` (partnership/capabilities.ts), acting through
 * a membership of the party they sign for. They must declare their authority to commit it
 * (`declaration: true`); the words declared are recorded with the signature's audit event
 * (signing-declaration.ts).
 */
export async function signAgreement(
  deps: AgreementDeps,
  actor: Actor,
  input: { agreementId: string; version: number; declaration: boolean },
): Promise<AgreementRecord> {
  await authorise(deps, actor, 'read_agreements', partnershipWide, 'agreement.sign');
  await deps.db.transaction(async (tx) => {
    await lockAgreement(tx, actor.partnershipId, input.agreementId);
    const record = (await loadAgreement(tx, actor.partnershipId, input.agreementId))!;
    if (record.terminatedAt)
      throw invalid('version', 'This agreement has been terminated and cannot be signed');
    const pending = latestVersion(record);
    if (pending.status !== 'awaiting_signatures' || pending.version !== input.version) {
      const which = pending.status === 'awaiting_signatures' ? `; version ${pending.version} is` : '';
      throw invalid('version', `Version ${input.version} is not awaiting signatures${which}`);
    }
    if (actor.kind !== 'user')
      throw invalid('signatory', 'An agreement is signed by a person, not the system');
    const organisations = await loadOrganisations(tx, actor.partnershipId);
    const party = organisations.get(actor.organisationId)?.name ?? 'Your organisation';
    if (!pending.content.parties.some((p) => p.organisationId === actor.organisationId))
      throw invalid('signatory', `${party} is not a party to this agreement, so you cannot sign it`);
    if (!can(actor, 'sign_agreements', overOrganisation(actor.organisationId)))
      throw invalid(
        'signatory',
        `As ${roleLabels[actor.role].toLowerCase()} you cannot sign for ${party}: ask its team manager, Caldicott guardian or designated safeguarding lead`,
      );
    const existing = pending.signatures.find((s) => s.organisationId === actor.organisationId);
    if (existing)
      throw invalid(
        'signatory',
        `${party} has already signed version ${pending.version} (${existing.signerName}, ${formatLongDate(londonDate(existing.signedAt))})`,
      );
    if (input.declaration !== true) throw invalid('declaration', declarationProblem);
    const declaration = signingDeclaration({
      organisationName: party,
      reference: record.reference,
      title: pending.content.title,
      version: pending.version,
    });

    const now = deps.clock.now();
    const [signer] = await tx
      .select({ displayName: appUser.displayName })
      .from(appUser)
      .where(and(eq(appUser.partnershipId, actor.partnershipId), eq(appUser.id, actor.userId)));
    await tx.insert(agreementSignature).values({
      partnershipId: actor.partnershipId,
      agreementId: record.id,
      version: pending.version,
      organisationId: actor.organisationId,
      userId: actor.userId,
      membershipId: actor.membershipId,
      role: actor.role,
      signerName: signer!.displayName,
      signedAt: now,
    });
    const audit = { actor, subject: { type: 'agreement', id: record.id }, agreementId: record.id } as const;
    await appendAuditEvent(tx, {
      ...audit,
      action: 'agreement.signed',
      outcome: 'success',
      details: {
        reference: record.reference,
        version: pending.version,
        organisationId: actor.organisationId,
        role: actor.role,
        declared: true,
        declaration,
      },
    });

    const signed = new Set([...pending.signatures.map((s) => s.organisationId), actor.organisationId]);
    if (!pending.content.parties.every((p) => signed.has(p.organisationId))) return;
    const previous = activeVersion(record);
    const versionRow = (version: number) =>
      and(
        eq(agreementVersion.partnershipId, actor.partnershipId),
        eq(agreementVersion.agreementId, record.id),
        eq(agreementVersion.version, version),
      );
    if (previous)
      await tx
        .update(agreementVersion)
        .set({ status: 'superseded', supersededAt: now })
        .where(versionRow(previous.version));
    await tx
      .update(agreementVersion)
      .set({ status: 'active', activatedAt: now })
      .where(versionRow(pending.version));
    await appendAuditEvent(tx, {
      ...audit,
      action: 'agreement.activated',
      outcome: 'success',
      details: {
        reference: record.reference,
        version: pending.version,
        supersededVersion: previous?.version ?? null,
      },
    });
  });
  return (await loadAgreement(deps.db, actor.partnershipId, input.agreementId))!;
}
