import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';

/** STYLE.md practice 12: module boundaries are checked by a test, not by hope. */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

const importsOf = (text: string) => [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);

test('domain/ never imports adapters/, and never reads the environment', async () => {
  const offenders: string[] = [];
  for (const file of await sourceFiles('src/domain')) {
    const text = await readFile(file, 'utf8');
    if (importsOf(text).some((i) => i.includes('/adapters/')))
      offenders.push(`${relative('.', file)} imports an adapter`);
    if (/process\.env/.test(text)) offenders.push(`${relative('.', file)} reads process.env`);
  }
  assert.deepEqual(offenders, []);
});

test('only adapters/jobs imports pg-boss: the domain sends jobs through its JobQueue port', async () => {
  const offenders: string[] = [];
  for (const file of await sourceFiles('src')) {
    const path = relative('.', file);
    if (path.startsWith('src/adapters/jobs/')) continue;
    if (importsOf(await readFile(file, 'utf8')).some((i) => i === 'pg-boss' || i.startsWith('pg-boss/')))
      offenders.push(path);
  }
  assert.deepEqual(offenders, []);
});

test('only config/ and the composition root read process.env', async () => {
  const offenders: string[] = [];
  for (const file of await sourceFiles('src')) {
    const path = relative('.', file);
    if (path.startsWith('src/config/') || path === 'src/main.ts' || path.startsWith('src/adapters/web/'))
      continue;
    if (/process\.env/.test(await readFile(file, 'utf8'))) offenders.push(path);
  }
  assert.deepEqual(offenders, []);
});

test('paths that bypass authorisation are named unsafe*, and this is the list of them', async () => {
  const unsafe: string[] = [];
  for (const file of await sourceFiles('src')) {
    for (const m of (await readFile(file, 'utf8')).matchAll(/export (?:async )?function (unsafe\w+)/g))
      unsafe.push(m[1]!);
  }
  // Subject data is read only through domain/policy's scoped reader. A system path that must skip
  // the policy (retention disposal, subject access packs) is named unsafe*, lives in
  // domain/policy, and is added here, with the reason, in the same change:
  // - unsafeReadLinkReviewPair (policy/unsafe-read-link-review-pair.ts): a link reviewer compares
  //   two records whichever agencies hold them, which no agreement between two organisations
  //   answers. Only review_links roles, only the identifiers both records hold (the ones the
  //   comparison used), read and audited (a subject.viewed per record naming the fields) in one
  //   transaction.
  assert.deepEqual(unsafe.sort(), ['unsafeReadLinkReviewPair']);
});

/**
 * DESIGN.md rule 1: only domain/policy reads subject data. Within it, only the record store
 * queries the table (behind the scoped reader); records may import its own schema for ingest,
 * which writes. Tests and test support insert fixtures directly and are not scanned.
 */
const subjectTableAllowed = [
  /^src\/domain\/policy\/subject-record-store\.ts$/,
  // The single view reads a person's records (every agency person linked in person_link) with
  // the same scope filter as the record store.
  /^src\/domain\/policy\/person-record-store\.ts$/,
  // Person search matches agency_person identifiers (records schema), but only those of
  // holders whose identity group is in the searcher's scope, and describes the persons found
  // only by identity items in scope: a system-level read of identifiers, kept inside policy.
  /^src\/domain\/policy\/person-search-store\.ts$/,
  // THE visibility computation (grants minus limits): the one filter every read above joins, on
  // the record table aliased r; and the grants and limits tables, which name records by id.
  /^src\/domain\/policy\/visibility\.ts$/,
  /^src\/domain\/policy\/schema\.ts$/,
  /^src\/domain\/records\/schema\.ts$/,
  /^src\/domain\/records\/ingest[\w-]*\.ts$/,
  // Erasure (records/erase-record.ts) deletes a record, its versions and what was made from it,
  // and writes its tombstone: it reads only the holder and the agency's id, never a payload.
  /^src\/domain\/records\/erasure-store\.ts$/,
  // The people tables declare foreign keys to agency_person (test/foreign-keys.test.ts), and the
  // catalogue of columns without one names subject_record's: both declare, neither reads.
  /^src\/domain\/people\/schema\.ts$/,
  /^src\/domain\/shared\/foreign-key-exceptions\.ts$/,
  // Person linkage compares the identifiers in agency_person and discloses nothing (issue 4):
  // this store is the one system-level reader of that table. It never reads subject_record. Its
  // readAgencyPersonIdentities serves only policy's unsafeReadLinkReviewPair (checked below).
  /^src\/domain\/people\/agency-person-store\.ts$/,
  // The family network's edges name their evidence (record id, holder, field group) so that the
  // single view can show only edges whose evidence the viewer may see: this store reads
  // agency_relationship, agency_address and those three columns of the items, never a payload.
  /^src\/domain\/people\/family-network-store\.ts$/,
];

test('every unsafe* path lives in domain/policy, and only the people module calls the link review one', async () => {
  const offenders: string[] = [];
  for (const file of await sourceFiles('src')) {
    const path = relative('.', file).split('\\').join('/');
    const text = await readFile(file, 'utf8');
    if (/export (?:async )?function unsafe\w+/.test(text) && !path.startsWith('src/domain/policy/'))
      offenders.push(`${path} defines an unsafe path outside domain/policy`);
    if (
      /unsafeReadLinkReviewPair\(/.test(text) &&
      !/^src\/domain\/(policy|people\/get-link-review)/.test(path)
    )
      offenders.push(`${path} calls unsafeReadLinkReviewPair`);
  }
  assert.deepEqual(offenders, []);
});

test('only the policy module queries subject_record: nothing else imports the records schema or names the table', async () => {
  const offenders: string[] = [];
  for (const file of await sourceFiles('src')) {
    const path = relative('.', file).split('\\').join('/');
    if (subjectTableAllowed.some((allowed) => allowed.test(path))) continue;
    const text = await readFile(file, 'utf8');
    if (importsOf(text).some((i) => /records\/schema(\.ts)?$/.test(i)))
      offenders.push(`${path} imports the records schema`);
    if (/subject_record/.test(text)) offenders.push(`${path} names subject_record`);
    // The store takes any scope it is given: only the policy module may hand it one.
    if (
      !path.startsWith('src/domain/policy/') &&
      importsOf(text).some((i) => i.endsWith('subject-record-store.ts'))
    )
      offenders.push(`${path} imports the policy's record store`);
  }
  assert.deepEqual(offenders, []);
});

test('the identifiers a link reviewer sees are read only by the policy module’s named bypass', async () => {
  const offenders: string[] = [];
  for (const file of await sourceFiles('src')) {
    const path = relative('.', file).split('\\').join('/');
    if (path === 'src/domain/people/agency-person-store.ts') continue;
    if (
      /readAgencyPersonIdentities/.test(await readFile(file, 'utf8')) &&
      path !== 'src/domain/policy/unsafe-read-link-review-pair.ts'
    )
      offenders.push(path);
  }
  assert.deepEqual(offenders, []);
});

test('no source file is a god file (over 400 lines)', async () => {
  const big: string[] = [];
  for (const file of await sourceFiles('src')) {
    const lines = (await readFile(file, 'utf8')).split('\n').length;
    if (lines > 400) big.push(`${relative('.', file)}: ${lines}`);
  }
  assert.deepEqual(big, []);
});
