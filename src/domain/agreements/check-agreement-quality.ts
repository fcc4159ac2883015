import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import type { AgreementStatus } from './agreement-terms.ts';
import { latestVersion, versionStatus } from './agreement-status.ts';
import {
  assessQuality,
  qualitySectionLabels,
  qualitySections,
  type QualityFinding,
  type QualitySection,
} from './assess-quality.ts';
import { checkInputForVersion } from './check-context.ts';
import type { AgreementDeps } from './gateway-directory.ts';
import { loadAgreement } from './load-agreements.ts';

export interface QualityReport {
  readonly agreementId: string;
  readonly reference: string;
  readonly version: number;
  readonly status: AgreementStatus;
  readonly sections: readonly {
    readonly section: QualitySection;
    readonly label: string;
    readonly status: 'complete' | 'weak' | 'missing';
    readonly findings: readonly QualityFinding[];
  }[];
  readonly findings: readonly QualityFinding[];
}

/**
 * Quality-assures one version (the latest unless named) against the sections of a Tier 1 or
 * Tier 2 template, naming each missing or weak section.
 */
export async function checkAgreementQuality(
  deps: AgreementDeps,
  actor: Actor,
  input: { agreementId: string; version?: number | undefined },
): Promise<QualityReport> {
  await authorise(deps, actor, 'read_agreements', partnershipWide, 'agreement.quality');
  const record = await loadAgreement(deps.db, actor.partnershipId, input.agreementId);
  if (!record) throw notFound('The agreement');
  const version =
    input.version === undefined
      ? latestVersion(record)
      : record.versions.find((v) => v.version === input.version);
  if (!version) throw notFound('The version');
  const findings = assessQuality(await checkInputForVersion(deps, record, version), version);
  return {
    agreementId: record.id,
    reference: record.reference,
    version: version.version,
    status: versionStatus(record, version, deps.clock.now()),
    sections: qualitySections.map((section) => {
      const mine = findings.filter((f) => f.section === section);
      const status = mine.some((f) => f.severity === 'missing')
        ? ('missing' as const)
        : mine.length > 0
          ? ('weak' as const)
          : ('complete' as const);
      return { section, label: qualitySectionLabels[section], status, findings: mine };
    }),
    findings,
  };
}
