import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import type { PartnershipId } from '../shared/ids.ts';
import { partnership } from './schema.ts';

/** Creates a partnership; run by the system (CLI, demo seed), audited in the new partnership's chain. */
export async function createPartnership(
  deps: Deps,
  actor: Actor,
  input: { id?: string; name: string },
): Promise<{ id: PartnershipId; name: string }> {
  const id = (input.id ?? deps.ids.uuid()) as PartnershipId;
  await deps.db.transaction(async (tx) => {
    await tx.insert(partnership).values({ id, name: input.name });
    await appendAuditEvent(tx, {
      actor,
      partnershipId: id,
      action: 'partnership.created',
      outcome: 'success',
      details: { name: input.name },
      subject: { type: 'partnership', id },
    });
  });
  return { id, name: input.name };
}
