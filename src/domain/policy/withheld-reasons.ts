import type { WithheldPair } from '../audit/actions.ts';
import type { Db } from '../shared/database.ts';
import type { OrganisationId } from '../shared/ids.ts';
import { decideFieldGroup } from './decide-access.ts';
import type { FieldGroup } from './field-groups.ts';
import type { FlowsInForceSource } from './flows-in-force-source.ts';
import type { PolicyAccess } from './policy-access.ts';
import type { Purpose } from './purposes.ts';

export interface HeldPair {
  readonly holderOrganisationId: OrganisationId;
  readonly fieldGroup: FieldGroup;
}

/**
 * The real reason each held (holder, field group) was withheld, for the audit event of a refusal
 * (issue 13 point 10): the caller still answers "not found" whatever it is (DESIGN.md rule 2),
 * but a data protection officer reading the log sees "agreement T2-004 suspended", not a generic
 * denial. Where the decision says no flow in force covers the pair, the agreements that would
 * cover it are asked why they are not in force (the source's `withdrawn`, read on refusals only).
 */
export async function explainWithheld(
  db: Db,
  source: FlowsInForceSource,
  access: PolicyAccess & { ok: true },
  purpose: Purpose,
  held: readonly HeldPair[],
): Promise<WithheldPair[]> {
  const { policy, actor, atMs } = access;
  const decided = held.map((h) => ({
    h,
    d: decideFieldGroup(policy, actor, purpose, h.holderOrganisationId, h.fieldGroup, atMs),
  }));
  // Asked on every refusal, whether or not anything is held, so a child the reader may not see
  // and an id that names no one take the same path and the same time (DESIGN.md rule 2).
  const withdrawn = source.withdrawn
    ? await source.withdrawn(db, actor.partnershipId, new Date(atMs), {
        organisationId: actor.organisationId,
        purpose,
      })
    : [];
  return decided.flatMap(({ h, d }): WithheldPair[] => {
    if (d.outcome === 'allow') return [];
    const base = { organisationId: h.holderOrganisationId, fieldGroup: h.fieldGroup };
    if (d.reason === 'no_agreement') {
      const covering = withdrawn.filter(
        (w) => w.fromOrganisationIds.includes(h.holderOrganisationId) && w.fieldGroups.includes(h.fieldGroup),
      );
      const first = covering[0];
      if (first)
        return [
          {
            ...base,
            reason: first.state === 'framework_not_in_force' ? first.state : `agreement_${first.state}`,
            agreements: [...new Set(covering.map((w) => w.reference))],
          },
        ];
    }
    return [{ ...base, reason: d.reason, agreements: [...new Set(d.agreements.map((a) => a.reference))] }];
  });
}
