import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../shared/database.ts';

/**
 * The organisations whose users were shown something about these subjects (person ids or agency
 * person ids, as the read events name them) for one of these purposes since an instant, among
 * the organisations named: a withdrawal of consent tells those who read the child while the
 * consent stood (consent/withdraw-consent.ts). Read from the access log's successful
 * `subject.viewed` events, which the policy reader writes in the statement of every read.
 */
export async function findViewingOrganisations(
  db: Db,
  partnershipId: string,
  query: {
    readonly subjectIds: readonly string[];
    readonly purposes: readonly string[];
    readonly organisationIds: readonly string[];
    readonly since: Date;
  },
): Promise<string[]> {
  if (query.subjectIds.length === 0 || query.organisationIds.length === 0) return [];
  const list = (values: readonly string[]) =>
    `{${values.map((v) => `"${v.replace(/[\\"]/g, '')}"`).join(',')}}`;
  const rows = await queryRows<{ organisation_id: string }>(
    db,
    sql`select distinct e.actor_organisation_id::text as organisation_id from audit_event e
        where e.partnership_id = ${partnershipId} and e.action = 'subject.viewed' and e.outcome = 'success'
          and e.subject_id = any(${list(query.subjectIds)}::text[])
          and e.purpose = any(${list(query.purposes)}::text[])
          and e.actor_organisation_id::text = any(${list(query.organisationIds)}::text[])
          and e.at >= ${query.since.toISOString()}::timestamptz
        order by 1`,
  );
  return rows.map((r) => r.organisation_id);
}
