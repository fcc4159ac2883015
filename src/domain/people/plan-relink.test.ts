import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HeldIndex } from './held-index.ts';
import type { ScoredCandidate } from './linkage/linkage-index.ts';
import { planRelink } from './plan-relink.ts';
import type { CurrentLink } from './person-link-store.ts';

/**
 * Rows 0..3 of a held set: Sam Taylor's corrected record (row 0), the other record of her
 * person (row 1), and two records of Jo Reed's person (rows 2 and 3). Weights are given, so
 * each rule is tested on its own.
 */
const ids = ['sam-school', 'sam-council', 'jo-police', 'jo-nhs'];
const MERGE = 10;

function heldWith(weights: Record<string, number>, contradicting: string[] = []): HeldIndex {
  const w = (a: number, b: number) => weights[`${Math.min(a, b)}-${Math.max(a, b)}`] ?? -20;
  return {
    stored: { mergeWeight: MERGE, reviewWeight: 0 },
    agencyPersonOf: (row: number) => ids[row]!,
    rowOfPerson: (id: string) => (ids.includes(id) ? ids.indexOf(id) : undefined),
    index: { weight: w },
    contradicts: (a: number, b: number) => contradicting.includes(`${Math.min(a, b)}-${Math.max(a, b)}`),
    judge: () => 0,
    identifies: () => false,
    namesSettled: () => false,
  } as unknown as HeldIndex;
}

const link = (personId: string): CurrentLink => ({ personId, probability: 0.99, linkedBy: 'auto' });
const scored = (row: number, weight: number): ScoredCandidate => ({ row, weight, probability: 0.9 });

function plan(input: { held: HeldIndex; candidates: ScoredCandidate[]; samAlone?: boolean }) {
  const links = new Map<string, CurrentLink>([
    ['sam-school', link('person-sam')],
    ['sam-council', link(input.samAlone ? 'person-other' : 'person-sam')],
    ['jo-police', link('person-jo')],
    ['jo-nhs', link('person-jo')],
  ]);
  const members = new Map<string, string[]>([
    ['person-sam', input.samAlone ? ['sam-school'] : ['sam-school', 'sam-council']],
    ['person-jo', ['jo-police', 'jo-nhs']],
  ]);
  return planRelink({
    held: input.held,
    row: 0,
    agencyPersonId: 'sam-school',
    current: links.get('sam-school')!,
    candidates: input.candidates,
    links,
    members,
  });
}

describe('a changed record that is already linked (plan-relink)', () => {
  test('linked only to itself, it joins the one person it now matches, as a new record would', () => {
    const held = heldWith({ '0-2': 25, '0-3': 22 });
    const p = plan({ held, candidates: [scored(2, 25), scored(3, 22)], samAlone: true });
    assert.equal(p.kind, 'auto');
    assert.equal(p.kind === 'auto' && p.personId, 'person-jo');
  });

  test('sharing a person it still agrees with, it stays; a better match elsewhere goes to review, never moves it', () => {
    const held = heldWith({ '0-1': 12, '0-2': 25, '0-3': 22 });
    const p = plan({ held, candidates: [scored(2, 25), scored(3, 22), scored(1, 12)] });
    assert.equal(p.kind, 'kept');
    assert.deepEqual(
      p.reviews.map((r) => [r.candidateAgencyPersonId, r.reason]),
      [['jo-police', 'changed_matches_other']],
    );
  });

  test('sharing a person whose records it now contradicts, it is held apart and the pair is queued', () => {
    const held = heldWith({ '0-1': 15 }, ['0-1']);
    const p = plan({ held, candidates: [scored(1, 15)] });
    assert.equal(p.kind, 'first');
    assert.deepEqual(
      p.reviews.map((r) => [r.candidateAgencyPersonId, r.reason]),
      [['sam-council', 'changed_no_longer_matches']],
    );
  });

  test('sharing a person it no longer agrees with on average, it is held apart too', () => {
    const held = heldWith({ '0-1': -8 });
    const p = plan({ held, candidates: [] });
    assert.equal(p.kind, 'first');
    assert.equal(p.reviews[0]!.candidateAgencyPersonId, 'sam-council');
  });

  test('a change that still agrees and matches nothing else changes nothing', () => {
    const held = heldWith({ '0-1': 14 });
    const p = plan({ held, candidates: [scored(1, 14)] });
    assert.deepEqual(p, { kind: 'kept', reviews: [] });
  });
});
