import { sql } from 'drizzle-orm';
import type { GatewayDirectory } from '../agreements/gateway-directory.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { hashPassword } from '../identity/password-hashing.ts';
import { createOrganisation } from '../partnership/create-organisation.ts';
import { setOrganisationContactPoint } from '../partnership/organisation-contact-point.ts';
import { createPartnership } from '../partnership/create-partnership.ts';
import { createUser } from '../partnership/create-user.ts';
import { systemActor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import type { PartnershipId } from '../shared/ids.ts';
import {
  DEMO_PASSWORD,
  demoContactPoints,
  demoOrganisations,
  demoPartnership,
  demoUsers,
} from './northshire.ts';
import { seedDemoAgreements } from './seed-demo-agreements.ts';
import { seedDemoConsent } from './seed-demo-consent.ts';
import { seedDemoFeeds } from './seed-demo-feeds.ts';
import { seedDemoRequests, seedDemoTimescales } from './seed-demo-requests.ts';
import type { JobQueue } from '../shared/job-queue.ts';
import { seedDemoAlerts } from './seed-demo-alerts.ts';
import { LinkIndexes } from '../people/held-index.ts';
import { relinkPartnership } from '../people/relink-partnership.ts';

export async function isDatabaseEmpty(deps: Deps): Promise<boolean> {
  const [row] = await queryRows<{ n: string }>(deps.db, sql`select count(*)::text as n from partnership`);
  return Number(row?.n ?? 0) === 0;
}

/**
 * Seeds Northshire through the same use cases an administrator uses, so the demo's audit trail
 * is real. It refuses to run twice.
 */
export async function seedDemoPartnership(
  deps: Deps & { readonly linkIndexes?: LinkIndexes },
  options: {
    gateways?: GatewayDirectory;
    feeds?: boolean;
    /**
     * A few open requests for information (seed-demo-requests.ts), escalations queued on this
     * queue; needs the gateways.
     */
    requests?: { readonly jobs: JobQueue };
    /** Told each step in words as it starts (the first start's progress on the terminal). */
    onProgress?: (step: string) => void;
  } = {},
): Promise<{ organisations: number; users: number }> {
  const progress = options.onProgress ?? (() => {});
  const existing = await queryRows<{ id: string }>(
    deps.db,
    sql`select id::text from partnership where id = ${demoPartnership.id}`,
  );
  if (existing.length > 0) return { organisations: 0, users: 0 };
  const actor = systemActor(demoPartnership.id as PartnershipId, 'demo-seed');
  progress(`Creating the ${demoPartnership.name}, its organisations and demo users`);
  await createPartnership(deps, actor, demoPartnership);
  for (const o of demoOrganisations) {
    await createOrganisation(deps, actor, { id: o.id, name: o.name, type: o.type });
    const contactPoint = demoContactPoints[o.key];
    if (contactPoint) await setOrganisationContactPoint(deps, actor, o.id, contactPoint);
  }
  // One argon2 hash for the one published demo password keeps the first start fast.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of demoUsers) {
    const organisation = demoOrganisations.find((o) => o.key === u.organisation)!;
    await createUser(
      deps,
      actor,
      {
        email: u.email,
        displayName: u.displayName,
        password: DEMO_PASSWORD,
        organisationId: organisation.id,
        role: u.role,
      },
      { passwordHash },
    );
  }
  const counts = { organisations: demoOrganisations.length, users: demoUsers.length };
  await appendAuditEvent(deps.db, { actor, action: 'demo.seeded', outcome: 'success', details: counts });
  // The front door's RAG timescales, after Merton's MASH (northshire-timescales.ts).
  await seedDemoTimescales(deps);
  // The agreements cite the gateway catalogue, so they are seeded only when one is given.
  if (options.gateways) {
    progress('Writing and signing the demo data sharing agreements');
    await seedDemoAgreements({ ...deps, gateways: options.gateways });
  }
  if (options.gateways && options.requests) {
    progress('Sending a few requests for information from the front door');
    await seedDemoRequests({ ...deps, gateways: options.gateways, jobs: options.requests.jobs });
  }
  // A synthetic population through the real agency feeds, for `npm start` and `tessera demo seed`.
  // Loaded in bulk and then linked in one batch (the initial load), as a partnership's first
  // feeds would be: incremental linking has nothing to link against until a model is fitted.
  if (options.feeds) {
    await seedDemoFeeds(deps, {
      onFeed: (name, n, of) => progress(`Loading agency feed ${n} of ${of}: ${name}`),
    });
    progress('Linking the records each agency holds about the same person');
    await relinkPartnership(
      { ...deps, linkIndexes: deps.linkIndexes ?? new LinkIndexes() },
      actor.partnershipId,
    );
    // The early help agreement's school-to-council flow rests on consent: one family gave it.
    if (options.gateways) {
      progress('Recording a family’s consent to early help');
      await seedDemoConsent(deps);
    }
    progress('Receiving today’s items from the hospital and the police (alerts)');
    await seedDemoAlerts(deps);
  }
  return counts;
}
