import type {
  AdviceCode,
  Answer,
  Contribution,
  Deadline,
  Outcome,
  Recipient,
  Step,
  TellFamily,
  Urgency,
} from './answer.ts';
import { urgencies } from './answer.ts';
import { toFacts } from './facts.ts';
import { RULE_ORDER } from './rule-order.ts';
import type { Rule } from './rule.ts';
import type { Edition, Situation } from './situation.ts';

/**
 * The guidance engine: applies the rules of one edition to a situation, in RULE_ORDER, and
 * returns the answer with the path taken. Pure: no I/O, no clock, nothing recorded. The situation
 * has already passed SituationSchema at the edge.
 */
interface CompiledRule {
  readonly rule: Rule;
  /** The step recorded when the rule decides or adds, and when an earlier rule had decided. */
  readonly step: Step;
  readonly supersededStep: Step;
}

/** Each edition's rules with their steps built once, so evaluating allocates no step text. */
function compile(edition: Edition): readonly CompiledRule[] {
  return RULE_ORDER.filter((r) => r.editions.includes(edition)).map((rule) => {
    const citation = typeof rule.citation === 'string' ? rule.citation : rule.citation[edition];
    return {
      rule,
      step: { rule: rule.id, citation, note: rule.note },
      supersededStep: {
        rule: rule.id,
        citation,
        note: `${rule.note} (outcome already decided by an earlier rule)`,
      },
    };
  });
}

const RULES_BY_EDITION: Readonly<Record<Edition, readonly CompiledRule[]>> = {
  '2018': compile('2018'),
  '2024': compile('2024'),
};

const addAll = <T>(into: T[], items: readonly T[] | undefined): void => {
  if (items) for (const item of items) if (!into.includes(item)) into.push(item);
};

export function evaluateSituation(situation: Situation, edition: Edition): Answer {
  const facts = toFacts(situation, edition);
  let outcome: Outcome | undefined;
  let urgencyRank = urgencies.length - 1;
  let deadline: Deadline | null = null;
  let tellFamily: { answer: TellFamily; reason: string } | undefined;
  let escalate = false;
  let notifyLeadPractitioner = false;
  let wholeFile = false;
  let receiptRequired = false;
  const lawfulBasis: string[] = [];
  const recipients: Recipient[] = [];
  const advice: AdviceCode[] = [];
  const partnerChecks: Recipient[] = [];
  const recordReasons: string[] = [];
  const mustRecord: string[] = [];
  const never: string[] = [];
  const warnings: string[] = [...facts.warnings];
  const steps: Step[] = [];

  for (const { rule, step, supersededStep } of RULES_BY_EDITION[edition]) {
    if (!rule.when(facts, outcome)) continue;
    const c: Contribution = typeof rule.then === 'function' ? rule.then(facts, outcome) : rule.then;
    // Whether to tell the family is decided by the first family rule that applies.
    if (c.tellFamily && tellFamily) continue;
    // Only the rule that decides the outcome brings its outcome-bound parts (urgency, recipients,
    // deadline); a later rule that would have decided differently still adds its warnings,
    // prohibitions and reasons, so nothing safer is lost.
    const decides = c.outcome !== undefined && outcome === undefined;
    const bindsOutcome = c.outcome === undefined || decides;
    if (decides) outcome = c.outcome;
    if (bindsOutcome) {
      if (c.urgency) urgencyRank = Math.min(urgencyRank, urgencies.indexOf(c.urgency));
      if (c.deadline && !deadline) deadline = c.deadline;
      addAll(recipients, c.recipients);
      addAll(advice, c.advice);
      addAll(lawfulBasis, c.lawfulBasis);
      if (c.wholeFile) wholeFile = true;
      if (c.receiptRequired) receiptRequired = true;
    }
    if (c.tellFamily && !tellFamily) tellFamily = c.tellFamily;
    addAll(partnerChecks, c.partnerChecks);
    addAll(recordReasons, c.recordReasons);
    addAll(mustRecord, c.mustRecord);
    addAll(never, c.never);
    addAll(warnings, c.warnings);
    if (c.escalate) escalate = true;
    if (c.notifyLeadPractitioner) notifyLeadPractitioner = true;
    steps.push(bindsOutcome ? step : supersededStep);
  }

  return {
    edition,
    // The last rule ('purpose.none') always decides when nothing else has.
    outcome: outcome ?? 'do_not_share',
    urgency: urgencies[urgencyRank] as Urgency,
    deadline,
    tellFamily: tellFamily ?? { answer: 'yes', reason: 'open_and_honest' },
    lawfulBasis,
    recipients,
    advice,
    partnerChecks,
    escalate,
    notifyLeadPractitioner,
    wholeFile,
    receiptRequired,
    recordReasons,
    mustRecord,
    never,
    warnings,
    steps,
    deadlineHint: situation.deadlineHint ?? null,
  };
}
