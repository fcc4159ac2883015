import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { actorByEmail, type UserActor } from '../../../test/support/actors.ts';
import { insertPeople, people } from '../../../test/support/northshire-people.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { testDatabaseKinds } from '../../../test/support/test-database.ts';
import { SlidingWindowLimiter } from '../identity/rate-limiter.ts';
import { queryRows } from '../shared/database.ts';
import { DomainError } from '../shared/errors.ts';
import { findPersons, type SearchDeps } from './find-persons.ts';

for (const kind of testDatabaseKinds()) {
  describe(`searching for a person (${kind})`, () => {
    let app: TestApp;
    let deps: SearchDeps;
    let samPatel: UserActor;
    let joBaker: UserActor;
    before(async () => {
      app = await createTestApp(kind);
      deps = {
        ...app.deps,
        searchLimiter: new SlidingWindowLimiter(app.clock, { limit: 100, windowMs: 60_000 }),
      };
      samPatel = await actorByEmail(app.database.db, 'sam.patel@northshire.example');
      joBaker = await actorByEmail(app.database.db, 'jo.baker@northshire.example');
      await insertPeople(app.database.db);
    });
    after(() => app.close());

    test('a social worker finds Sam Taylor by name and date of birth, described by the identity items they may see', async () => {
      const found = await findPersons(deps, samPatel, {
        purpose: 's47_enquiry',
        name: 'sam  TAYLOR',
        dob: '2017-05-12',
      });
      assert.deepEqual(
        found.persons.map((p) => p.personId),
        [people.samTaylor],
      );
      const nhs = found.persons[0]!.identity.find((i) => i.field === 'nhsNumber');
      assert.deepEqual(nhs?.values[0]?.sources, [
        "Northshire County Council Children's Services",
        'Northshire Hospitals NHS Foundation Trust',
      ]);
    });

    test('an NHS number held only by agencies whose identity the searcher may not see finds nothing, exactly like an unknown one', async () => {
      // For Operation Encompass the school sees its own records and the police's, neither of
      // which holds Sam's NHS number; the council and the trust do.
      const held = await findPersons(deps, joBaker, {
        purpose: 'operation_encompass',
        nhsNumber: '943 476 5919',
      });
      const unknown = await findPersons(deps, joBaker, {
        purpose: 'operation_encompass',
        nhsNumber: '9434765900',
      });
      assert.deepEqual(held, unknown);
      assert.deepEqual(held.persons, []);
      const byName = await findPersons(deps, joBaker, {
        purpose: 'operation_encompass',
        name: 'Sam Taylor',
        dob: '2017-05-12',
      });
      assert.deepEqual(
        byName.persons.map((p) => p.personId),
        [people.samTaylor],
      );
      assert.equal(
        byName.persons[0]!.identity.find((i) => i.field === 'nhsNumber'),
        undefined,
      );
    });

    test('a search is audited with the kinds of term and the count, never the terms, and each person shown is a view', async () => {
      await findPersons(deps, samPatel, { purpose: 's47_enquiry', upn: 'a123456789012', name: 'Taylor' });
      const [searched] = await queryRows<{
        details: Record<string, unknown>;
        purpose: string;
        outcome: string;
      }>(
        app.database.db,
        sql`select details, purpose, outcome from audit_event where action = 'subject.searched' order by id desc limit 1`,
      );
      assert.deepEqual(searched, {
        details: { fields: ['name', 'upn'], returned: 1 },
        purpose: 's47_enquiry',
        outcome: 'success',
      });
      assert.ok(!JSON.stringify(searched).includes('A123456789012'));
      const [viewed] = await queryRows<{
        subject_id: string;
        details: Record<string, unknown>;
        disclosed: string[];
      }>(
        app.database.db,
        sql`select subject_id, details, disclosed from audit_event where action = 'subject.viewed' order by id desc limit 1`,
      );
      assert.equal(viewed!.subject_id, people.samTaylor);
      assert.equal(viewed!.details.view, 'search_result');
      assert.deepEqual(viewed!.disclosed, ['identity']);
    });

    test('a role that may not act for the purpose finds nothing; a search without terms is refused naming the field', async () => {
      const found = await findPersons(deps, joBaker, {
        purpose: 's47_enquiry',
        name: 'Sam Taylor',
        dob: '2017-05-12',
      });
      assert.deepEqual(found.persons, []);
      await assert.rejects(
        findPersons(deps, samPatel, { purpose: 's47_enquiry', name: '   ' }),
        (e: unknown) =>
          e instanceof DomainError && e.code === 'validation_failed' && e.fields?.[0]?.field === 'name',
      );
    });

    test('a surname alone or a date of birth alone is refused naming the field to add, audited, and says nothing of who exists', async () => {
      const refusal = async (input: Omit<Parameters<typeof findPersons>[2], 'purpose'>) => {
        try {
          await findPersons(deps, samPatel, { purpose: 's47_enquiry', ...input });
        } catch (e) {
          assert.ok(e instanceof DomainError && e.code === 'validation_failed', String(e));
          return { message: e.message, fields: e.fields };
        }
        assert.fail(`a search by ${Object.keys(input).join(', ')} was run`);
      };
      const surname = await refusal({ name: 'Taylor' });
      assert.deepEqual(surname.fields, [
        { field: 'dob', problem: 'Enter a date of birth with the name, or search by NHS number' },
      ]);
      // A surname nobody has is refused exactly like one three Northshire children share.
      assert.deepEqual(await refusal({ name: 'Zzyzx' }), surname);
      const birthday = await refusal({ dob: '2017-05-12' });
      assert.deepEqual(
        birthday.fields?.map((f) => f.field),
        ['name'],
      );
      assert.deepEqual(await refusal({ dob: '1901-01-01' }), birthday);
      const wrongCheckDigit = await refusal({ nhsNumber: '943 476 5918' });
      assert.deepEqual(wrongCheckDigit.fields, [
        { field: 'nhsNumber', problem: 'The NHS number check digit is wrong' },
      ]);
      const placeholder = await refusal({ nhsNumber: '0000000000', name: 'Sam Taylor', dob: '2017-05-12' });
      assert.deepEqual(
        placeholder.fields?.map((f) => f.field),
        ['nhsNumber'],
      );
      const events = await queryRows<{ outcome: string; details: Record<string, unknown> }>(
        app.database.db,
        sql`select outcome, details from audit_event where action = 'subject.searched' order by id desc limit 6`,
      );
      assert.deepEqual(
        events.reverse().map((e) => [e.outcome, e.details.reason, e.details.fields]),
        [
          ['denied', 'not_identifying', ['name']],
          ['denied', 'not_identifying', ['name']],
          ['denied', 'not_identifying', ['dob']],
          ['denied', 'not_identifying', ['dob']],
          ['denied', 'invalid_identifier', ['nhsNumber']],
          ['denied', 'invalid_identifier', ['name', 'dob', 'nhsNumber']],
        ],
      );
      assert.ok(!JSON.stringify(events).includes('Taylor'), 'the terms are never kept');
    });

    test('searches beyond the limit are refused with rate_limited, when to try again, and audited', async () => {
      const limited: SearchDeps = {
        ...deps,
        searchLimiter: new SlidingWindowLimiter(app.clock, { limit: 2, windowMs: 60_000 }),
      };
      await findPersons(limited, samPatel, { purpose: 's47_enquiry', name: 'Taylor', dob: '2017-05-12' });
      await findPersons(limited, samPatel, { purpose: 's47_enquiry', name: 'Taylor', dob: '2017-05-12' });
      await assert.rejects(
        findPersons(limited, samPatel, { purpose: 's47_enquiry', name: 'Taylor', dob: '2017-05-12' }),
        (e: unknown) => e instanceof DomainError && e.code === 'rate_limited' && e.retryAfterSeconds === 60,
      );
      const [event] = await queryRows<{ outcome: string; reason: string }>(
        app.database.db,
        sql`select outcome, details->>'reason' as reason from audit_event where action = 'subject.searched' order by id desc limit 1`,
      );
      assert.deepEqual(event, { outcome: 'denied', reason: 'rate_limited' });
    });
  });
}
