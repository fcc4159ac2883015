import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { systemActor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { PLATFORM_PARTNERSHIP_ID } from '../shared/ids.ts';
import { BUILT_IN_CATALOGUE_NOTE, builtInCatalogue } from './builtin-catalogue.ts';
import { latestVersion, lockCatalogue, writeCatalogueVersion } from './catalogue-store.ts';
import type { Gateway } from './gateway.ts';

const PROCESS = 'gateway-catalogue-install';

/**
 * Installs the built-in catalogue as version 1 if there is no catalogue yet, and does nothing
 * otherwise (safe to call on every start, and from two processes at once: the lock makes the
 * second wait and then find version 1). The catalogue belongs to no partnership, so the install
 * is audited in the platform's own chain.
 */
export async function installGatewayCatalogue(
  deps: Deps,
  catalogue: readonly Gateway[] = builtInCatalogue,
): Promise<{ installed: boolean; version: number }> {
  return deps.db.transaction(async (tx) => {
    await lockCatalogue(tx);
    const existing = await latestVersion(tx);
    if (existing) return { installed: false, version: existing.version };
    const written = await writeCatalogueVersion(tx, {
      createdBy: `system:${PROCESS}`,
      note: BUILT_IN_CATALOGUE_NOTE,
      gateways: catalogue,
    });
    await appendAuditEvent(tx, {
      actor: systemActor(PLATFORM_PARTNERSHIP_ID, PROCESS),
      action: 'gateway_catalogue.installed',
      outcome: 'success',
      details: { version: written.version, rowCount: written.rowCount },
      subject: { type: 'gateway_catalogue', id: String(written.version) },
    });
    return { installed: true, version: written.version };
  });
}
