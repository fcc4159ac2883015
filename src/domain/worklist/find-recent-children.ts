import { sql } from 'drizzle-orm';
import type { PolicyDeps } from '../policy/flows-in-force-source.ts';
import { isPurpose, type Purpose } from '../policy/purposes.ts';
import { createScopedReader } from '../policy/scoped-reader.ts';
import type { Actor } from '../shared/actor.ts';
import { queryRows } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import { buildIdentity } from '../view/build-child-view.ts';

export interface RecentChild {
  readonly personId: string;
  readonly purpose: Purpose;
  /** The name as the viewer may see it now, for that purpose: null if no name is shown. */
  readonly name: string | null;
  readonly viewedAt: Date;
}

const RECENT = 5;

/**
 * The children this user opened most recently, from their own audit trail (each single view is
 * a `subject.viewed` event naming the person and purpose). The names are read again through the
 * policy for the same purpose, identity only (view 'recent_children', audited like any read), so
 * a child the user may no longer see drops off the list and nothing is kept outside the audit.
 */
export async function findRecentChildren(deps: PolicyDeps, actor: Actor): Promise<RecentChild[]> {
  if (actor.kind !== 'user') return [];
  const rows = await queryRows<{ subject_id: string; purpose: string; at_ms: string }>(
    deps.db,
    sql`select subject_id, purpose, ((extract(epoch from max(at)) * 1000)::bigint)::text as at_ms
        from audit_event
        where partnership_id = ${actor.partnershipId} and actor_type = 'user'
          and actor_id = ${actor.userId} and action = 'subject.viewed' and outcome = 'success'
          and details->>'view' = 'single_view' and purpose is not null
        group by subject_id, purpose
        order by max(at) desc, max(id) desc
        limit ${RECENT * 2}`,
  );
  const seen = new Set<string>();
  const recent: RecentChild[] = [];
  for (const row of rows) {
    if (seen.has(row.subject_id) || !isPurpose(row.purpose) || recent.length >= RECENT) continue;
    seen.add(row.subject_id);
    const name = await nameFor(deps, actor, row.purpose, row.subject_id);
    if (name === undefined) continue;
    recent.push({
      personId: row.subject_id,
      purpose: row.purpose,
      name,
      viewedAt: new Date(Number(row.at_ms)),
    });
  }
  return recent;
}

/** The child's name for this purpose; undefined when the child is no longer visible at all. */
async function nameFor(
  deps: PolicyDeps,
  actor: Actor,
  purpose: Purpose,
  personId: string,
): Promise<string | null | undefined> {
  try {
    const read = await createScopedReader(deps, actor, purpose).readPersonRecords(personId, {
      view: 'recent_children',
      fieldGroups: ['identity'],
    });
    // The same name the single view heads its page with: the value most agencies agree on.
    const identity = buildIdentity(read.records);
    const first = (field: string) => identity.find((i) => i.field === field)?.values[0]?.value;
    const parts = [first('firstName'), first('lastName')].filter((v): v is string => v !== undefined);
    return parts.length > 0 ? parts.join(' ') : null;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return undefined;
    throw error;
  }
}
