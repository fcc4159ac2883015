import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { sealAuditEvents, type SealResult } from '../../src/domain/audit/seal-audit-events.ts';
import type { CheckpointSigner } from '../../src/domain/audit/signing-key.ts';
import type { Db } from '../../src/domain/shared/database.ts';
import { perSecond } from '../support/stats.ts';

/**
 * Fills a partnership's audit log in bulk, in SQL, with rows of the same shape as events.ts
 * (one in ten of each kind, actors, children, purposes and agreements varying per row). Each
 * chunk is its own transaction, so the sealer sees many transaction ids as it would in life;
 * the append-only and stamping triggers fire for every row, as for any insert.
 */
function insertChunkSql(partnershipId: string, from: number, to: number) {
  return sql`
    insert into audit_event (partnership_id, actor_type, actor_id, actor_organisation_id, actor_role,
      action, outcome, subject_type, subject_id, purpose, agreement_id, disclosed, details, request_id)
    select ${partnershipId}::uuid, 'user',
      '6f1c2a4e-0b7d-4c55-9a31-' || lpad('b' || to_hex(a), 12, '0'),
      ('6f1c2a4e-0b7d-4c55-9a31-' || lpad('a' || to_hex(a % 12), 12, '0'))::uuid,
      (array['practitioner', 'designated_safeguarding_lead', 'front_door_officer', 'team_manager',
             'data_protection_officer'])[a % 5 + 1],
      case when k < 6 then 'audit.searched' when k < 8 then 'access.denied'
           when k = 8 then 'session.signed_in' else 'membership.added' end,
      case when k in (6, 7) then 'denied' else 'success' end,
      case when k < 8 then 'person' end,
      case when k < 8 then 'child-' || (g * 7919 % 50000) end,
      case when k < 8 then (array['s47_enquiry', 's17_assessment', 'early_help', 'mash_triage'])[g % 4 + 1] end,
      case when k < 6 then 'T2-0' || (g % 40) end,
      case when k < 6 then to_jsonb((array['identity', 'contact', 'police_incidents', 'school_attendance',
                                           'health_visits'])[1:1 + g % 5]) end,
      case when k < 6 then jsonb_build_object(
             'filters', jsonb_build_object('surname', 'Taylor', 'dateOfBirth', '2016-03-14', 'page', (g % 10)::text),
             'returned', g % 50)
           when k < 8 then '{"attempted": "person.chronology"}'::jsonb
           when k = 8 then '{}'::jsonb
           else jsonb_build_object('userId', '6f1c2a4e-0b7d-4c55-9a31-' || lpad('b' || to_hex(g % 200), 12, '0'),
             'organisationId', '6f1c2a4e-0b7d-4c55-9a31-' || lpad('a' || to_hex(g % 12), 12, '0'),
             'role', 'practitioner') end,
      gen_random_uuid()::text
    from generate_series(${from}::bigint, ${to}::bigint) as g,
         lateral (select (g * 7 % 200)::int as a, (g % 10)::int as k) as v`;
}

export interface FillFigures {
  readonly events: number;
  readonly insertS: number;
  readonly insertPerSecond: number;
  readonly sealS: number;
  readonly sealPerSecond: number;
  readonly checkpoints: number;
}

export async function fillAndSeal(
  db: Db,
  partnershipId: string,
  options: {
    events: number;
    chunk: number;
    signer: CheckpointSigner;
    checkpointEvery: number;
    /** Runs between inserting and sealing, outside the timings (e.g. analyze). */
    afterInsert: () => Promise<void>;
  },
): Promise<FillFigures> {
  const insertStart = performance.now();
  for (let from = 1; from <= options.events; from += options.chunk) {
    const to = Math.min(options.events, from + options.chunk - 1);
    await db.transaction(async (tx) => {
      await tx.execute(insertChunkSql(partnershipId, from, to));
    });
  }
  const insertMs = performance.now() - insertStart;
  await options.afterInsert();
  const sealStart = performance.now();
  // The real sealer with production settings (batches of 2000), until nothing is left to chain.
  let sealed = 0;
  let checkpoints = 0;
  for (;;) {
    const result: SealResult = await sealAuditEvents(db, partnershipId, {
      signer: options.signer,
      checkpointEvery: options.checkpointEvery,
    });
    sealed += result.sealed;
    checkpoints += result.checkpoints.length;
    if (result.sealed === 0) break;
  }
  const sealMs = performance.now() - sealStart;
  if (sealed !== options.events) throw new Error(`sealed ${sealed} of ${options.events} events`);
  return {
    events: sealed,
    insertS: Math.round(insertMs) / 1000,
    insertPerSecond: perSecond(options.events, insertMs),
    sealS: Math.round(sealMs) / 1000,
    sealPerSecond: perSecond(sealed, sealMs),
    checkpoints,
  };
}
