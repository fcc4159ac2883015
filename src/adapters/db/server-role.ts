import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../domain/shared/database.ts';

/**
 * Whether the connected role could step round the audit log's protection: a superuser can turn
 * the append-only triggers off, and the owner of audit_event can drop them. DESIGN.md rule 3
 * wants the server on a role that can do neither (`tessera db migrate` with DATABASE_OWNER_URL
 * makes one); `tessera serve` warns when it is not.
 */
export async function canServerRoleBypassAudit(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ bypass: boolean }>(
    db,
    sql`select r.rolsuper or pg_has_role(current_user, c.relowner, 'USAGE') as bypass
        from pg_roles r, pg_class c
        where r.rolname = current_user and c.oid = 'public.audit_event'::regclass`,
  );
  return row?.bypass ?? true;
}
