// The body of POST /api/decisions (shared contract, /work/wt/contract.md; issue 16 point 3) built
// from the path's answers. The situation goes with it, so the server evaluates it again and keeps
// its own recommendation beside the decision: what the practitioner saw is not taken on trust.
import type { Situation } from '../../../../domain/decisions/situation.ts';
import type { DecisionPathState } from './decision-answers.ts';
import type { PathContext } from './decision-questions.ts';
import { situationOf } from './situation-of-answers.ts';

/** The body as the page builds it: the server's strict schema (decision-input.ts) checks it again. */
export interface RecordDecisionBody {
  readonly personId: string;
  readonly purpose: string;
  readonly decision: 'share' | 'not_share';
  readonly situation: Situation;
  readonly followedRecommendation: boolean;
  readonly departureReason?: string;
  readonly recipientOrganisationId?: string;
  readonly fieldGroups?: readonly { readonly group: string; readonly justification: string }[];
  readonly lawfulBasis: readonly string[];
  readonly method: string;
  readonly sharedAt?: string;
  readonly reasons: string;
  readonly familyTold: string;
  readonly familyNotToldReason?: string;
  readonly advisedBy?: string;
  readonly disclosureExpiresAt?: string;
}

/** The instant a practitioner gave as a date and a time on the browser's (UK) clock; none if not given. */
export function sharedAtOf(date: string, time: string): string | undefined {
  if (date.trim() === '' || time.trim() === '') return undefined;
  const at = new Date(`${date.trim()}T${time.trim()}:00`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

const given = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** The request body, or null on a path that began without a child (guidance only records nothing). */
export function decisionBodyOf(context: PathContext, state: DecisionPathState): RecordDecisionBody | null {
  if (context.start.kind !== 'child') return null;
  const r = state.record;
  const share = r.decision === 'share';
  const followed = state.follow === 'yes';
  const body: RecordDecisionBody = {
    personId: context.start.personId,
    purpose: context.start.purpose,
    decision: share ? 'share' : 'not_share',
    situation: situationOf(context, state),
    followedRecommendation: followed,
    departureReason: followed ? undefined : given(state.departureReason),
    recipientOrganisationId: given(r.recipientOrganisationId),
    fieldGroups: share
      ? r.fieldGroups.map((group) => ({ group, justification: (r.justifications[group] ?? '').trim() }))
      : undefined,
    lawfulBasis: share ? r.lawfulBasis : [],
    method: r.method,
    sharedAt: share ? sharedAtOf(r.sharedOn, r.sharedTime) : undefined,
    reasons: r.reasons.trim(),
    familyTold: r.familyTold,
    familyNotToldReason: r.familyTold === 'yes' ? undefined : given(r.familyNotToldReason),
    advisedBy: given(r.advisedBy),
    disclosureExpiresAt: share ? given(r.expiresOn) : undefined,
  };
  // JSON leaves out undefined anyway; dropping it here keeps the body as the server will see it.
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as RecordDecisionBody;
}

/** Whether the guidance's outcome is to share (in full, without consent, or in part). */
export function outcomeShares(outcome: string): boolean {
  return outcome === 'share' || outcome === 'share_without_consent' || outcome === 'share_limited';
}

/** Whether the guidance's outcome is not to share. Other outcomes (seek consent first...) are a step before deciding. */
export function outcomeWithholds(outcome: string): boolean {
  return outcome === 'do_not_share' || outcome === 'refuse_request';
}

/**
 * Problems with following or departing from the recommendation (the recommendation page): a
 * practitioner may decide differently, with a reason (2024 golden rule 7: record the reasons).
 */
export function followProblems(state: DecisionPathState): { field: string; problem: string }[] {
  if (state.follow === '')
    return [{ field: 'follow', problem: 'Select whether you follow the recommendation' }];
  if (state.follow === 'no' && state.departureReason.trim() === '')
    return [
      { field: 'departureReason', problem: 'Enter why you decide differently from the recommendation' },
    ];
  if (state.departureReason.length > 4000)
    return [{ field: 'departureReason', problem: 'The reason must be 4000 characters or fewer' }];
  return [];
}

/**
 * The record's answers made ready from the recommendation when the practitioner follows it: the
 * decision its outcome implies and the lawful basis it found, each still changeable on its page.
 * Whether the family was told is what happened, not advice, so it is never filled in for them.
 */
export function recordSeededFrom(
  state: DecisionPathState,
  answer: { readonly outcome: string; readonly lawfulBasis: readonly string[] },
): DecisionPathState {
  const r = state.record;
  const decision =
    r.decision !== ''
      ? r.decision
      : state.follow !== 'yes'
        ? ''
        : outcomeShares(answer.outcome)
          ? 'share'
          : outcomeWithholds(answer.outcome)
            ? 'not_share'
            : '';
  return {
    ...state,
    record: {
      ...r,
      decision,
      lawfulBasis: r.lawfulBasis.length > 0 ? r.lawfulBasis : [...answer.lawfulBasis],
    },
  };
}
