import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openTestDatabase, type TestDatabaseHandle } from '../../../test/support/test-database.ts';
import { danaTheDpo, northshire } from '../../../test/support/personas.ts';
import { appendAuditEvent } from '../../domain/audit/append-audit-event.ts';
import { sealAllPartnerships } from '../../domain/audit/seal-all-partnerships.ts';
import { generateSigningKeyPem, loadCheckpointSigner } from '../../domain/audit/signing-key.ts';
import { memoryWitness } from '../../domain/audit/witness.ts';
import { jobCatalogue } from '../../domain/shared/job-queue.ts';
import { silentLogger } from '../../domain/shared/deps.ts';
import { queryRows } from '../../domain/shared/database.ts';
import PgBoss from 'pg-boss';
import { jobQueueConnection } from '../jobs/job-queue-connection.ts';
import { pgBossJobQueue } from '../jobs/pg-boss-job-queue.ts';
import { grantAppRole } from './grant-app-role.ts';
import { canServerRoleBypassAudit } from './server-role.ts';
import { openDatabase, type DatabaseHandle } from './open-database.ts';

/**
 * DESIGN.md rule 3: the server's role cannot alter tables, drop triggers or update and delete
 * audit rows; migrations run as the owner. Roles exist only on a server, so this runs on
 * PostgreSQL (DATABASE_URL); the embedded database has one role, and README says so.
 */
const adminUrl = process.env.DATABASE_URL;
if (adminUrl) {
  describe('the server role made by db migrate (postgres)', () => {
    const role = `tessera_app_t_${randomBytes(4).toString('hex')}`;
    let owner: TestDatabaseHandle;
    let app: DatabaseHandle;
    before(async () => {
      owner = await openTestDatabase('postgres');
      await owner.db.execute(
        sql`insert into partnership (id, name) values (${northshire.partnershipId}, 'Northshire')`,
      );
      const ownerUrl = new URL(await databaseUrlOf(owner));
      const appUrl = new URL(ownerUrl);
      appUrl.username = role;
      appUrl.password = 'kettle-orchard-lantern';
      assert.deepEqual(await grantAppRole(owner, appUrl.toString()), { role, created: true });
      // Run again (as after every migration): the role is kept, its grants made afresh.
      assert.deepEqual(await grantAppRole(owner, appUrl.toString()), { role, created: false });
      app = await openDatabase({ kind: 'postgres', url: appUrl.toString(), poolSize: 2 });
    });
    after(async () => {
      await app.close();
      await owner.close();
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop role if exists ${role}`);
      await admin.end();
    });

    const refused = async (statement: string, reason: RegExp) => {
      await assert.rejects(
        app.db.execute(sql.raw(statement)),
        (error: Error) => reason.test(String((error.cause as Error | undefined)?.message ?? error.message)),
        statement,
      );
    };

    test('it is refused ALTER TABLE and DROP TRIGGER, as it owns nothing', async () => {
      await refused('alter table audit_event add column note text', /must be owner of table audit_event/);
      await refused('alter table organisation disable trigger all', /must be owner of table organisation/);
      await refused(
        'drop trigger audit_event_append_only on audit_event',
        /must be owner of (table|relation) audit_event/,
      );
      await refused('drop table audit_checkpoint', /must be owner of table audit_checkpoint/);
      await refused('create table intruder (id int)', /permission denied for schema public/);
    });

    test('it is refused UPDATE, DELETE and TRUNCATE on the audit tables by privilege, not only by trigger', async () => {
      for (const table of ['audit_event', 'audit_chain', 'audit_checkpoint']) {
        await refused(
          `update ${table} set partnership_id = partnership_id`,
          new RegExp(`permission denied for table ${table}`),
        );
        await refused(`delete from ${table}`, new RegExp(`permission denied for table ${table}`));
        await refused(`truncate ${table}`, new RegExp(`permission denied for table ${table}`));
      }
      // Nor can it turn the append-only triggers off for its session.
      await refused('set session_replication_role = replica', /permission denied/);
    });

    test('serve can tell the restricted role from the owner', async () => {
      assert.equal(await canServerRoleBypassAudit(app.db), false);
      assert.equal(await canServerRoleBypassAudit(owner.db), true);
    });

    test('it sends, fetches and completes jobs, and fails them with their error', async () => {
      const queue = pgBossJobQueue(app, jobCatalogue, {
        logger: silentLogger,
        pollIntervalMs: 20,
        maintenance: false,
      });
      await queue.start();
      try {
        const done = await queue.send('agreements.review-reminders', { day: '2026-12-07' });
        const broken = await queue.send(
          'agreements.review-reminders',
          { day: '2026-12-08' },
          { retryLimit: 0 },
        );
        assert.ok(done && broken);
        const ran: string[] = [];
        queue.work('agreements.review-reminders', async (_data, job) => {
          ran.push(job.id);
          if (job.id === broken) throw new Error('the register is closed');
        });
        const states = async () =>
          queryRows<{ id: string; state: string }>(
            app.db,
            sql`select id::text, state::text from pgboss.job where id in (${done}::uuid, ${broken}::uuid) order by state`,
          );
        for (
          let tries = 0;
          (await states()).some((r) => r.state !== 'completed' && r.state !== 'failed');
          tries++
        ) {
          assert.ok(tries < 500, 'the jobs were run');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        assert.deepEqual(await states(), [
          { id: done, state: 'completed' },
          { id: broken, state: 'failed' },
        ]);
        assert.deepEqual(ran.sort(), [done, broken].sort());
      } finally {
        await queue.stop();
      }
    });

    test("it runs pg-boss's maintenance: expiring, archiving and deleting jobs, stamping the time", async () => {
      // What a running server's queue does every two minutes (maintenance: true), run once here.
      const boss = new PgBoss({
        db: jobQueueConnection(app) as PgBoss.Db,
        migrate: false,
        schedule: false,
        supervise: false,
      });
      await boss.start();
      try {
        await boss.maintain();
      } finally {
        await boss.stop({ graceful: false, close: false });
      }
      await app.db.execute(sql`update pgboss.version set maintained_on = now()`);
    });

    test("it cannot alter, drop or empty pg-boss's tables, nor make or drop queues", async () => {
      await refused('alter table pgboss.job add column note text', /must be owner of (table|relation) job/);
      await refused('drop table pgboss.archive', /must be owner of table archive/);
      await refused('truncate pgboss.job', /permission denied for table job/);
      await refused('create table pgboss.intruder (id int)', /permission denied for schema pgboss/);
      await refused('update pgboss.version set version = 1', /permission denied for table version/);
      await refused(
        "insert into pgboss.queue (name) values ('intruder')",
        /permission denied for table queue/,
      );
      await refused(
        "select pgboss.create_queue('intruder', '{}')",
        /permission denied for function create_queue/,
      );
      await refused(
        "select pgboss.delete_queue('agreements.review-reminders')",
        /permission denied for function delete_queue/,
      );
    });

    test('it appends, reads and seals audit events, and changes ordinary rows', async () => {
      await appendAuditEvent(app.db, {
        actor: danaTheDpo,
        action: 'audit.searched',
        outcome: 'success',
        details: { filters: {}, returned: 0 },
      });
      const witness = memoryWitness();
      const sealed = await sealAllPartnerships(app.db, {
        signer: loadCheckpointSigner(generateSigningKeyPem()),
        witness,
        checkpointEvery: 1,
        waitForEarlierTransactionsMs: 30_000,
      });
      assert.equal(sealed.sealed, 1);
      assert.equal((await witness.readCheckpoints(northshire.partnershipId)).length, 1);
      await app.db.execute(
        sql`update partnership set name = 'Northshire Partnership' where id = ${northshire.partnershipId}`,
      );
    });
  });
}

async function databaseUrlOf(handle: DatabaseHandle): Promise<string> {
  const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
  const options = pool.options as { connectionString: string };
  return options.connectionString;
}
