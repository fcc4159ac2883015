import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { parseRagTimescales, ragRatings, type RagTimescales } from '../deadlines/rag-timescales.ts';
import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { ragTimescales } from './schema.ts';

/**
 * Sets the partnership's RAG timescales and office hours (issue 16 point 4: timescales are
 * local, DOMAIN.md section 6). A partnership-wide act, so a partnership administrator's. Clocks
 * already running keep the due instants they were given.
 */
export async function setRagTimescales(deps: Deps, actor: Actor, input: unknown): Promise<RagTimescales> {
  await authorise(deps, actor, 'manage_partnership', partnershipWide, 'request.timescales.set');
  const settings = parseRagTimescales(input);
  const describe = (rag: (typeof ragRatings)[number]) =>
    `${settings.rag[rag].hours} h ${settings.rag[rag].clock.replaceAll('_', ' ')}`;
  const row = {
    settings,
    setAt: deps.clock.now(),
    setBy: actor.kind === 'user' ? actor.userId : null,
  };
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(ragTimescales)
      .values({ partnershipId: actor.partnershipId, ...row })
      .onConflictDoUpdate({ target: ragTimescales.partnershipId, set: row });
    await appendAuditEvent(tx, {
      actor,
      action: 'request.timescales_set',
      outcome: 'success',
      details: {
        red: describe('red'),
        amber: describe('amber'),
        green: describe('green'),
        escalateAtShare: settings.escalateAtShare,
      },
      subject: { type: 'partnership', id: actor.partnershipId },
    });
  });
  return settings;
}
