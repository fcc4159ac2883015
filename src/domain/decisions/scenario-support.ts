import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Answer } from './answer.ts';
import { evaluateSituation } from './evaluate-situation.ts';
import { SituationSchema, type Edition } from './situation.ts';

/** What a scenario expects; arrays listed under `includes` must all be present in the answer. */
export interface Expected {
  readonly outcome?: Answer['outcome'];
  readonly urgency?: Answer['urgency'];
  readonly deadline?: Answer['deadline'];
  readonly tellFamily?: Answer['tellFamily']['answer'];
  readonly lawfulBasis?: readonly string[];
  readonly includes?: Partial<
    Record<
      | 'recipients'
      | 'advice'
      | 'partnerChecks'
      | 'never'
      | 'mustRecord'
      | 'warnings'
      | 'recordReasons'
      | 'lawfulBasis',
      readonly string[]
    >
  >;
  readonly excludes?: Partial<Record<'recipients' | 'advice' | 'never' | 'lawfulBasis', readonly string[]>>;
  readonly flags?: Partial<
    Record<'escalate' | 'notifyLeadPractitioner' | 'wholeFile' | 'receiptRequired', boolean>
  >;
  readonly firstRule?: string;
}

/**
 * One scenario from the guidance: the situation is parsed by the edge's schema first (so the
 * scenario is valid input), then evaluated. `source` names the paragraph, box or step it tests.
 */
export function scenario(
  name: string,
  source: string,
  input: unknown,
  expected: Expected,
  edition: Edition = '2024',
): void {
  test(`${name} [${source}]`, () => {
    const answer = evaluateSituation(SituationSchema.parse(input), edition);
    const show = `\n${JSON.stringify({ ...answer, steps: answer.steps.map((s) => s.rule) })}`;
    if (expected.outcome) assert.equal(answer.outcome, expected.outcome, `outcome${show}`);
    if (expected.urgency) assert.equal(answer.urgency, expected.urgency, `urgency${show}`);
    if (expected.deadline !== undefined)
      assert.deepEqual(answer.deadline, expected.deadline, `deadline${show}`);
    if (expected.tellFamily) assert.equal(answer.tellFamily.answer, expected.tellFamily, `tellFamily${show}`);
    if (expected.lawfulBasis)
      assert.deepEqual(
        [...answer.lawfulBasis].sort(),
        [...expected.lawfulBasis].sort(),
        `lawfulBasis${show}`,
      );
    for (const [key, values] of Object.entries(expected.includes ?? {}))
      for (const v of values)
        assert.ok(
          (answer[key as keyof Answer] as readonly string[]).includes(v),
          `${key} includes ${v}${show}`,
        );
    for (const [key, values] of Object.entries(expected.excludes ?? {}))
      for (const v of values)
        assert.ok(
          !(answer[key as keyof Answer] as readonly string[]).includes(v),
          `${key} excludes ${v}${show}`,
        );
    for (const [key, value] of Object.entries(expected.flags ?? {}))
      assert.equal(answer[key as keyof Answer], value, `${key}${show}`);
    if (expected.firstRule) assert.equal(answer.steps[0]?.rule, expected.firstRule, `first step${show}`);
  });
}
