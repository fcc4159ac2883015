import type { z } from '@hono/zod-openapi';
import {
  agreementStatusLabel,
  tierLabels,
  type AgreementContent,
  type FlowContent,
} from '../../../domain/agreements/agreement-terms.ts';
import type { AgreementProblem } from '../../../domain/agreements/check-types.ts';
import type {
  AgreementDetail,
  AgreementSummary,
  FlowDetail,
  VersionDetail,
} from '../../../domain/agreements/describe-agreement.ts';
import type { GatewayDescription } from '../../../domain/agreements/gateway-directory.ts';
import { gatewayKindLabels } from '../../../domain/gateways/gateway-kinds.ts';
import { roleLabels } from '../../../domain/partnership/roles.ts';
import type { AgreementDetailView, AgreementSummaryView } from '../contracts/agreement-views.ts';
import type { FlowRequest, UpdateDraftRequest } from '../contracts/agreements.ts';

/** Between the HTTP contracts and the agreements domain: nothing but shape. */

type Sections = Omit<z.infer<typeof UpdateDraftRequest>, 'purposes' | 'gatewayIds' | 'dataCategories'> &
  Partial<Pick<z.infer<typeof UpdateDraftRequest>, 'purposes' | 'gatewayIds' | 'dataCategories'>>;

export function toContent(body: Sections): AgreementContent {
  return {
    title: body.title,
    summary: body.summary,
    purposes: body.purposes ?? [],
    parties: body.parties.map((p) => ({ organisationId: p.organisationId, contact: p.contact ?? null })),
    startDate: body.startDate,
    reviewDate: body.reviewDate,
    endDate: body.endDate ?? null,
    security: body.security,
    retention: body.retention,
    rights: body.rights,
    gatewayIds: body.gatewayIds ?? [],
    dataCategories: body.dataCategories ?? [],
  };
}

export function toFlow(body: z.infer<typeof FlowRequest>): FlowContent {
  return {
    ...body,
    art9ConditionId: body.art9ConditionId ?? null,
    art9Sched1ConditionId: body.art9Sched1ConditionId ?? null,
    art10ConditionId: body.art10ConditionId ?? null,
    art10Sched1ConditionId: body.art10Sched1ConditionId ?? null,
    confidentialityGatewayId: body.confidentialityGatewayId ?? null,
    confidentialityGround: body.confidentialityGround ?? null,
    methodDetail: body.methodDetail ?? null,
    retention: body.retention ?? null,
    dpiaReference: body.dpiaReference ?? null,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function summaryView(s: AgreementSummary): z.infer<typeof AgreementSummaryView> {
  return {
    ...s,
    tierLabel: tierLabels[s.tier],
    statusLabel: agreementStatusLabel(s.status, s.startDate),
    parties: [...s.parties],
    suspension: s.suspension
      ? { since: s.suspension.since.toISOString(), reason: s.suspension.reason }
      : null,
    termination: s.termination ? { at: s.termination.at.toISOString(), reason: s.termination.reason } : null,
  };
}

export function flowView(f: FlowDetail) {
  const { fromOrganisationIds: _from, toOrganisationIds: _to, ...rest } = f;
  return {
    ...rest,
    from: [...f.from],
    to: [...f.to],
    purposes: [...f.purposes],
    fieldGroups: [...f.fieldGroups],
    dataCategories: [...f.dataCategories],
    statutoryGatewayIds: [...f.statutoryGatewayIds],
    otherGatewayIds: [...f.otherGatewayIds],
  };
}

function versionView(v: VersionDetail) {
  return {
    version: v.version,
    status: v.displayStatus,
    statusLabel: agreementStatusLabel(v.displayStatus, v.content.startDate),
    ...v.content,
    purposes: [...v.content.purposes],
    gatewayIds: [...v.content.gatewayIds],
    dataCategories: [...v.content.dataCategories],
    parties: [...v.parties],
    flows: v.flows.map(flowView),
    signatures: v.signatures.map((s) => ({
      ...s,
      roleLabel: roleLabels[s.role],
      signedAt: s.signedAt.toISOString(),
    })),
    awaitingSignatureFrom:
      v.status === 'awaiting_signatures'
        ? v.parties.filter((p) => !p.signed).map((p) => ({ organisationId: p.organisationId, name: p.name }))
        : [],
    createdAt: v.createdAt.toISOString(),
    submittedAt: iso(v.submittedAt),
    activatedAt: iso(v.activatedAt),
    supersededAt: iso(v.supersededAt),
  };
}

export function gatewayViews(gateways: ReadonlyMap<string, GatewayDescription>) {
  return [...gateways].map(([id, g]) => ({ id, ...g, kindLabel: gatewayKindLabels[g.kind] }));
}

export function detailView(
  d: AgreementDetail & { gateways: ReadonlyMap<string, GatewayDescription> },
): z.infer<typeof AgreementDetailView> {
  return {
    ...summaryView(d),
    versions: d.versions.map(versionView),
    tier2Agreements: [...d.tier2Agreements],
    gateways: gatewayViews(d.gateways),
  };
}

export const problemViews = (problems: readonly AgreementProblem[]) => problems.map((p) => ({ ...p }));
