import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { safeErrorSummary } from './safe-error-summary.ts';

test("a failed query's parameters never reach the log, but its SQLSTATE does", () => {
  const cause = Object.assign(
    new Error('duplicate key value violates unique constraint "app_user_email_unique"'),
    {
      code: '23505',
      detail: 'Key (email)=(kai.thompson@northshire.example) already exists.',
    },
  );
  const error = new DrizzleQueryError(
    'insert into app_user values ($1)',
    ['kai.thompson@northshire.example'],
    cause,
  );
  const logged = JSON.stringify(safeErrorSummary(error));
  assert.doesNotMatch(logged, /kai\.thompson/);
  assert.match(logged, /DrizzleQueryError/);
  assert.match(logged, /"code":"23505"/);
  assert.match(logged, /app_user_email_unique/);
});
