import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { notFound } from '../shared/errors.ts';
import { gatewaysOfVersion, latestVersion } from './catalogue-store.ts';
import type { CatalogueVersion } from './gateway.ts';
import { writeGatewayWorkbook } from './write-gateway-workbook.ts';

/**
 * The current catalogue as an .xlsx workbook. Anyone signed in may download it (it is public
 * law), and each download is audited in the same transaction that reads the catalogue, so the
 * log says which version left the system.
 */
export async function exportGatewayCatalogue(
  deps: Deps,
  actor: Actor,
): Promise<{ version: CatalogueVersion; workbook: Buffer; filename: string }> {
  return deps.db.transaction(async (tx) => {
    const version = await latestVersion(tx);
    if (!version) throw notFound('The legal gateway catalogue');
    const gateways = await gatewaysOfVersion(tx, version.version);
    const workbook = await writeGatewayWorkbook(gateways, version);
    await appendAuditEvent(tx, {
      actor,
      action: 'gateway_catalogue.exported',
      outcome: 'success',
      details: { version: version.version, rowCount: gateways.length },
      subject: { type: 'gateway_catalogue', id: String(version.version) },
    });
    return { version, workbook, filename: `legal-gateways-v${version.version}.xlsx` };
  });
}
