// The cross-agency leak matrix (DESIGN.md section 6): every read endpoint of subject data (records,
// the single view with its family network, the chronology and its CSV, person search, link
// reviews) × every demo role and organisation × every relation between viewer and holder × every
// purpose, field by field. The expected answer is worked out here from the agreements' published
// flow register, the published field group declarations and the roles' purposes, never from the
// policy code under test, and any record or field shown that they do not allow is a leak. Then it proves that suspending, terminating or amending an agreement stops
// disclosure at once, on this app instance and on a second one sharing the database, each with
// its own cache of the compiled policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amendAgreement } from '../src/domain/agreements/amend-agreement.ts';
import { agreementFlowsInForce } from '../src/domain/agreements/policy-generation.ts';
import { signAgreement } from '../src/domain/agreements/sign-agreement.ts';
import { submitAgreement } from '../src/domain/agreements/submit-agreement.ts';
import { updateAgreementDraft } from '../src/domain/agreements/update-agreement-draft.ts';
import { updateFlow } from '../src/domain/agreements/update-flow.ts';
import { demoOrganisations, demoUsers } from '../src/domain/demo/northshire.ts';
import { capabilitiesOf } from '../src/domain/partnership/capabilities.ts';
import { fieldGroups, type FieldGroup } from '../src/domain/policy/field-groups.ts';
import { cachedFlowsInForce } from '../src/domain/policy/policy-cache.ts';
import { purposes, type Purpose } from '../src/domain/policy/purposes.ts';
import { purposeOrganisationTypes } from '../src/domain/policy/purposes.ts';
import { rolePurposes } from '../src/domain/policy/role-purposes.ts';
import { actorFor, agreementDeps } from './support/agreement-fixtures.ts';
import { expectedMarkers, fieldLeaks, markersIn, type PublishedGroup } from './support/leak-matrix-fields.ts';
import { seedMatrixSubjects } from './support/leak-matrix-fixtures.ts';
import { createTestApp, type SignedInSession, type TestApp } from './support/test-app.ts';
import { testDatabaseKinds } from './support/test-database.ts';

const child = 'child-matrix-every-agency';
const nobody = 'child-matrix-nobody';
// The same child as linkage leaves them for the single view: one agency person per agency.
const person = '6a1e2b3c-4d5e-4f60-8a71-0b2c3d4e5f60';
const nobodyPerson = '6a1e2b3c-4d5e-4f60-8a71-0b2c3d4e5f99';
const parent = '6a1e2b3c-4d5e-4f60-8a71-0b2c3d4e5f61';
const orgId = (key: string) => demoOrganisations.find((o) => o.key === key)!.id;
const orgIdOfKey = (key: string) => demoOrganisations.find((o) => o.key === key)?.id ?? `unknown:${key}`;
const keyOfOrgId = (id: string) => demoOrganisations.find((o) => o.id === id)!.key;

interface RegisterFlow {
  agreementId: string;
  reference: string;
  from: { organisationId: string }[];
  to: { organisationId: string }[];
  purposes: string[];
  fieldGroups: string[];
}

type Relation = 'own_organisation' | 'covering_flow' | 'party_not_covering' | 'no_agreement';

/** The oracle: what the published agreements allow, flow by flow, with no policy code involved. */
function expectation(flows: readonly RegisterFlow[], role: string, viewer: string, purpose: Purpose) {
  // The role's purposes, narrowed to those staff of the viewer's type of organisation act for.
  const viewerType = demoOrganisations.find((o) => o.id === viewer)!.type;
  const mayAct =
    (rolePurposes[role as keyof typeof rolePurposes] as readonly string[]).includes(purpose) &&
    (purposeOrganisationTypes[purpose] as readonly string[]).includes(viewerType);
  const allowed = new Set<string>();
  const relations = new Map<string, Relation>();
  for (const holder of demoOrganisations.map((o) => o.id)) {
    const between = flows.filter(
      (f) => f.from.some((o) => o.organisationId === holder) && f.to.some((o) => o.organisationId === viewer),
    );
    const serving = between.filter((f) => f.purposes.includes(purpose));
    relations.set(
      holder,
      holder === viewer
        ? 'own_organisation'
        : serving.length > 0
          ? 'covering_flow'
          : between.length > 0
            ? 'party_not_covering'
            : 'no_agreement',
    );
    for (const group of fieldGroups) {
      const ok = holder === viewer || serving.some((f) => f.fieldGroups.includes(group));
      if (mayAct && ok) allowed.add(`${holder}|${group}`);
    }
  }
  return { allowed, relations };
}

async function readRecords(app: TestApp, session: SignedInSession, subject: string, purpose: Purpose) {
  const response = await app.request(`/api/subjects/${subject}/records?purpose=${purpose}`, { session });
  const text = await response.text();
  return { status: response.status, text };
}

/** The single view's chronology: every record shown, by holder and group. */
async function readPersonView(app: TestApp, session: SignedInSession, id: string, purpose: Purpose) {
  const response = await app.request(`/api/persons/${id}/view?purpose=${purpose}`, { session });
  const text = await response.text();
  const keys =
    response.status === 200
      ? (
          JSON.parse(text) as { chronology: { holderOrganisationId: string; fieldGroup: string }[] }
        ).chronology.map((e) => `${e.holderOrganisationId}|${e.fieldGroup}`)
      : [];
  return { status: response.status, text, keys: new Set(keys) };
}

async function readAs(app: TestApp, session: SignedInSession, path: string) {
  const response = await app.request(path, { session });
  return { status: response.status, text: await response.text() };
}

/** The chronology endpoint's entries, by holder and group. */
function chronologyKeys(text: string): Set<string> {
  const body = JSON.parse(text) as { entries: { holderOrganisationId: string; fieldGroup: string }[] };
  return new Set(body.entries.map((e) => `${e.holderOrganisationId}|${e.fieldGroup}`));
}

/** Every (holder, group) the view's family network rests its members and households on. */
function familyEvidence(text: string): string[] {
  type Evidence = { holderOrganisationId: string; fieldGroup: string }[];
  const body = JSON.parse(text) as {
    family: { members: { evidence: Evidence }[]; households: { evidence: Evidence }[] };
  };
  return [...body.family.members, ...body.family.households].flatMap((m) =>
    m.evidence.map((e) => `${e.holderOrganisationId}|${e.fieldGroup}`),
  );
}

function shownKeys(text: string): Set<string> {
  const body = JSON.parse(text) as { records: { holderOrganisationId: string; fieldGroup: FieldGroup }[] };
  return new Set(body.records.map((r) => `${r.holderOrganisationId}|${r.fieldGroup}`));
}

async function publishedFlows(app: TestApp, session: SignedInSession): Promise<RegisterFlow[]> {
  const response = await app.request('/api/agreements/flows', { session });
  assert.equal(response.status, 200);
  return ((await response.json()) as { flows: RegisterFlow[] }).flows;
}

/** Signs a version as a signatory of each of its parties, which brings it into force. */
async function signAsEveryParty(
  app: TestApp,
  agreementId: string,
  version: { version: number; content: { parties: readonly { organisationId: string }[] } },
) {
  for (const party of version.content.parties) {
    const signatory = demoUsers.find(
      (u) =>
        orgId(u.organisation) === party.organisationId && capabilitiesOf(u.role).includes('sign_agreements'),
    )!;
    await signAgreement(agreementDeps(app), await actorFor(app.deps.db, signatory.email), {
      agreementId,
      version: version.version,
      declaration: true,
    });
  }
}

for (const kind of testDatabaseKinds()) {
  test(`leak matrix (${kind})`, async (t) => {
    // The production path: the agreements' flows in force behind the per-partnership cache.
    const app = await createTestApp(kind, { flowsInForce: cachedFlowsInForce(agreementFlowsInForce) });
    t.after(() => app.close());
    const second = await app.anotherInstance({ flowsInForce: cachedFlowsInForce(agreementFlowsInForce) });
    t.after(() => second.close());
    /** What both instances answer; they must agree, so neither can serve a stale policy. */
    const onBoth = async (ask: (instance: TestApp) => Promise<boolean>) => {
      const [first, other] = [await ask(app), await ask(second)];
      assert.equal(other, first, 'the second instance answers as the first');
      return first;
    };
    const admin = await app.signIn('alex.morgan@northshire.example');
    // One item in every field group held by every agency, each with every declared key of every
    // group, so any wrong disclosure, of a record or of a field, shows.
    const groups = (
      (await (await app.request('/api/policy/field-groups', { session: admin })).json()) as {
        fieldGroups: PublishedGroup[];
      }
    ).fieldGroups;
    const subjects = await seedMatrixSubjects(app.deps, groups, { child, person, parent });
    const sessions = new Map<string, SignedInSession>();
    for (const u of demoUsers) sessions.set(u.email, await app.signIn(u.email));

    await t.test(
      'every role, organisation, relation and purpose sees exactly what the agreements allow',
      async () => {
        const flows = await publishedFlows(app, admin);
        const seen = new Set<Relation>();
        let leaks = 0;
        let cells = 0;
        let searchFound = 0;
        let familyShown = 0;
        const failures: string[] = [];
        for (const user of demoUsers) {
          const session = sessions.get(user.email)!;
          const viewer = orgId(user.organisation);
          for (const purpose of purposes) {
            const { allowed, relations } = expectation(flows, user.role, viewer, purpose);
            for (const r of relations.values()) seen.add(r);
            cells += relations.size * fieldGroups.length;
            const read = await readRecords(app, session, child, purpose);
            // The single view of the same child, read through person_link, agrees cell by cell.
            const viewed = await readPersonView(app, session, person, purpose);
            const chronology = await readAs(
              app,
              session,
              `/api/persons/${person}/chronology?purpose=${purpose}`,
            );
            const csv = await readAs(
              app,
              session,
              `/api/persons/${person}/chronology.csv?purpose=${purpose}`,
            );
            const found = await app.request('/api/persons/search', {
              method: 'POST',
              session,
              body: JSON.stringify({ purpose, name: 'Matrix Child', dob: '2016-01-01' }),
            });
            const search = { status: found.status, text: await found.text() };
            const cell = `${user.email} ${purpose}`;
            // Field by field, on every endpoint: no marker the flows and declarations do not allow.
            for (const [name, answer] of Object.entries({
              records: read,
              view: viewed,
              chronology,
              csv,
              search,
            })) {
              const wrong = fieldLeaks(answer.text, allowed, groups, orgIdOfKey);
              leaks += wrong.length;
              if (wrong.length > 0) failures.push(`${cell} ${name}: leaked fields ${wrong.join(', ')}`);
            }
            // Search finds the child exactly when some agency's identity items are visible.
            const identityVisible = [...allowed].some((k) => k.endsWith('|identity'));
            const persons =
              search.status === 200 ? (JSON.parse(search.text) as { persons: unknown[] }).persons : [];
            if (search.status !== 200 || persons.length !== (identityVisible ? 1 : 0))
              failures.push(`${cell} search: ${search.status}, ${persons.length} found`);
            searchFound += persons.length;
            if (allowed.size === 0) {
              const none = await readPersonView(app, session, nobodyPerson, purpose);
              if (viewed.status !== 404 || viewed.text !== none.text)
                failures.push(`${cell}: the single view answered ${viewed.status}`);
              if (chronology.status !== 404 || csv.status !== 404)
                failures.push(`${cell}: the chronology answered ${chronology.status}, ${csv.status}`);
            } else {
              const wrong = [...viewed.keys].filter((k) => !allowed.has(k));
              const withheld = [...allowed].filter((k) => !viewed.keys.has(k));
              leaks += wrong.length;
              if (wrong.length > 0 || withheld.length > 0)
                failures.push(`${cell} view: leaked ${wrong.join(', ')}; withheld ${withheld.join(', ')}`);
              const entries = chronologyKeys(chronology.text);
              if (entries.size !== viewed.keys.size || [...entries].some((k) => !viewed.keys.has(k)))
                failures.push(`${cell} chronology: differs from the view's`);
              // The family network: an edge only on evidence the viewer may see.
              const family = familyEvidence(viewed.text);
              const hidden = family.filter((k) => !allowed.has(k));
              leaks += hidden.length;
              if (hidden.length > 0) failures.push(`${cell} family: shown on ${hidden.join(', ')}`);
              familyShown += family.length > 0 ? 1 : 0;
            }
            if (allowed.size === 0) {
              // Nothing allowed: the answer is exactly the one for a child nobody knows.
              const missing = await readRecords(app, session, nobody, purpose);
              if (read.status !== 404 || read.text !== missing.text) {
                failures.push(`${cell}: expected not found, got ${read.status}`);
                if (read.status === 200) leaks += shownKeys(read.text).size;
              }
              continue;
            }
            assert.equal(read.status, 200, cell);
            const shown = shownKeys(read.text);
            for (const key of shown) if (!allowed.has(key)) leaks += 1;
            const extra = [...shown].filter((k) => !allowed.has(k));
            const missingKeys = [...allowed].filter((k) => !shown.has(k));
            if (extra.length > 0 || missingKeys.length > 0) {
              failures.push(`${cell}: leaked ${extra.join(', ')}; withheld ${missingKeys.join(', ')}`);
            }
            // Every declared field of every allowed group is shown by the records endpoint.
            const markers = markersIn(read.text);
            const withheldFields = [...expectedMarkers('M', allowed, groups, keyOfOrgId)].filter(
              (m) => !markers.has(m),
            );
            if (withheldFields.length > 0)
              failures.push(`${cell} records: withheld ${withheldFields.join(', ')}`);
            // "Why can I see this" never lists as shown anything the agreements do not allow.
            const why = await app.request(`/api/subjects/${child}/access?purpose=${purpose}`, { session });
            const explained = (await why.json()) as {
              shown: { holderOrganisationId: string; fieldGroup: string }[];
            };
            for (const s of explained.shown) {
              if (!allowed.has(`${s.holderOrganisationId}|${s.fieldGroup}`)) {
                leaks += 1;
                failures.push(
                  `${user.email} ${purpose}: explanation shows ${s.holderOrganisationId}|${s.fieldGroup}`,
                );
              }
            }
          }
        }
        assert.deepEqual(failures, []);
        assert.equal(leaks, 0);
        // The matrix really covers every relation, and all of it, and every endpoint showed something.
        assert.ok(searchFound > 0 && familyShown > 0, `search ${searchFound}, family ${familyShown}`);
        assert.deepEqual([...seen].sort(), [
          'covering_flow',
          'no_agreement',
          'own_organisation',
          'party_not_covering',
        ]);
        assert.equal(
          cells,
          demoUsers.length * purposes.length * demoOrganisations.length * fieldGroups.length,
        );
      },
    );

    await t.test(
      'a decision to share: the recipient sees exactly the chosen groups; only the two parties read the decision',
      async () => {
        // Riverside Primary's DSL shares the school's attendance and education of the matrix child
        // with the police for a strategy discussion (no agreement carries it: a one-off disclosure).
        const purpose: Purpose = 'strategy_discussion';
        const disclosed = ['attendance_exclusions', 'education'].map((g) => `${orgId('school')}|${g}`);
        const recorded = await app.request('/api/decisions', {
          method: 'POST',
          session: sessions.get('jo.baker@northshire.example')!,
          body: JSON.stringify({
            personId: person,
            purpose,
            decision: 'share',
            recipientOrganisationId: orgId('police'),
            fieldGroups: [
              { group: 'attendance_exclusions', justification: 'Absences around the incidents' },
              { group: 'education', justification: 'Which school and year group' },
            ],
            lawfulBasis: ['UKGDPR-6-1-e'],
            method: 'meeting',
            reasons: 'The strategy discussion needs the school’s picture',
            familyTold: 'no',
            familyNotToldReason: 'Telling the family could put the child at risk before the discussion',
          }),
        });
        assert.equal(recorded.status, 201);
        const decisionId = ((await recorded.json()) as { id: string }).id;
        const flows = await publishedFlows(app, admin);
        const failures: string[] = [];
        let recipientsShown = 0;
        for (const user of demoUsers) {
          const session = sessions.get(user.email)!;
          const viewer = orgId(user.organisation);
          const viewerType = demoOrganisations.find((o) => o.id === viewer)!.type;
          const mayAct =
            (rolePurposes[user.role as keyof typeof rolePurposes] as readonly string[]).includes(purpose) &&
            (purposeOrganisationTypes[purpose] as readonly string[]).includes(viewerType);
          const allowed = new Set(expectation(flows, user.role, viewer, purpose).allowed);
          if (mayAct && viewer === orgId('police')) for (const k of disclosed) allowed.add(k);
          const viewed = await readPersonView(app, session, person, purpose);
          const wrong = [...viewed.keys].filter((k) => !allowed.has(k));
          const withheld = [...allowed].filter((k) => !viewed.keys.has(k));
          if (wrong.length > 0 || withheld.length > 0)
            failures.push(`${user.email} view: leaked ${wrong.join(', ')}; withheld ${withheld.join(', ')}`);
          const leaked = fieldLeaks(viewed.text, allowed, groups, orgIdOfKey);
          if (leaked.length > 0) failures.push(`${user.email} view: leaked fields ${leaked.join(', ')}`);
          if (disclosed.every((k) => viewed.keys.has(k)) && viewer === orgId('police')) recipientsShown += 1;
          // The decision itself, the child's decisions and disclosures: the two parties only.
          const party = viewer === orgId('school') || viewer === orgId('police');
          const reads =
            rolePurposes[user.role as keyof typeof rolePurposes].length > 0 ||
            ['data_protection_officer', 'caldicott_guardian'].includes(user.role);
          const one = await readAs(app, session, `/api/decisions/${decisionId}`);
          if (one.status !== (party && reads ? 200 : 404))
            failures.push(`${user.email} decision: ${one.status}`);
          for (const path of [`/api/persons/${person}/decisions`, `/api/persons/${person}/disclosures`]) {
            const answer = await readAs(app, session, path);
            const names = answer.status === 200 && answer.text.includes(decisionId);
            if (names !== (party && reads)) failures.push(`${user.email} ${path}: ${answer.status} ${names}`);
            if (markersIn(answer.text).size > 0)
              failures.push(`${user.email} ${path}: an item's field shown`);
          }
        }
        assert.deepEqual(failures, []);
        assert.ok(recipientsShown > 0, 'some police reader saw the disclosure');
      },
    );

    await t.test(
      'the link review pair page: only reviewers, and only the identifiers both records hold',
      async () => {
        const failures: string[] = [];
        let reviewed = 0;
        for (const user of demoUsers) {
          const answer = await readAs(
            app,
            sessions.get(user.email)!,
            `/api/link-reviews/${subjects.reviewId}`,
          );
          const mayReview = capabilitiesOf(user.role).includes('review_links');
          if (answer.status !== (mayReview ? 200 : 404)) failures.push(`${user.email}: ${answer.status}`);
          if (answer.status !== 200) continue;
          reviewed += 1;
          // No item's payload, and of the two records only what both hold: name and date of birth.
          if (markersIn(answer.text).size > 0) failures.push(`${user.email}: an item's field shown`);
          const body = JSON.parse(answer.text) as { records: Record<string, unknown>[] };
          for (const r of body.records) {
            const keys = Object.keys(r).sort().join(',');
            if (keys !== 'fields,id,organisationId,organisationName,personId')
              failures.push(`${user.email}: ${keys}`);
            const fields = Object.keys(r.fields as object)
              .sort()
              .join(',');
            if (fields !== 'dob,first_name,last_name') failures.push(`${user.email}: fields ${fields}`);
          }
        }
        assert.deepEqual(failures, []);
        assert.ok(reviewed > 0, 'some demo role reviews links');
      },
    );

    const jo = () => sessions.get('jo.baker@northshire.example')!; // Riverside Primary's DSL
    const encompassKey = `${orgId('police')}|domestic_abuse_notifications`;
    const schoolSees = () =>
      onBoth(async (instance) => {
        const read = await readRecords(instance, jo(), child, 'operation_encompass');
        return read.status === 200 && shownKeys(read.text).has(encompassKey);
      });
    const encompass = async () =>
      (await publishedFlows(app, admin)).find((f) => f.purposes.includes('operation_encompass'))!;

    await t.test(
      'an amended agreement changes disclosure only, and at once, when the new version is in force',
      async () => {
        assert.equal(await schoolSees(), true);
        const deps = agreementDeps(app);
        // Operation Encompass is the police's, a school's and the council's education service's:
        // a party's administrator amends it (issue 13: not the council's children's services).
        const drafter = await actorFor(app.deps.db, 'sgt.doyle@northshire.example');
        const { agreementId } = await encompass();
        const amended = await amendAgreement(deps, drafter, { agreementId });
        const draft = amended.versions.at(-1)!;
        const flow = draft.flows[0]!;
        await updateFlow(deps, drafter, {
          agreementId,
          flowId: flow.id,
          flow: { ...flow, toOrganisationIds: flow.toOrganisationIds.filter((o) => o !== orgId('school')) },
        });
        await submitAgreement(deps, drafter, { agreementId });
        // Until every party has signed, the version in force still governs.
        assert.equal(await schoolSees(), true);
        await signAsEveryParty(app, agreementId, draft);
        assert.equal(await schoolSees(), false);
      },
    );

    await t.test('suspending or terminating an agreement stops disclosure at once', async () => {
      // The front-door checks agreement lets children's social care see police incidents.
      const grace = sessions.get('grace.obi@northshire.example')!;
      const policeIncidents = `${orgId('police')}|police_incidents`;
      const cscSees = () =>
        onBoth(async (instance) => {
          const read = await readRecords(instance, grace, child, 'front_door_screening');
          return read.status === 200 && shownKeys(read.text).has(policeIncidents);
        });
      assert.equal(await cscSees(), true);
      const flows = await publishedFlows(app, admin);
      const covering = flows.filter(
        (f) =>
          f.purposes.includes('front_door_screening') &&
          f.fieldGroups.includes('police_incidents') &&
          f.from.some((o) => o.organisationId === orgId('police')) &&
          f.to.some((o) => o.organisationId === orgId('csc')),
      );
      const ids = [...new Set(covering.map((f) => f.agreementId))];
      assert.ok(ids.length > 0);
      // Each change is made through one instance and checked on both at once.
      const post = (on: TestApp, path: string, body: unknown) =>
        on.request(path, { method: 'POST', session: admin, body: JSON.stringify(body) });
      for (const id of ids)
        assert.equal(
          (await post(second, `/api/agreements/${id}/suspend`, { reason: 'Breach under investigation' }))
            .status,
          200,
        );
      assert.equal(await cscSees(), false);
      for (const id of ids) assert.equal((await post(app, `/api/agreements/${id}/resume`, {})).status, 200);
      assert.equal(await cscSees(), true);
      for (const id of ids)
        assert.equal(
          (await post(second, `/api/agreements/${id}/terminate`, { reason: 'Replaced' })).status,
          200,
        );
      assert.equal(await cscSees(), false);
    });

    await t.test('an agreement stops disclosing at the end of its last day, UK time', async () => {
      // Section 47 enquiries: children's social care reads the police's incidents.
      const readAs = async () => {
        const tom = await app.signIn('tom.reid@northshire.example');
        return onBoth(async (instance) => {
          const read = await readRecords(instance, tom, child, 's47_enquiry');
          return read.status === 200 && shownKeys(read.text).has(`${orgId('police')}|police_incidents`);
        });
      };
      assert.equal(await readAs(), true);
      const covering = (await publishedFlows(app, admin)).filter(
        (f) =>
          f.purposes.includes('s47_enquiry') &&
          f.fieldGroups.includes('police_incidents') &&
          f.from.some((o) => o.organisationId === orgId('police')) &&
          f.to.some((o) => o.organisationId === orgId('csc')),
      );
      const ids = [...new Set(covering.map((f) => f.agreementId))];
      assert.ok(ids.length > 0);
      const deps = agreementDeps(app);
      const drafter = await actorFor(app.deps.db, 'alex.morgan@northshire.example');
      for (const agreementId of ids) {
        const amended = await amendAgreement(deps, drafter, { agreementId });
        const draft = amended.versions.at(-1)!;
        await updateAgreementDraft(deps, drafter, {
          agreementId,
          content: { ...draft.content, reviewDate: '2026-11-20', endDate: '2026-11-30' },
        });
        await submitAgreement(deps, drafter, { agreementId });
        await signAsEveryParty(app, agreementId, draft);
      }
      app.clock.set(new Date('2026-11-30T23:59:00Z')); // 23:59 GMT on its last day: still in force
      assert.equal(await readAs(), true);
      app.clock.set(new Date('2026-12-01T00:00:00Z')); // UK midnight: expired, and nothing shown
      assert.equal(await readAs(), false);
    });
  });
}
