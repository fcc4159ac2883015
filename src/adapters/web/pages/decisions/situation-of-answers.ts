// The situation POST /api/decisions/evaluate takes (src/domain/decisions/situation.ts), built
// from the answers of the pages this practitioner was asked. An answer on a page no longer asked
// (a requester, after changing to "I have a concern") is left out, so the guidance never rests
// on a fact the practitioner can no longer see on "check your answers".
import type { ConcernFlag, Situation } from '../../../../domain/decisions/situation.ts';
import type { DecisionPathState, YesNoNotSure } from './decision-answers.ts';
import { questionsFor, type PathContext, type SituationSlug } from './decision-questions.ts';
import { childFactsFor, concernsFor } from './situation-labels.ts';

type Requester = NonNullable<Situation['requester']>;

/** "I do not know" says nothing either way: the guidance then takes its own default. */
const known = (answer: YesNoNotSure): boolean | undefined =>
  answer === 'yes' ? true : answer === 'no' ? false : undefined;

/** Leaves out what is undefined, so the strict schema sees only what was answered. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function situationOf(context: PathContext, state: DecisionPathState): Situation {
  const a = state.situation;
  const asked = new Set<SituationSlug>(
    questionsFor(context, state, 'situation').map((q) => q.slug as SituationSlug),
  );
  const concern: Partial<Record<ConcernFlag, boolean>> = {};
  if (a.danger === 'yes') concern.immediateDanger = true;
  if (asked.has('concern')) {
    const offered = concernsFor(a.setting);
    for (const flag of a.concerns)
      if (offered.includes(flag as ConcernFlag)) concern[flag as ConcernFlag] = true;
  }
  const facts = childFactsFor(a.setting).filter((f) => a.childFacts.includes(f));
  const child = defined({
    age: a.age.trim() === '' || facts.includes('unborn') ? undefined : Number(a.age.trim()),
    ...Object.fromEntries(facts.map((f) => [f, true])),
  });
  const member = a.requesterOrgType === 'member_of_public';
  const requester = asked.has('requester')
    ? defined({
        orgType: (a.requesterOrgType || undefined) as Requester['orgType'],
        identityVerified: known(a.identityVerified),
        purpose: (asked.has('request') && a.requestPurpose
          ? a.requestPurpose
          : undefined) as Requester['purpose'],
        form: (asked.has('request') && a.requestForm ? a.requestForm : undefined) as Requester['form'],
        asksForWholeRecord: asked.has('request') ? known(a.wholeRecord) : undefined,
        relationship: (member && a.relationship ? a.relationship : undefined) as Requester['relationship'],
        allegedAbuser: member ? known(a.allegedAbuser) : undefined,
      })
    : undefined;
  const consent = asked.has('consent')
    ? defined({
        status: (a.consent || undefined) as NonNullable<Situation['consent']>['status'],
        seekingWouldIncreaseRisk: a.consent === 'given' ? undefined : known(a.seekingWouldIncreaseRisk),
      })
    : undefined;
  return defined({
    setting: a.setting as Situation['setting'],
    kind: a.kind as Situation['kind'],
    child: Object.keys(child).length > 0 ? child : undefined,
    concern: Object.keys(concern).length > 0 ? concern : undefined,
    requester: requester && Object.keys(requester).length > 0 ? requester : undefined,
    consent: consent && Object.keys(consent).length > 0 ? consent : undefined,
    informingFamilyWouldIncreaseRisk: asked.has('family-risk') ? known(a.familyRisk) : undefined,
    // Personal data always; the rest as the practitioner said (a health service's duty of
    // confidence is added by the engine from the setting).
    dataCategories: asked.has('data')
      ? ([
          'personal',
          ...a.dataCategories.filter((c) => c === 'special_category' || c === 'criminal_offence'),
        ] as Situation['dataCategories'])
      : undefined,
  });
}
