import { useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import type { FieldProblem } from '../../api-types.ts';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../page-title.ts';
import { useSignedInSession } from '../../session.tsx';
import { useApiData } from '../../use-api-data.ts';
import { partnershipOrganisations } from '../agreements/labels.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { PurposeGate } from '../persons/PurposeGate.tsx';
import { CheckRecordAnswers } from './CheckRecordAnswers.tsx';
import { CheckSituationAnswers } from './CheckSituationAnswers.tsx';
import { DangerStop } from './DangerStop.tsx';
import { newPath, type DecisionPathStart, type DecisionPathState } from './decision-answers.ts';
import { questionBySlug, type PathContext } from './decision-questions.ts';
import { pathKey, readPath, writePath, forgetPath } from './decision-storage.ts';
import { DecisionQuestion } from './DecisionQuestion.tsx';
import { DecisionRecorded } from './DecisionRecorded.tsx';
import { pathHref, type PathLists } from './path-props.ts';
import { RecommendationPage } from './RecommendationPage.tsx';
import { settingOfMembership } from './setting-of-membership.ts';

/**
 * The decision path (issue 16 point 2) as GOV.UK question pages: the situation one question a
 * page, "check your answers", the guidance's recommendation with its reasons, then (for a child
 * in Tessera) the record of the decision and a confirmation. `/decide/…` gives guidance only,
 * before a child is in Tessera; `/persons/:personId/decide/…?purpose=…` records a decision about
 * the child, for a purpose the practitioner may act for (PurposeGate).
 */
export function DecisionPathPage() {
  const { personId } = useParams();
  return personId === undefined ? (
    <PathWithLists start={{ kind: 'advice' }} />
  ) : (
    <PurposeGate>
      <ChildPath personId={personId} />
    </PurposeGate>
  );
}

function ChildPath({ personId }: { readonly personId: string }) {
  const [params] = useSearchParams();
  const purpose = params.get('purpose') ?? '';
  const start = useMemo<DecisionPathStart>(() => ({ kind: 'child', personId, purpose }), [personId, purpose]);
  return <PathWithLists start={start} />;
}

function PathWithLists({ start }: { readonly start: DecisionPathStart }) {
  const child = start.kind === 'child';
  const [data] = useApiData(
    () => Promise.all([api.gateways({}), child ? partnershipOrganisations() : Promise.resolve([])]),
    [child],
  );
  if (data.status === 'loading') return <PathStatus>{<Loading />}</PathStatus>;
  if (data.status === 'failed') return <PathStatus>{<LoadFailed error={data.error} />}</PathStatus>;
  const [gateways, organisations] = data.data;
  return <PathPages start={start} lists={{ gateways: gateways.gateways, organisations }} />;
}

function PathStatus({ children }: { readonly children: React.ReactNode }) {
  usePageTitle('Decide whether to share');
  return (
    <>
      <h1 className="govuk-heading-l">Decide whether to share</h1>
      {children}
    </>
  );
}

function PathPages({ start, lists }: { readonly start: DecisionPathStart; readonly lists: PathLists }) {
  const session = useSignedInSession();
  const { page } = useParams();
  const location = useLocation();
  const derivedSetting = settingOfMembership(session.membership.organisationType, session.membership.role);
  const key = pathKey(session.user.id, start);
  const childName = (location.state as { childName?: unknown } | null)?.childName;
  const [state, setState] = useState<DecisionPathState>(
    () =>
      readPath(key) ??
      newPath(crypto.randomUUID(), derivedSetting, typeof childName === 'string' ? childName : ''),
  );
  // Every change is kept at once, so a refresh in the middle of a page loses nothing.
  useEffect(() => writePath(key, state), [key, state]);
  const forget = useCallback(() => forgetPath(key), [key]);
  const context: PathContext = useMemo(() => ({ start, derivedSetting }), [start, derivedSetting]);
  const problems = useMemo(() => {
    const given = (location.state as { problems?: unknown } | null)?.problems;
    return Array.isArray(given) ? (given as FieldProblem[]) : [];
  }, [location.state]);
  const returnToCheck = (location.state as { change?: unknown } | null)?.change === true;
  const props = { context, state, setState, lists, forget };

  // Coming back to the start after recording begins a new decision, with a new idempotency key.
  const startAgain = page === undefined && state.recorded !== null;
  useEffect(() => {
    if (startAgain) setState((old) => newPath(crypto.randomUUID(), derivedSetting, old.childName));
  }, [startAgain, derivedSetting]);

  if (page === undefined)
    return startAgain ? <Loading /> : <Navigate to={pathHref(start, 'danger')} replace />;
  if (page === 'stop') return <DangerStop {...props} />;
  if (page === 'check') return <CheckSituationAnswers {...props} />;
  if (page === 'recommendation') return <RecommendationPage {...props} />;
  if (page === 'record-check' && start.kind === 'child') return <CheckRecordAnswers {...props} />;
  if (page === 'recorded' && start.kind === 'child') return <DecisionRecorded {...props} />;
  const question = questionBySlug(page);
  if (!question || (question.part === 'record' && start.kind !== 'child')) return <NotFoundPage />;
  return (
    <DecisionQuestion
      key={question.slug}
      {...props}
      question={question}
      serverProblems={problems}
      returnToCheck={returnToCheck}
    />
  );
}
