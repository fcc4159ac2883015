import type { FieldGroup } from '../policy/field-groups.ts';
import type { FlowInForce } from '../policy/flows-in-force.ts';
import type { Purpose } from '../policy/purposes.ts';

/**
 * Whether the agreements in force already carry a share: every field group chosen is in a flow
 * from the holder to the recipient that serves the purpose and is valid at the instant. The
 * flows are the policy's own (the live agreement check, agreements/find-flows-in-force.ts, as
 * the injected FlowsInForceSource), so "outside agreements" means exactly what the reader would
 * not have been shown without the decision.
 */
export function isCoveredByFlows(
  flows: readonly FlowInForce[],
  share: {
    readonly from: string;
    readonly to: string;
    readonly purpose: Purpose;
    readonly groups: readonly FieldGroup[];
    readonly at: Date;
  },
): boolean {
  const at = share.at.getTime();
  const carrying = flows.filter(
    (f) =>
      f.fromOrganisationId === share.from &&
      f.toOrganisationId === share.to &&
      f.purposes.includes(share.purpose) &&
      f.validFrom.getTime() <= at &&
      (f.validTo === null || at < f.validTo.getTime()),
  );
  return share.groups.every((g) => carrying.some((f) => f.fieldGroups.includes(g)));
}
