import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../domain/shared/database.ts';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { org } from '../../../test/support/northshire-flows.ts';
import { createTestApp, json, type SignedInSession, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the single view over HTTP (${kind})`, () => {
    let app: TestApp;
    let sam: SignedInSession;
    let rhys: SignedInSession;
    before(async () => {
      app = await createTestApp(kind);
      await insertPeople(app.database.db);
      sam = await app.signIn('sam.patel@northshire.example');
      rhys = await app.signIn('dc.jones@northshire.example');
    });
    after(() => app.close());

    const get = (path: string, session: SignedInSession) => app.request(path, { session });
    const search = (body: unknown, session: SignedInSession) =>
      app.request('/api/persons/search', { method: 'POST', body: json(body), session });

    test('a social worker reads the view of a child for a s47 enquiry: flags, agencies and a chronology with link confidence', async () => {
      const response = await get(`/api/persons/${people.samTaylor}/view?purpose=s47_enquiry`, sam);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const body = (await response.json()) as {
        flags: { label: string }[];
        agencies: { name: string; leadPractitioner: { name: string } | null }[];
        chronology: {
          holderName: string;
          linkConfidence: number;
          fieldGroupLabel: string;
          recordedAt: string;
        }[];
        shownBecause: { explanation: string }[];
      };
      assert.deepEqual(
        body.flags.map((f) => f.label),
        ['Child protection plan'],
      );
      assert.equal(body.agencies[0]?.leadPractitioner?.name, 'Sam Patel');
      const trust = body.chronology.find(
        (e) => e.holderName === 'Northshire Hospitals NHS Foundation Trust',
      )!;
      assert.deepEqual([trust.linkConfidence, trust.fieldGroupLabel], [0.962, 'Physical health']);
      assert.match(trust.recordedAt, /^2026-09-20T15:00:00/);
      assert.ok(body.shownBecause.some((s) => s.explanation.startsWith('Shown because agreement T2-014')));
    });

    test('a police officer sees a different view of the same child', async () => {
      const body = (await (
        await get(`/api/persons/${people.samTaylor}/view?purpose=s47_enquiry`, rhys)
      ).json()) as {
        chronology: { holderName: string }[];
      };
      assert.ok(!body.chronology.some((e) => e.holderName === 'Northshire Hospitals NHS Foundation Trust'));
    });

    test('a police officer is neither offered nor allowed looked-after care, even for the police’s own records', async () => {
      const purposes = (await (await get('/api/policy/purposes', rhys)).json()) as {
        purposes: { id: string; mayActFor: boolean }[];
      };
      const offered = purposes.purposes.filter((p) => p.mayActFor).map((p) => p.id);
      assert.ok(offered.includes('s47_enquiry'));
      assert.equal(offered.includes('looked_after_care'), false);
      const refused = await get(`/api/persons/${people.samTaylor}/view?purpose=looked_after_care`, rhys);
      const nobody = await get(`/api/persons/${people.nobody}/view?purpose=looked_after_care`, rhys);
      assert.deepEqual([refused.status, nobody.status], [404, 404]);
      assert.deepEqual(await refused.json(), await nobody.json());
      const samOffered = (await (await get('/api/policy/purposes', sam)).json()) as typeof purposes;
      assert.ok(samOffered.purposes.some((p) => p.id === 'looked_after_care' && p.mayActFor));
    });

    test('not yours, nobody and a malformed id: 404 with one body, or 400 naming the field', async () => {
      const mia = await get(`/api/persons/${people.miaHughes}/view?purpose=s47_enquiry`, rhys);
      const nobody = await get(`/api/persons/${people.nobody}/view?purpose=s47_enquiry`, rhys);
      assert.deepEqual([mia.status, nobody.status], [404, 404]);
      assert.deepEqual(await mia.json(), await nobody.json());
      const bad = await get(`/api/persons/not-a-uuid/view?purpose=s47_enquiry`, rhys);
      assert.equal(bad.status, 400);
      const fields = ((await bad.json()) as { error: { fields: { field: string }[] } }).error.fields.map(
        (f) => f.field,
      );
      assert.deepEqual(fields, ['personId']);
      const noPurpose = await get(`/api/persons/${people.samTaylor}/view`, rhys);
      assert.equal(noPurpose.status, 400);
    });

    test('the chronology filters, and its CSV neutralises a summary that looks like a formula', async () => {
      const query = `purpose=s47_enquiry&organisationIds=${org.police}&factOrOpinion=opinion`;
      const response = await get(`/api/persons/${people.samTaylor}/chronology?${query}`, sam);
      const body = (await response.json()) as { entries: { summary: string }[] };
      assert.deepEqual(
        body.entries.map((e) => e.summary),
        ['=HYPERLINK("http://evil.example")'],
      );
      const csv = await get(`/api/persons/${people.samTaylor}/chronology.csv?${query}`, sam);
      assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
      const text = await csv.text();
      assert.match(text, /"'=HYPERLINK/);
      assert.doesNotMatch(text, /,"=HYPERLINK/);
      const wrong = await get(
        `/api/persons/${people.samTaylor}/chronology?purpose=s47_enquiry&from=2026-02-31&colour=red`,
        sam,
      );
      assert.equal(wrong.status, 400);
      const fields = ((await wrong.json()) as { error: { fields: { field: string }[] } }).error.fields.map(
        (f) => f.field,
      );
      assert.deepEqual(fields.sort(), ['colour', 'from']);
    });

    test('the CSV says whose chronology it is, who produced it, for what and with which filters, marked OFFICIAL-SENSITIVE', async () => {
      const query = `purpose=s47_enquiry&organisationIds=${org.police}&factOrOpinion=opinion`;
      const response = await get(`/api/persons/${people.samTaylor}/chronology.csv?${query}`, sam);
      const text = await response.text();
      const lines = text.replace(/^\uFEFF/, '').split('\r\n');
      assert.deepEqual(lines.slice(0, 3), [
        '"OFFICIAL-SENSITIVE"',
        '"Multi-agency chronology of","Sam Taylor"',
        `"Produced by","Sam Patel, Practitioner, Northshire County Council Children's Services"`,
      ]);
      assert.ok(lines.includes('"Purpose","Section 47 enquiry"'), text);
      assert.ok(lines.includes('"Filters","Agencies: Northshire Police; Opinions only"'), text);
      // The table follows a blank line, its link confidence worded as the screen words it.
      const header = lines.findIndex((l) => l.startsWith('"Event date"'));
      assert.equal(lines[header - 1], '');
      assert.match(lines[header + 1] ?? '', /,"\d{1,3}\.\d%"$/);
    });

    test('the CSV neutralises summaries starting with | or %, and its export event lists the columns, groups and filters', async () => {
      const query = `purpose=s47_enquiry&organisationIds=${org.police}&factOrOpinion=opinion`;
      const setSummary = (summary: string) =>
        app.database.db.execute(
          sql`update subject_record set payload = jsonb_set(payload, '{summary}', to_jsonb(${summary}::text)), version = version + 1
              where kind = 'police_incident' and event_date = '2026-09-16'`,
        );
      try {
        for (const summary of ["|cmd /c calc'!A0", '%COMSPEC%']) {
          await setSummary(summary);
          const text = await (
            await get(`/api/persons/${people.samTaylor}/chronology.csv?${query}`, sam)
          ).text();
          assert.ok(text.includes(`"'${summary}"`), text);
          assert.ok(!text.includes(`,"${summary}"`), text);
        }
      } finally {
        await setSummary('=HYPERLINK("http://evil.example")');
      }
      const [exported] = await queryRows<{
        subject_id: string;
        purpose: string;
        disclosed: string[];
        details: Record<string, unknown>;
      }>(
        app.database.db,
        sql`select subject_id, purpose, disclosed, details from audit_event
            where action = 'subject.exported' order by id desc limit 1`,
      );
      assert.deepEqual(exported, {
        subject_id: people.samTaylor,
        purpose: 's47_enquiry',
        disclosed: ['police_incidents'],
        details: {
          view: 'chronology',
          format: 'csv',
          columns: [
            'Event date',
            'Recorded by the agency',
            'Received by Tessera',
            'Source organisation',
            'Information',
            'Kind of record',
            'Fact or opinion',
            'What happened',
            'Link confidence',
          ],
          rows: 1,
          filters: ['organisationIds', 'factOrOpinion'],
        },
      });
      const [read] = await queryRows<{ view: string }>(
        app.database.db,
        sql`select details->>'view' as view from audit_event where action = 'subject.viewed' order by id desc limit 1`,
      );
      assert.equal(read!.view, 'chronology_csv');
    });

    test('the chronology and its CSV filter by kind of record, labelled in words, and a kind it never holds is refused by field', async () => {
      const chronology = (path: string) => get(`/api/persons/${people.samTaylor}/${path}`, sam);
      const response = await chronology(
        'chronology?purpose=s47_enquiry&kinds=police_incident,health_contact',
      );
      assert.equal(response.status, 200);
      const body = (await response.json()) as { entries: { kind: string; kindLabel: string }[] };
      assert.deepEqual([...new Set(body.entries.map((e) => `${e.kind}: ${e.kindLabel}`))].sort(), [
        'health_contact: Health contact (emergency department, health visitor)',
        'police_incident: Police incident',
      ]);
      assert.equal(body.entries.length, 3, 'two police incidents and the emergency department attendance');

      const csv = await (
        await chronology('chronology.csv?purpose=s47_enquiry&kinds=school_attendance')
      ).text();
      assert.match(csv, /"School attendance"/);
      assert.match(csv, /Attendance 82% this term/);
      assert.doesNotMatch(csv, /Police incident|Domestic incident/);

      for (const path of ['chronology', 'chronology.csv']) {
        const wrong = await chronology(`${path}?purpose=s47_enquiry&kinds=police_incident,gossip`);
        assert.equal(wrong.status, 400, path);
        const { error } = (await wrong.json()) as {
          error: { code: string; fields: { field: string; problem: string }[] };
        };
        assert.equal(error.code, 'validation_failed');
        assert.deepEqual(
          error.fields.map((f) => f.field),
          ['kinds'],
        );
        assert.match(
          error.fields[0]!.problem,
          /^Choose kinds of record from address, relationship, involvement/,
        );
        assert.doesNotMatch(error.fields[0]!.problem, /gossip/, 'the value typed is not echoed back');
      }
      const details = await chronology('chronology?purpose=s47_enquiry&kinds=person_details');
      assert.equal(details.status, 400, 'person details are the identity, never a chronology entry');
    });

    test('search needs a purpose, answers only persons you may see, and refuses bad identifiers by field', async () => {
      const found = await search({ purpose: 's47_enquiry', name: 'Sam Taylor', dob: '2017-05-12' }, sam);
      assert.equal(found.status, 200);
      const body = (await found.json()) as { persons: { personId: string }[] };
      assert.deepEqual(
        body.persons.map((p) => p.personId),
        [people.samTaylor],
      );
      const noPurpose = await search({ name: 'Sam Taylor' }, sam);
      assert.equal(noPurpose.status, 400);
      const bad = await search({ purpose: 's47_enquiry', nhsNumber: '94347659xx', dob: '2017-13-01' }, sam);
      const fields = ((await bad.json()) as { error: { fields: { field: string }[] } }).error.fields.map(
        (f) => f.field,
      );
      assert.deepEqual(fields.sort(), ['dob', 'nhsNumber']);
      const none = await search({ purpose: 's47_enquiry', name: 'Nobody Known', dob: '2017-05-12' }, sam);
      assert.deepEqual(await none.json(), { purpose: 's47_enquiry', persons: [], truncated: false });
    });

    test('search by a surname alone, a date of birth alone or an NHS number with a wrong check digit: 400 naming the field, the same whoever exists', async () => {
      const refused = async (body: Record<string, string>) => {
        const response = await search({ purpose: 's47_enquiry', ...body }, sam);
        assert.equal(response.status, 400, JSON.stringify(body));
        return (await response.json()) as {
          error: { code: string; fields: { field: string; problem: string }[] };
        };
      };
      const surname = await refused({ name: 'Taylor' });
      assert.deepEqual(surname.error.fields, [
        { field: 'dob', problem: 'Enter a date of birth with the name, or search by NHS number' },
      ]);
      assert.deepEqual(await refused({ name: 'Nobody' }), surname);
      const birthday = await refused({ dob: '2017-05-12' });
      assert.deepEqual(
        birthday.error.fields.map((f) => f.field),
        ['name'],
      );
      assert.deepEqual(await refused({ dob: '1950-01-01' }), birthday);
      const checkDigit = await refused({ nhsNumber: '943 476 5918' });
      assert.deepEqual(checkDigit.error.fields, [
        { field: 'nhsNumber', problem: 'The NHS number check digit is wrong' },
      ]);
      const byNhs = await search({ purpose: 's47_enquiry', nhsNumber: '943 476 5919' }, sam);
      assert.deepEqual(
        ((await byNhs.json()) as { persons: { personId: string }[] }).persons.map((p) => p.personId),
        [people.samTaylor],
        'a valid NHS number alone is enough',
      );
      const [event] = await queryRows<{ outcome: string; reason: string }>(
        app.database.db,
        sql`select outcome, details->>'reason' as reason from audit_event
            where action = 'subject.searched' and outcome = 'denied' order by id desc limit 1`,
      );
      assert.deepEqual(event, { outcome: 'denied', reason: 'invalid_identifier' });
    });
  });
}
