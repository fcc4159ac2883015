import { and, eq } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { authoriseAgreementAct } from './authorise-agreement-act.ts';
import { checkDraft, throwProblems } from './check-context.ts';
import type { AgreementProblem } from './check-types.ts';
import { editDraft } from './edit-draft.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreement, type AgreementRecord } from './load-agreements.ts';
import { agreementVersion } from './schema.ts';

/**
 * Submits a draft for signature. Only a draft that passes every check may go: the signatories
 * sign what a data protection officer would accept (ICO 10 step guide, step 6). The warnings are
 * returned so that they can be read before anyone signs.
 */
export async function submitAgreement(
  deps: AgreementDeps,
  actor: Actor,
  input: { agreementId: string },
): Promise<{ agreement: AgreementRecord; warnings: readonly AgreementProblem[] }> {
  await authoriseAgreementAct(deps, actor, 'manage_agreements', input.agreementId, 'agreement.submit');
  const warnings = await editDraft(deps, actor, input.agreementId, async ({ tx, record, draft, key }) => {
    const result = await checkDraft(deps, tx, actor.partnershipId, {
      tier: record.tier,
      tier1AgreementId: record.tier1AgreementId,
      content: draft.content,
      flows: draft.flows,
    });
    throwProblems(result.errors);
    await tx
      .update(agreementVersion)
      .set({ status: 'awaiting_signatures', submittedAt: deps.clock.now() })
      .where(
        and(
          eq(agreementVersion.partnershipId, key.partnershipId),
          eq(agreementVersion.agreementId, key.agreementId),
          eq(agreementVersion.version, key.version),
        ),
      );
    await appendAuditEvent(tx, {
      actor,
      action: 'agreement.submitted',
      outcome: 'success',
      details: { reference: record.reference, version: draft.version, warnings: result.warnings.length },
      subject: { type: 'agreement', id: record.id },
      agreementId: record.id,
    });
    return result.warnings;
  });
  return { agreement: (await loadAgreement(deps.db, actor.partnershipId, input.agreementId))!, warnings };
}
