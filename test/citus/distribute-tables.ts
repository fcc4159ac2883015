import type pg from 'pg';

/**
 * Tessera's distribution plan for Citus (DESIGN.md section 5), applied to a migrated database on
 * a Citus coordinator: each partnership is a shard key.
 */

/**
 * National tables, the same for every partnership, copied to every node. The gateway catalogue
 * is law; user_email maps an email to its partnership before sign-in knows which one it is.
 */
export const referenceTables = ['gateway_catalogue_version', 'gateway', 'user_email'] as const;

/**
 * Tables whose triggers Citus may run on the row's shard (`citus.enable_unsafe_triggers`): each
 * touches only its own partnership's rows. Most stamp or refuse the row itself (audit, gateway
 * catalogue, agreement guards); the agreement part guards also read the row's agreement version,
 * and every agreement table bumps its partnership's agreement_policy_generation row. Those rows
 * share the partnership_id, and colocation puts them on the same node. Citus cannot check this,
 * so a table with triggers that is not listed here stops the distribution until someone has
 * read its triggers.
 */
export const ownRowTriggerTables = new Set([
  'agreement_party',
  'agreement_flow',
  'agreement_signature',
  'audit_event',
  'audit_chain',
  'audit_checkpoint',
  'agreement',
  'agreement_version',
  'agreement_suspension',
  'gateway_catalogue_version',
  'gateway',
  // Record versions and tombstones (records/schema.ts): the guards refuse the row itself or read
  // the tombstone of the same partnership's record.
  'subject_record',
  'subject_record_version',
  'subject_record_tombstone',
  // Consents and decision records are append-only (consent's one change is its withdrawal): the
  // guards read only the row itself.
  'consent',
  'decision_record',
]);

export interface DistributionReport {
  readonly reference: readonly string[];
  readonly distributed: readonly string[];
  readonly withUnsafeTriggers: readonly string[];
  /** Every foreign key, lifted before distribution and made again on the distributed tables. */
  readonly foreignKeys: readonly string[];
}

/**
 * Makes the reference tables, then distributes `partnership` on its id and every other table on
 * partnership_id, colocated with it, so one partnership's rows of every table sit on one node
 * and its joins never leave it. Existing rows move to the shards.
 *
 * Foreign keys (issue 13) are lifted first and made again at the end. Citus accepts no key
 * between a plain local table and a Citus table, in either direction: distributing a parent
 * while its child is local fails, and so does distributing the child first; making a reference
 * table while a local table names it turns that whole connected group into Citus-local tables,
 * which then cannot be distributed. Made again on the distributed tables, each key is checked
 * by Citus's own rules (colocated, through the distribution column, or to a reference table)
 * and enforced on the shards, so a key the schema should not have fails here.
 */
export async function distributeTables(client: pg.Client): Promise<DistributionReport> {
  const { rows: foreignKeys } = await client.query<{ name: string; drop: string; add: string }>(
    `select c.conname as name,
            format('alter table %I drop constraint %I', t.relname, c.conname) as drop,
            format('alter table %I add constraint %I %s', t.relname, c.conname, pg_get_constraintdef(c.oid)) as add
     from pg_constraint c
     join pg_class t on t.oid = c.conrelid
     join pg_namespace n on n.oid = t.relnamespace
     where c.contype = 'f' and n.nspname = 'public'
     order by t.relname, c.conname`,
  );
  for (const key of foreignKeys) await client.query(key.drop);
  const { rows: tables } = await client.query<{ name: string; has_triggers: boolean }>(
    `select c.relname as name,
            exists (select 1 from pg_trigger t where t.tgrelid = c.oid and not t.tgisinternal) as has_triggers
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r'
     order by c.relname`,
  );
  const triggers = new Map(tables.map((t) => [t.name, t.has_triggers]));
  const withUnsafeTriggers: string[] = [];
  // One transaction per table, so the trigger allowance is set for that table alone.
  const distribute = async (table: string, call: string) => {
    await client.query('begin');
    try {
      if (triggers.get(table)) {
        if (!ownRowTriggerTables.has(table)) {
          throw new Error(`${table} has triggers that are not known to touch only their own row`);
        }
        withUnsafeTriggers.push(table);
        await client.query('set local citus.enable_unsafe_triggers = on');
      }
      await client.query(call, [table]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  };
  for (const table of referenceTables) await distribute(table, 'select create_reference_table($1)');
  await distribute('partnership', `select create_distributed_table($1, 'id')`);
  const tenant = tables
    .map((t) => t.name)
    .filter((name) => name !== 'partnership' && !(referenceTables as readonly string[]).includes(name));
  for (const table of tenant) {
    await distribute(
      table,
      `select create_distributed_table($1, 'partnership_id', colocate_with => 'partnership')`,
    );
  }
  for (const key of foreignKeys) await client.query(key.add);
  return {
    reference: [...referenceTables],
    distributed: ['partnership', ...tenant],
    withUnsafeTriggers,
    foreignKeys: foreignKeys.map((k) => k.name),
  };
}
