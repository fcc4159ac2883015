import { sql } from 'drizzle-orm';
import type { GatewayCitation } from '../gateways/check-cited-gateways.ts';
import { queryRows, type Db } from '../shared/database.ts';
import { londonDate } from './calendar-dates.ts';

/**
 * Every gateway cited by an agreement version that is in force or on its way there (draft,
 * awaiting signatures, or active and not past its end date) in ANY partnership, with the
 * agreement's reference: what the national catalogue must keep (gateways/check-cited-gateways.ts).
 * A Tier 1 cites its appendix; a flow its Art 6 basis, Art 9 and Art 10 conditions with their
 * Sched 1 conditions, statutes, common-law ground and any others. Terminated agreements and
 * superseded versions cite nothing any more: their wording stays in the catalogue version they
 * relied on, which is never changed.
 *
 * The one query here that crosses partnerships: it serves only the platform's catalogue import,
 * a rare administrative act, never a user's request (ARCHITECTURE.md, distribution plan).
 */
export async function findGatewayCitations(db: Db, at: Date): Promise<GatewayCitation[]> {
  const rows = await queryRows<{ gateway_id: string; partnership_id: string; reference: string }>(
    db,
    sql`select distinct cited.gateway_id, a.partnership_id::text as partnership_id, a.reference
        from agreement a
        join agreement_version v on v.partnership_id = a.partnership_id and v.agreement_id = a.id
        left join agreement_flow f
          on f.partnership_id = v.partnership_id and f.agreement_id = v.agreement_id and f.version = v.version
        cross join lateral unnest(
          v.gateway_ids
          || array[f.art6_basis_id, f.art9_condition_id, f.art9_sched1_condition_id, f.art10_condition_id,
                   f.art10_sched1_condition_id, f.confidentiality_gateway_id]::text[]
          || coalesce(f.statutory_gateway_ids, '{}'::text[])
          || coalesce(f.other_gateway_ids, '{}'::text[])
        ) as cited(gateway_id)
        where cited.gateway_id is not null
          and a.terminated_at is null
          and v.status in ('draft', 'awaiting_signatures', 'active')
          and (v.end_date is null or v.end_date >= ${londonDate(at)})
        order by cited.gateway_id, a.reference`,
  );
  return rows.map((r) => ({
    gatewayId: r.gateway_id,
    partnershipId: r.partnership_id,
    reference: r.reference,
  }));
}
