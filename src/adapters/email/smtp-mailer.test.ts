import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { orgId } from '../../../test/support/feed-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { emailAlert } from '../../domain/alerts/email-alert.ts';
import { raiseAlert } from '../../domain/alerts/raise-alert.ts';
import { systemActor } from '../../domain/shared/actor.ts';
import { queryRows } from '../../domain/shared/database.ts';
import type { PartnershipId } from '../../domain/shared/ids.ts';
import { demoPartnership } from '../../domain/demo/northshire.ts';
import { smtpMailer } from './smtp-mailer.ts';

interface Received {
  readonly from: string;
  readonly to: readonly string[];
  readonly data: string;
}

/** A real SMTP server on a free local port, started by the test: what nodemailer sends, it keeps. */
async function localSmtpServer(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

for (const kind of testDatabaseKinds()) {
  describe(`alert email over SMTP (${kind})`, () => {
    let app: TestApp;
    let smtp: Awaited<ReturnType<typeof localSmtpServer>>;
    before(async () => {
      app = await createTestApp(kind);
      smtp = await localSmtpServer();
    });
    after(async () => {
      await smtp.close();
      await app.close();
    });

    test('says only that there is something to see, with the inbox link, to each holder of the role; audited first', async () => {
      const actor = systemActor(demoPartnership.id as PartnershipId, 'test');
      const alertId = await app.database.db.transaction((tx) =>
        raiseAlert(tx, actor, {
          kind: 'operation_encompass',
          to: { organisationId: orgId('school'), role: 'designated_safeguarding_lead' },
          content: {
            reportedBy: { organisationId: orgId('police'), name: 'Northshire Police' },
            incidentAt: '2026-11-20',
            schoolDay: '2026-11-23',
          },
          source: { type: 'domestic_abuse_notification', id: '1b0a3c1e-0000-4000-8000-00000000da01' },
          raisedAt: app.clock.now(),
        }),
      );
      assert.ok(alertId);
      const mailer = smtpMailer({
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        from: 'tessera@northshire.example',
      });
      try {
        const { sent } = await emailAlert(
          { ...app.deps, mailer, publicUrl: 'https://tessera.northshire.example' },
          { partnershipId: demoPartnership.id, alertId },
        );
        assert.equal(sent, 1);
      } finally {
        mailer.close();
      }
      assert.equal(smtp.received.length, 1);
      const [mail] = smtp.received;
      assert.deepEqual(mail!.to, ['jo.baker@northshire.example']);
      assert.match(mail!.data, /Subject: Something to see in Tessera/);
      assert.match(mail!.data, /There is something for you to see in Tessera\./);
      assert.match(mail!.data, /https:\/\/tessera\.northshire\.example\/alerts/);
      for (const never of ['Police', 'domestic', 'Encompass', 'Riverside', 'Jo Baker', '2026-11-20'])
        assert.equal(mail!.data.includes(never), false, `the email must not say ${never}`);
      const [event] = await queryRows<{ users: number }>(
        app.database.db,
        sql`select jsonb_array_length(details->'recipientUserIds')::int as users from audit_event
            where action = 'alert.emailed' and details->>'alertId' = ${alertId}`,
      );
      assert.equal(event?.users, 1);
    });
  });
}
