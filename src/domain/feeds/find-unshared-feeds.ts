import { findFlowsInForce } from '../agreements/find-flows-in-force.ts';
import { authorise } from '../partnership/authorise.ts';
import { partnershipWide } from '../partnership/capabilities.ts';
import { isFieldGroup, type FieldGroup } from '../policy/field-groups.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { selectFieldGroupsReceived } from './ingest-run-store.ts';
import { sharesOutside } from './is-field-group-shared-outside.ts';

export interface UnsharedFeed {
  readonly organisationId: string;
  readonly fieldGroup: FieldGroup;
  /** The feeds that delivered records in this field group. */
  readonly feeds: readonly string[];
  readonly lastReceivedAt: Date;
}

/**
 * The categories of information agencies have sent that no agreement in force lets anyone
 * outside the sender see, now: the coverage page's warning (issue 14). In the trial Operation
 * Encompass delivered nothing because the police filed domestic abuse as police incidents and
 * no one was told. Read from the run reports and the flows in force, never from the records.
 */
export async function findUnsharedFeeds(deps: Deps, actor: Actor): Promise<UnsharedFeed[]> {
  await authorise(deps, actor, 'read_agreements', partnershipWide, 'feeds.unshared.list');
  const received = await selectFieldGroupsReceived(deps.db, actor.partnershipId);
  const flows = await findFlowsInForce(deps.db, actor.partnershipId, deps.clock.now());
  return received.flatMap((r) =>
    isFieldGroup(r.fieldGroup) && !sharesOutside(flows, r.organisationId, r.fieldGroup)
      ? [
          {
            organisationId: r.organisationId,
            fieldGroup: r.fieldGroup,
            feeds: r.feeds,
            lastReceivedAt: new Date(r.lastReceivedAt),
          },
        ]
      : [],
  );
}
