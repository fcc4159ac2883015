import { eq } from 'drizzle-orm';
import { Packer } from 'docx';
import { partnership } from '../partnership/schema.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import { buildAgreementDocument } from './agreement-document.ts';
import { loadOrganisations } from './check-context.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { getAgreement } from './get-agreement.ts';

/** The agreement as a Word document: the latest version unless one is named. */
export async function renderAgreementDocument(
  deps: AgreementDeps,
  actor: Actor,
  input: { agreementId: string; version?: number | undefined },
): Promise<{ filename: string; content: Buffer }> {
  const detail = await getAgreement(deps, actor, input.agreementId);
  const version =
    input.version === undefined
      ? detail.versions.at(-1)
      : detail.versions.find((v) => v.version === input.version);
  if (!version) throw notFound('The version');
  const [organisations, [owner]] = await Promise.all([
    loadOrganisations(deps.db, actor.partnershipId),
    deps.db
      .select({ name: partnership.name })
      .from(partnership)
      .where(eq(partnership.id, actor.partnershipId)),
  ]);
  const document = buildAgreementDocument({
    agreement: detail,
    version,
    gateways: detail.gateways,
    organisations,
    partnershipName: owner?.name ?? 'the partnership',
    generatedAt: deps.clock.now(),
  });
  return {
    filename: `${detail.reference}-v${version.version}.docx`,
    content: await Packer.toBuffer(document),
  };
}
