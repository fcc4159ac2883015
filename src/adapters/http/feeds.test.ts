import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { csvFile, orgId, peopleHeader } from '../../../test/support/feed-fixtures.ts';
import { createTestApp, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';

const mapping = (organisation = orgId('csc')) =>
  JSON.stringify({
    organisation,
    feed: 'csc-people',
    format: 'csv',
    recordKind: 'person_details',
    fieldGroup: 'identity',
    dataCategory: 'personal',
    personIdColumn: 'person_ref',
    externalIdColumn: 'person_ref',
    dateFormat: 'day_first',
    columns: {
      forename: { key: 'firstName', item: 'fact' },
      surname: { key: 'lastName', item: 'fact' },
      birth_date: { key: 'dob', item: 'fact' },
      nhs_no: { key: 'nhsNumber', item: 'fact' },
    },
  });

const file = csvFile(peopleHeader, 'P1,Sam,Taylor,14/03/2017,9434765919,,,', 'P2,Jo,Taylor,31/02/2015,,,,');

for (const kind of testDatabaseKinds()) {
  describe(`the feed upload API (${kind})`, () => {
    let app: TestApp;
    let alex: SignedInSession;
    let sam: SignedInSession;
    before(async () => {
      app = await createTestApp(kind);
      alex = await app.signIn('alex.morgan@northshire.example');
      sam = await app.signIn('sam.patel@northshire.example');
    });
    after(() => app.close());

    const upload = (
      session: SignedInSession,
      body: string,
      query: Record<string, string>,
      type = 'text/csv',
    ) =>
      app.request(`/api/feeds/runs?${new URLSearchParams(query).toString()}`, {
        method: 'POST',
        session,
        body,
        headers: { 'content-type': type },
      });

    test("the organisation's data manager uploads a CSV and gets the run report; the same file again writes nothing", async () => {
      const query = { organisationId: orgId('csc'), mapping: mapping(), fileName: 'people.csv' };
      const response = await upload(alex, file, query);
      assert.equal(response.status, 201, await response.clone().text());
      const report = (await response.json()) as {
        run: { id: string; inserted: number; rejected: number; status: string; fileName: string };
        issues: { line: number; column: string; reason: string }[];
      };
      assert.deepEqual([report.run.status, report.run.inserted, report.run.rejected], ['completed', 1, 1]);
      assert.deepEqual(report.issues, [
        { line: 3, column: 'birth_date', severity: 'rejected', reason: 'The date does not exist' },
      ]);
      // The report never repeats a value from the file.
      assert.doesNotMatch(JSON.stringify(report), /Taylor|Jo|31\/02/);
      const again = (await (await upload(alex, file, query)).json()) as {
        run: { inserted: number; unchanged: number };
      };
      assert.deepEqual([again.run.inserted, again.run.unchanged], [0, 1]);
      const list = (await (await app.request('/api/feeds/runs', { session: alex })).json()) as {
        runs: { id: string }[];
      };
      assert.equal(list.runs.length, 2);
      const one = await app.request(`/api/feeds/runs/${report.run.id}`, { session: alex });
      assert.equal(one.status, 200);
    });

    test('a NUL byte in one row rejects that row with its line and column; the rest of the run loads', async () => {
      const query = { organisationId: orgId('csc'), mapping: mapping(), fileName: 'nul.csv' };
      const nul = csvFile(
        peopleHeader,
        'N1,Ann,Reed,14/02/2016,,,,',
        'N2,Bo\u0000b,Reed,14/02/2016,,,,',
        'N3,Cy,Reed,14/02/2016,,,,',
      );
      const response = await upload(alex, nul, query);
      assert.equal(response.status, 201, await response.clone().text());
      const report = (await response.json()) as {
        run: { status: string; inserted: number; rejected: number };
        issues: { line: number; column: string; severity: string; reason: string }[];
      };
      assert.deepEqual([report.run.status, report.run.inserted, report.run.rejected], ['completed', 2, 1]);
      assert.deepEqual(report.issues, [
        {
          line: 3,
          column: 'forename',
          severity: 'rejected',
          reason: 'The value has a NUL character (byte 0), which text cannot hold: remove it from the file',
        },
      ]);
    });

    test('an NHS number of one digit repeated (0000000000) is refused for its row, though it passes modulus 11', async () => {
      const query = { organisationId: orgId('csc'), mapping: mapping(), fileName: 'zeros.csv' };
      const zeros = csvFile(
        peopleHeader,
        'Z1,Ann,Reed,14/02/2016,0000000000,,,',
        'Z2,Bo,Reed,14/02/2016,943 476 5919,,,',
      );
      const report = (await (await upload(alex, zeros, query)).json()) as {
        run: { inserted: number; rejected: number };
        issues: { line: number; column: string; reason: string }[];
      };
      assert.deepEqual([report.run.inserted, report.run.rejected], [1, 1]);
      assert.deepEqual(
        report.issues.map((i) => [i.line, i.column]),
        [[2, 'nhs_no']],
      );
      assert.match(report.issues[0]!.reason, /never issues/);
    });

    test('the system administrator uploads a JSON Lines feed for another organisation of the partnership', async () => {
      const chris = await app.signIn('chris.lee@northshire.example');
      const police = JSON.stringify({
        organisation: orgId('police'),
        feed: 'police-incidents',
        format: 'json',
        recordKind: 'police_incident',
        fieldGroup: 'police_incidents',
        dataCategory: 'criminal_offence',
        personIdColumn: 'subject',
        externalIdColumn: 'ref',
        columns: { type: { key: 'incidentType', item: 'fact' } },
      });
      const lines =
        '{"ref":"I1","subject":"S1","type":"missing_episode"}\n{"ref":"I2","subject":"S1","type":"domestic_abuse"}\n';
      const response = await upload(
        chris,
        lines,
        { organisationId: orgId('police'), mapping: police },
        'application/x-ndjson',
      );
      assert.equal(response.status, 201);
      const report = (await response.json()) as {
        run: {
          inserted: number;
          organisationName: string;
          waitingForIdentity: number;
          sharedOutside: boolean;
        };
      };
      assert.deepEqual([report.run.inserted, report.run.organisationName], [2, 'Northshire Police']);
      // No police person details were sent for S1: both incidents are kept and wait for them.
      assert.deepEqual([report.run.waitingForIdentity, report.run.sharedOutside], [2, true]);
    });

    test('records waiting for identity are listed for their own data manager and the system administrator only', async () => {
      const chris = await app.signIn('chris.lee@northshire.example');
      const listed = await app.request('/api/feeds/waiting', { session: chris });
      assert.equal(listed.status, 200);
      const body = (await listed.json()) as {
        total: number;
        records: { organisationName: string; externalPersonId: string; sourceReference: string }[];
      };
      assert.equal(body.total, 2);
      assert.deepEqual(
        (
          (await (
            await app.request('/api/feeds/waiting?feed=police-incidents', { session: chris })
          ).json()) as {
            byFeed: unknown[];
          }
        ).byFeed,
        [
          {
            organisationId: orgId('police'),
            organisationName: 'Northshire Police',
            feed: 'police-incidents',
            records: 2,
            persons: 1,
          },
        ],
      );
      assert.equal(
        (await app.request('/api/feeds/waiting?feed=Not%20a%20feed', { session: chris })).status,
        400,
      );
      assert.deepEqual(
        body.records.map((r) => [r.organisationName, r.externalPersonId, r.sourceReference]).sort(),
        [
          ['Northshire Police', 'S1', 'police-incidents I1'],
          ['Northshire Police', 'S1', 'police-incidents I2'],
        ],
      );
      const own = (await (await app.request('/api/feeds/waiting', { session: alex })).json()) as {
        total: number;
      };
      assert.equal(own.total, 0, "children's services' data manager sees none of the police's");
      assert.equal((await app.request('/api/feeds/waiting', { session: sam })).status, 404);
      const unshared = await app.request('/api/feeds/unshared', { session: sam });
      assert.equal(unshared.status, 200);
      assert.deepEqual(await unshared.json(), { unshared: [] });
    });

    test('refused: a practitioner, another organisation, a wrong content type, a bad mapping named by key, a file over the limit', async () => {
      const query = { organisationId: orgId('csc'), mapping: mapping() };
      assert.equal((await upload(sam, file, query)).status, 404);
      assert.equal((await app.request('/api/feeds/runs', { session: sam })).status, 404);
      const police = await upload(alex, file, {
        organisationId: orgId('police'),
        mapping: mapping(orgId('police')),
      });
      assert.equal(police.status, 404);
      assert.equal((await upload(alex, file, query, 'text/plain')).status, 415);
      assert.equal(
        (await upload(alex, file, query, 'application/json')).status,
        415,
        'a CSV mapping takes text/csv only',
      );
      const bad = await upload(alex, file, {
        ...query,
        mapping: mapping().replace('"identity"', '"police_incidents"'),
      });
      assert.equal(bad.status, 400);
      const body = (await bad.json()) as { error: { fields: { field: string }[] } };
      assert.deepEqual(
        body.error.fields.map((f) => f.field),
        ['mapping.dataCategory'],
      );
      const missing = await upload(alex, 'person_ref,forename\r\nP1,Sam\r\n', query);
      assert.equal(missing.status, 400);
      const huge = await app.request(`/api/feeds/runs?${new URLSearchParams(query).toString()}`, {
        method: 'POST',
        session: alex,
        body: 'x',
        headers: { 'content-type': 'text/csv', 'content-length': String(200 * 1024 * 1024) },
      });
      assert.equal(huge.status, 413);
      const stranger = await app.request('/api/feeds/runs/00000000-0000-4000-8000-000000000000', {
        session: alex,
      });
      assert.equal(stranger.status, 404);
    });
  });
}
