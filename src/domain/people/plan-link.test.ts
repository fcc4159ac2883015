import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { generatePopulation } from './generator/generate-population.ts';
import { HeldIndex } from './held-index.ts';
import { Dataset } from './linkage/dataset.ts';
import type { PersonFields } from './linkage/fields.ts';
import { linkDataset } from './linkage/link-records.ts';
import { LinkageIndex } from './linkage/linkage-index.ts';
import { agreesWithPerson, MEAN_CROSS_WEIGHT, planLink } from './plan-link.ts';
import type { CurrentLink } from './person-link-store.ts';

// Two girls called Emily Mitchell in one postcode, born ten months apart at two homes, and a
// police record with her name and postcode only. Linked one record at a time, the police record
// joins the first Emily; the second Emily then matches it well and must still not join.
const first: PersonFields = {
  first_name: 'Emily',
  last_name: 'Mitchell',
  sex: 'F',
  dob: '2015-03-02',
  postcode: 'GL26 7GZ',
  address: '3 Queens Road',
  identifier: 'M819703826702',
};
const weak: PersonFields = { first_name: 'Emily', last_name: 'Mitchell', sex: 'F', postcode: 'GL26 7GZ' };
const second: PersonFields = {
  first_name: 'Emily',
  last_name: 'Mitchell',
  sex: 'F',
  dob: '2014-05-02',
  postcode: 'GL26 7GZ',
  address: '9 Queens Road',
};

describe('incremental linking refuses a chain through one weak record (issue 15)', () => {
  let held: HeldIndex;
  const links = new Map<string, CurrentLink>();
  const members = new Map<string, string[]>();
  const add = (id: string, fields: PersonFields) =>
    held.addAndScore({ id, organisationId: 'org', fields } as never, { changed: false });

  before(async () => {
    // A model fitted on a generated population, as the initial load fits it.
    const ds = new Dataset();
    for (const r of generatePopulation({ children: 1500, seed: 5 })) ds.add(0, r.record_id, r);
    const result = linkDataset(ds);
    const index = LinkageIndex.fromBatch(ds, result);
    held = new HeldIndex(
      {
        id: 'model',
        heldCount: ds.size,
        model: result.model,
        rules: result.candidates.rules.map((r) => [...r.parts]),
        mergeWeight: result.threshold.mergeWeight,
        reviewWeight: result.threshold.reviewWeight,
      },
      index,
    );
    for (const row of [...Array(ds.size).keys()]) {
      const id = ds.recordIds[row]!;
      links.set(id, { personId: `p-${id}`, probability: 1, linkedBy: 'auto' });
      members.set(`p-${id}`, [id]);
    }
  });

  test('the weak record joins the first Emily, and the second Emily is held apart for review', () => {
    const link = (id: string, personId: string) => {
      links.set(id, { personId, probability: 1, linkedBy: 'auto' });
      members.set(personId, [...(members.get(personId) ?? []), id]);
    };
    add('emily-school', first);
    link('emily-school', 'emily');
    const weakCandidates = add('emily-police', weak);
    const weakPlan = planLink({
      held,
      row: held.rowOfPerson('emily-police')!,
      candidates: weakCandidates,
      links,
      members,
    });
    assert.equal(weakPlan.kind === 'auto' && weakPlan.personId, 'emily');
    link('emily-police', 'emily');

    const candidates = add('emily-2-council', second);
    const row = held.rowOfPerson('emily-2-council')!;
    const police = held.rowOfPerson('emily-police')!;
    const school = held.rowOfPerson('emily-school')!;
    // The police record alone would join her, and on average she agrees with Emily's records:
    // only the birth date and home the school record contradicts keep her out.
    assert.ok(held.index.weight(row, police) >= held.stored.mergeWeight);
    assert.ok((held.index.weight(row, police) + held.index.weight(row, school)) / 2 >= MEAN_CROSS_WEIGHT);
    assert.equal(held.judge(row, school), -1);

    const p = planLink({ held, row, candidates, links, members });
    assert.equal(p.kind, 'first');
    assert.deepEqual(
      p.reviews.filter((r) => r.reason === 'merge_refused').map((r) => r.candidateAgencyPersonId),
      ['emily-police'],
    );
  });

  test("a second record of a twin's spelling does not join the person of the other spelling", () => {
    const leo: PersonFields = {
      first_name: 'Leo',
      last_name: 'Dunwin',
      sex: 'M',
      dob: '2025-02-01',
      postcode: 'EX25 3LA',
      address: '20 Grange Close',
    };
    for (const [id, fields] of [
      ['leo-nhs', leo],
      ['leo-school', leo],
      ['leon-council', { ...leo, first_name: 'Leon' }],
    ] as const)
      add(id, fields);
    const person = ['leo-nhs', 'leo-school', 'leon-council'];
    add('leon-nhs', { ...leo, first_name: 'Leon' });
    add('leo-police', { ...leo, first_name: 'LEO' });
    assert.equal(agreesWithPerson(held, held.rowOfPerson('leon-nhs')!, person), false);
    assert.equal(agreesWithPerson(held, held.rowOfPerson('leo-police')!, person), true);
  });

  test('a shared pupil number outweighs the contradiction', () => {
    const candidates = add('emily-school-again', { ...second, identifier: first.identifier! });
    const p = planLink({ held, row: held.rowOfPerson('emily-school-again')!, candidates, links, members });
    assert.equal(p.kind === 'auto' && p.personId, 'emily');
  });
});
