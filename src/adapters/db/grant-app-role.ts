import pg from 'pg';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../domain/shared/database.ts';
import { JOB_QUEUE_SCHEMA } from '../jobs/pg-boss-job-queue.ts';
import type { DatabaseHandle } from './open-database.ts';

/** Insert-only tables (DESIGN.md rule 3): the server's role may add rows and read them, nothing more. */
export const auditTables = ['audit_event', 'audit_chain', 'audit_checkpoint'] as const;

/**
 * Makes the role named in DATABASE_URL the server's role, from the owner's connection
 * (`tessera db migrate` with DATABASE_OWNER_URL): created with the URL's password if it does not
 * exist, then given only what the app needs. Data rows: select, insert, update and delete.
 * Audit tables: select and insert. Sequences: usage. It owns nothing, so it cannot ALTER or DROP
 * a table or a trigger, and is no superuser, so it cannot set session_replication_role to step
 * round the append-only triggers. Run again after every migration, as `db migrate` does, so new
 * tables are granted too. The job queue's schema gets only what pg-boss does there.
 */
export async function grantAppRole(
  owner: DatabaseHandle,
  appUrl: string,
): Promise<{ role: string; created: boolean }> {
  const url = new URL(appUrl);
  const role = decodeURIComponent(url.username);
  if (!role)
    throw new Error('DATABASE_URL must name the server role, e.g. postgres://tessera_app:secret@host/db');
  const [me] = await queryRows<{ owner: string; superuser: boolean }>(
    owner.db,
    sql`select current_user::text as owner, r.rolsuper as superuser
        from pg_roles r where r.rolname = current_user`,
  );
  if (me?.owner === role) {
    throw new Error(
      'DATABASE_URL and DATABASE_OWNER_URL name the same role: the server needs a role of its own',
    );
  }
  const [existing] = await queryRows<{ superuser: boolean }>(
    owner.db,
    sql`select rolsuper as superuser from pg_roles where rolname = ${role}`,
  );
  if (existing?.superuser)
    throw new Error(`the role ${role} is a superuser: the server's role must not be one`);
  const ident = pg.escapeIdentifier(role);
  const password = decodeURIComponent(url.password);
  if (!existing) {
    await owner.db.execute(
      sql.raw(`create role ${ident} login${password ? ` password ${pg.escapeLiteral(password)}` : ''}`),
    );
  }
  const audit = auditTables.join(', ');
  // One transaction, so a server already running never sees its grants half revoked.
  await owner.db.transaction(async (tx) => {
    for (const statement of [
      `revoke all on all tables in schema public from ${ident}`,
      `revoke all on all sequences in schema public from ${ident}`,
      `revoke create on schema public from ${ident}`,
      `grant usage on schema public to ${ident}`,
      `grant select, insert, update, delete on all tables in schema public to ${ident}`,
      `revoke update, delete, truncate, references, trigger on ${audit} from ${ident}`,
      `grant usage, select on all sequences in schema public to ${ident}`,
      ...jobQueueGrants(ident),
    ]) {
      await tx.execute(sql.raw(statement));
    }
  });
  return { role, created: !existing };
}

/**
 * What pg-boss needs to send, fetch, complete, fail and retry jobs, and for its maintenance
 * (expire, archive, delete): rows of `job` (a partitioned table: privileges on the parent are
 * the ones checked) and `archive`; reading `queue` and `version`, and stamping the maintenance
 * times in `version` (not its version number). Queues and the schema are the owner's
 * (adapters/jobs/install-job-queue.ts): the role gets no CREATE on the schema, and its
 * functions that make and drop queue tables are taken from PUBLIC.
 */
function jobQueueGrants(ident: string): string[] {
  const s = JOB_QUEUE_SCHEMA;
  return [
    `revoke all on all tables in schema ${s} from ${ident}`,
    `revoke all on schema ${s} from ${ident}`,
    `revoke execute on all functions in schema ${s} from public`,
    `grant usage on schema ${s} to ${ident}`,
    `grant select, insert, update, delete on ${s}.job to ${ident}`,
    `grant select, insert, delete on ${s}.archive to ${ident}`,
    `grant select on ${s}.queue, ${s}.version to ${ident}`,
    `grant update (maintained_on, cron_on, monitored_on) on ${s}.version to ${ident}`,
  ];
}
