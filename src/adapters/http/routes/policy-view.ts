import type { z } from '@hono/zod-openapi';
import type { AgreementBasis, FieldGroupDecision } from '../../../domain/policy/access-decision.ts';
import type { AccessExplanation, AccessExplanationView } from '../../../domain/policy/explain-access.ts';
import { fieldGroupDefinitions } from '../../../domain/policy/field-groups.ts';
import { purposeDefinitions } from '../../../domain/policy/purposes.ts';
import type {
  Disclosure,
  SubjectRecordsView as RecordsResult,
} from '../../../domain/policy/read-subject-records.ts';
import type { AccessDecisionView, SubjectAccessView, SubjectRecordsView } from '../contracts/policy.ts';

/** Domain results as the HTTP contract's JSON: dates as ISO strings, labels beside ids. */
const basisView = (a: AgreementBasis) => ({
  ...a,
  validFrom: a.validFrom.toISOString(),
  validTo: a.validTo ? a.validTo.toISOString() : null,
});

function decisionView(
  decision: FieldGroupDecision,
  holderName: string | null,
  explanation: string,
): z.infer<typeof AccessDecisionView> {
  const allowed = decision.outcome === 'allow';
  return {
    outcome: decision.outcome,
    reason: decision.reason,
    holderOrganisationId: decision.holderOrganisationId,
    holderName,
    fieldGroup: decision.fieldGroup,
    fieldGroupLabel: fieldGroupDefinitions[decision.fieldGroup].label,
    purpose: decision.purpose,
    agreement: allowed && decision.agreement ? basisView(decision.agreement) : null,
    gatewayIds: allowed ? [...decision.gatewayIds] : [],
    relatedAgreements: allowed ? [] : decision.agreements.map(basisView),
    explanation,
  };
}

/** A disclosure of a read: the decision that allowed it and how many records it covered. */
export const disclosureView = (d: Disclosure) => ({
  ...decisionView(d.decision, d.holderName, d.explanation),
  records: d.records,
});

const explanationView = (e: AccessExplanation) => decisionView(e.decision, e.holderName, e.explanation);

export function toSubjectRecordsView(result: RecordsResult): z.infer<typeof SubjectRecordsView> {
  return {
    subjectId: result.subjectId,
    purpose: result.purpose,
    purposeLabel: purposeDefinitions[result.purpose].label,
    records: result.records.map((r) => ({
      ...r,
      fieldGroupLabel: fieldGroupDefinitions[r.fieldGroup].label,
      recordedAt: r.recordedAt.toISOString(),
    })),
    disclosures: result.disclosures.map(disclosureView),
  };
}

export function toSubjectAccessView(result: AccessExplanationView): z.infer<typeof SubjectAccessView> {
  return {
    subjectId: result.subjectId,
    purpose: result.purpose,
    purposeLabel: purposeDefinitions[result.purpose].label,
    shown: result.shown.map(explanationView),
    notShown: result.notShown.map(explanationView),
  };
}
