import { findFlowsInForce } from '../agreements/find-flows-in-force.ts';
import type { FlowInForce } from '../policy/flows-in-force.ts';
import type { FieldGroup } from '../policy/field-groups.ts';
import type { Db } from '../shared/database.ts';

/**
 * Does any flow in force at `at` let an organisation other than the holder see this field group
 * of the holder's records? If not, records arriving in it reach no one outside the agency that
 * sent them: Operation Encompass delivered nothing in the trial because the police filed
 * domestic abuse as "police incidents" while the agreement covered "domestic abuse
 * notifications" (issue 14). Ingest and the coverage page warn on a false answer.
 */
export async function isFieldGroupSharedOutside(
  db: Db,
  query: { partnershipId: string; organisationId: string; fieldGroup: FieldGroup; at: Date },
): Promise<boolean> {
  const flows = await findFlowsInForce(db, query.partnershipId, query.at);
  return sharesOutside(flows, query.organisationId, query.fieldGroup);
}

export function sharesOutside(
  flows: readonly FlowInForce[],
  organisationId: string,
  fieldGroup: FieldGroup,
): boolean {
  return flows.some(
    (f) =>
      f.fromOrganisationId === organisationId &&
      f.toOrganisationId !== organisationId &&
      f.fieldGroups.includes(fieldGroup),
  );
}
