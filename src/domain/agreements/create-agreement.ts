import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorise } from '../partnership/authorise.ts';
import type { Actor } from '../shared/actor.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { overAnyOf, scopeOf } from '../partnership/capabilities.ts';
import type { AgreementContent, FlowContent, Tier } from './agreement-terms.ts';
import {
  assertWritable,
  checkDraft,
  loadTier1Context,
  normaliseContent,
  normaliseFlow,
  purposesOfFlows,
} from './check-context.ts';
import { mustBeParty } from './authorise-agreement-act.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreement, type AgreementRecord } from './load-agreements.ts';
import { agreement } from './schema.ts';
import { actorLabel, insertFlow, insertVersion, nextReference } from './write-version.ts';

export interface CreateAgreementInput {
  readonly tier: Tier;
  /** Required for Tier 2: the Tier 1 agreement it operates under. */
  readonly tier1AgreementId?: string | null;
  readonly content: AgreementContent;
  /** Tier 2 only. */
  readonly flows?: readonly FlowContent[];
}

/** A Tier 1 may be in force or still being drafted when its Tier 2 agreements are drafted. */
const tier1StatusesToDraftUnder = new Set([
  'draft',
  'awaiting_signatures',
  'signed_not_started',
  'active',
  'review_due',
]);

/**
 * Drafts a new agreement as version 1, with its reference (T1-001, T2-014) taken in the same
 * transaction as the draft and its audit event. Input that cannot be right (an organisation or
 * gateway that does not exist, dates out of order, a flow with nobody in it) is refused and
 * nothing is written; legal gaps may remain in a draft until it is submitted.
 */
export async function createAgreement(
  deps: AgreementDeps,
  actor: Actor,
  input: CreateAgreementInput,
): Promise<AgreementRecord> {
  const flows = (input.flows ?? []).map(normaliseFlow);
  let content = normaliseContent(input.content);
  // Drafting for the partnership (a partnership administrator) reaches any parties; drafting
  // for one's own organisation (a DPO, an organisation administrator) only agreements it is a
  // party to. Either way the draft binds nobody: from here on only its parties' administrators
  // and DPOs can edit or submit it, and only their signatories sign it, each for their own
  // organisation (authorise-agreement-act.ts), so the drafter's organisation gains nothing over
  // an agreement it is not a party to.
  await authorise(
    deps,
    actor,
    'draft_agreements',
    overAnyOf(content.parties.map((p) => p.organisationId)),
    'agreement.create',
    () => (scopeOf(actor, 'draft_agreements') ? mustBeParty() : notFound('The page')),
  );
  if (input.tier === 'tier1' && flows.length > 0)
    throw invalid('flows', 'A Tier 1 agreement has no flows: set them out in Tier 2 agreements under it');
  const tier1AgreementId = input.tier === 'tier2' ? (input.tier1AgreementId ?? null) : null;
  if (input.tier === 'tier2') {
    const tier1 = await loadTier1Context(deps.db, actor.partnershipId, tier1AgreementId, deps.clock.now());
    if (!tier1 || !tier1StatusesToDraftUnder.has(tier1.status))
      throw invalid(
        'tier1AgreementId',
        'Select a Tier 1 agreement of your partnership that is in force or in draft',
      );
    content = { ...content, purposes: purposesOfFlows(flows) };
  }
  assertWritable(
    await checkDraft(deps, deps.db, actor.partnershipId, {
      tier: input.tier,
      tier1AgreementId,
      content,
      flows,
    }),
  );

  const id = deps.ids.uuid();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const reference = await nextReference(tx, actor.partnershipId, input.tier);
    await tx.insert(agreement).values({
      partnershipId: actor.partnershipId,
      id,
      reference,
      tier: input.tier,
      tier1AgreementId,
      createdAt: now,
      createdBy: actorLabel(actor),
    });
    const key = { partnershipId: actor.partnershipId, agreementId: id, version: 1 };
    await insertVersion(tx, key, content, { createdAt: now, createdBy: actorLabel(actor) });
    for (const [i, flow] of flows.entries())
      await insertFlow(tx, key, flow, { id: deps.ids.uuid(), position: i + 1 });
    await appendAuditEvent(tx, {
      actor,
      action: 'agreement.created',
      outcome: 'success',
      details: { reference, tier: input.tier, version: 1, title: content.title },
      subject: { type: 'agreement', id },
      agreementId: id,
    });
  });
  return (await loadAgreement(deps.db, actor.partnershipId, id))!;
}
