import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql, type SQL } from 'drizzle-orm';
import type { DatabaseHandle } from '../src/adapters/db/open-database.ts';
import { queryRows } from '../src/domain/shared/database.ts';
import { foreignKeyExceptions } from '../src/domain/shared/foreign-key-exceptions.ts';
import { referenceTables } from './citus/distribute-tables.ts';
import { openTestDatabase, testDatabaseKinds } from './support/test-database.ts';

/**
 * Issue 13: a foreign key wherever a row must exist, or a written reason where it cannot
 * (domain/shared/foreign-key-exceptions.ts). Read from pg_constraint after migrating, so the
 * check is of the database as it is, whatever the schema files say.
 */

interface ForeignKey {
  readonly name: string;
  readonly table: string;
  readonly columns: string[];
  readonly parent: string;
  readonly parentColumns: string[];
  readonly onDelete: string;
}

async function foreignKeys(handle: DatabaseHandle): Promise<ForeignKey[]> {
  return queryRows<ForeignKey>(
    handle.db,
    sql`select c.conname as name, t.relname as "table", p.relname as parent, c.confdeltype as "onDelete",
               array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
                     join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
               array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
                     join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i)
                 as "parentColumns"
        from pg_constraint c
        join pg_class t on t.oid = c.conrelid
        join pg_class p on p.oid = c.confrelid
        join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
        where c.contype = 'f'
        order by 2, 1`,
  );
}

/** Every column named like a reference to another row: `*_id` and arrays of them, `*_ids`. */
async function referenceColumns(handle: DatabaseHandle): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    handle.db,
    sql`select t.relname || '.' || a.attname as name
        from pg_attribute a
        join pg_class t on t.oid = a.attrelid and t.relkind = 'r'
        join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
        where a.attnum > 0 and not a.attisdropped and a.attname ~ '_ids?$'
        order by 1`,
  );
  return rows.map((r) => r.name);
}

const isReference = (table: string) => (referenceTables as readonly string[]).includes(table);

for (const kind of testDatabaseKinds()) {
  describe(`foreign keys (${kind})`, () => {
    let handle: DatabaseHandle;
    let keys: ForeignKey[];
    before(async () => {
      handle = await openTestDatabase(kind);
      keys = await foreignKeys(handle);
    });
    after(() => handle.close());

    test('every column named like a reference has a foreign key, or a reason in the exceptions catalogue', async () => {
      const keyed = new Set(keys.flatMap((k) => k.columns.map((c) => `${k.table}.${c}`)));
      const columns = await referenceColumns(handle);
      assert.ok(columns.length > 40, 'the schema is there');
      const forgotten = columns.filter((c) => !keyed.has(c) && !(c in foreignKeyExceptions));
      assert.deepEqual(forgotten, [], 'add a foreign key, or say why not in foreign-key-exceptions.ts');
    });

    test('every entry of the exceptions catalogue is a column that exists and has no foreign key', async () => {
      const keyed = new Set(keys.flatMap((k) => k.columns.map((c) => `${k.table}.${c}`)));
      const columns = new Set(await referenceColumns(handle));
      const stale = Object.keys(foreignKeyExceptions).filter((c) => !columns.has(c) || keyed.has(c));
      assert.deepEqual(stale, [], 'remove entries the schema no longer needs');
    });

    // DESIGN.md section 5: Citus checks a key between distributed tables only on one shard, so
    // both sides carry the distribution column; a reference table, copied to every node, may
    // name only another reference table.
    test('keys between tenant tables include partnership_id on both sides, and no reference table names a tenant one', () => {
      const misplaced = keys
        .filter((k) => {
          if (isReference(k.table)) return !isReference(k.parent);
          if (isReference(k.parent)) return false;
          const parentKey = k.parent === 'partnership' ? 'id' : 'partnership_id';
          const at = k.columns.indexOf('partnership_id');
          return at < 0 || k.parentColumns[at] !== parentKey;
        })
        .map((k) => k.name);
      assert.deepEqual(misplaced, []);
      assert.ok(keys.some((k) => k.table === 'app_user' && k.parent === 'user_email'));
    });

    // No use case deletes a parent row; erasure, when it comes, must decide table by table. The
    // audit tables are append-only: nothing may cascade into them or out of them.
    test('every foreign key restricts deletion: none cascades or sets null', () => {
      const lenient = keys.filter((k) => k.onDelete !== 'r').map((k) => `${k.name} (${k.onDelete})`);
      assert.deepEqual(lenient, []);
    });

    describe('an orphan is refused', () => {
      const northshire = randomUUID();
      const council = randomUUID();
      const missing = randomUUID();
      before(async () => {
        await handle.db.execute(sql`insert into partnership (id, name) values (${northshire}, 'Northshire')`);
        await handle.db.execute(
          sql`insert into organisation (partnership_id, id, name, type)
              values (${northshire}, ${council}, 'Northshire County Council', 'local_authority')`,
        );
      });

      const refused = async (statement: SQL, constraint: string) => {
        await assert.rejects(handle.db.execute(statement), (error: Error & { cause?: unknown }) => {
          const cause = (error.cause ?? error) as { code?: string; message?: string };
          assert.equal(cause.code, '23503', `a foreign key violation, not: ${cause.message}`);
          assert.match(String(cause.message), new RegExp(constraint));
          return true;
        });
      };

      test('an organisation of a partnership that does not exist', () =>
        refused(
          sql`insert into organisation (partnership_id, id, name, type)
              values (${missing}, ${randomUUID()}, 'Riverside Primary School', 'school')`,
          'organisation_partnership_fk',
        ));

      test('a record held by an organisation that is not in the partnership', () =>
        refused(
          sql`insert into subject_record (partnership_id, id, subject_id, organisation_id, field_group, kind,
                payload, recorded_at, fact_or_opinion, source_reference)
              values (${northshire}, ${randomUUID()}, 'sam-taylor', ${missing}, 'police_incidents', 'police_incident',
                '{}', now(), 'fact', 'fixture')`,
          'subject_record_organisation_fk',
        ));

      test('the same organisation id in another partnership does not count: keys are per partnership', async () => {
        const elsewhere = randomUUID();
        await handle.db.execute(sql`insert into partnership (id, name) values (${elsewhere}, 'Eastmoor')`);
        await refused(
          sql`insert into agency_person (partnership_id, id, organisation_id, external_person_id, updated_at)
              values (${elsewhere}, ${randomUUID()}, ${council}, 'CS-1001', now())`,
          'agency_person_organisation_fk',
        );
      });

      test('a link to an agency person who does not exist', () =>
        refused(
          sql`insert into person_link (partnership_id, agency_person_id, person_id, match_probability, linked_by, linked_at)
              values (${northshire}, ${missing}, ${randomUUID()}, 1, 'first', now())`,
          'person_link_agency_person_fk',
        ));

      test('a membership of a user who does not exist', () =>
        refused(
          sql`insert into membership (partnership_id, id, user_id, organisation_id, role)
              values (${northshire}, ${randomUUID()}, ${missing}, ${council}, 'social_worker')`,
          'membership_user_fk',
        ));

      test('an account without its platform-wide email entry', () =>
        refused(
          sql`insert into app_user (partnership_id, id, email, display_name, password_hash, password_changed_at)
              values (${northshire}, ${randomUUID()}, 'sam.patel@northshire.example', 'Sam Patel', 'x', now())`,
          'app_user_email_fk',
        ));

      test('a version of an agreement that does not exist', () =>
        refused(
          sql`insert into agreement_version (partnership_id, agreement_id, version, status, title, summary, purposes,
                start_date, review_date, security, retention, rights, gateway_ids, data_categories, created_at, created_by)
              values (${northshire}, ${missing}, 1, 'draft', 'T2-014', 'Police to school', '{}', '2026-01-01',
                '2027-01-01', '', '', '', '{}', '{}', now(), 'fixture')`,
          'agreement_version_agreement_fk',
        ));

      test('a chain entry for an audit event that was never written', () =>
        refused(
          sql`insert into audit_chain (partnership_id, seq, event_id, event_tx_id, event_digest, hash)
              values (${northshire}, 1, 999999, 1, 'digest', 'hash')`,
          'audit_chain_event_fk',
        ));
    });
  });
}
