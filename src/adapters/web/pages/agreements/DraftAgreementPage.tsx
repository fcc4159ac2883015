import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation, useParams } from 'react-router';
import { api } from '../../api.ts';
import type { AgreementDetail, FieldProblem } from '../../api-types.ts';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../page-title.ts';
import { useSignedInSession } from '../../session.tsx';
import { useApiData } from '../../use-api-data.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { CheckDraftAnswers } from './CheckDraftAnswers.tsx';
import { draftFormOf, emptyDraft, type DraftForm } from './draft-form.ts';
import { journeyBase, questionBySlug, questionsFor, type DraftJourney } from './draft-questions.ts';
import { draftKey, readDraft, writeDraft } from './draft-storage.ts';
import { DraftQuestion, type DraftListsProps } from './DraftQuestion.tsx';
import { partnershipOrganisations } from './labels.ts';

/**
 * Draft an agreement as question pages, then "check your answers" (GOV.UK question pages and
 * check answers patterns): a Tier 2 with its first flow (`/agreements/new/tier2/…`), a Tier 1
 * (`/agreements/new/tier1/…`), or the sections of either's draft (`/agreements/:id/edit/…`, which
 * opens on its answers). Answers wait in the tab's session storage (draft-storage.ts) and are
 * saved through the agreements API from the check answers page. A Tier 2 draft's further flows are
 * added, changed and removed one at a time from its page.
 */
export function DraftAgreementPage({ tier: newTier = 'tier2' }: { readonly tier?: 'tier1' | 'tier2' }) {
  const { id, question } = useParams();
  const [data] = useApiData(
    () =>
      Promise.all([
        api.agreements({ tier: 'tier1' }),
        partnershipOrganisations(),
        api.agreementReference(),
        api.gateways({}),
        id === undefined ? Promise.resolve(null) : api.agreement(id),
      ]),
    [id],
  );
  const existing: AgreementDetail | null = data.status === 'loaded' ? data.data[4] : null;
  const draft = existing?.versions.find((v) => v.version === existing.pendingVersion && v.status === 'draft');
  const journey: DraftJourney | null =
    id === undefined
      ? { kind: 'new', tier: newTier }
      : existing
        ? { kind: 'edit', tier: existing.tier, id: existing.id }
        : null;

  if (data.status === 'failed' && data.error.status === 404) return <NotFoundPage />;
  if (data.status === 'loading' || journey === null) return <DraftStatus>{<Loading />}</DraftStatus>;
  if (data.status === 'failed') return <DraftStatus>{<LoadFailed error={data.error} />}</DraftStatus>;
  if (journey.kind === 'edit' && !draft)
    return (
      <DraftStatus>
        <p className="govuk-body">
          This agreement has no draft to edit. To change an agreement in force, amend it.
        </p>
      </DraftStatus>
    );
  const [tier1s, organisations, reference, gateways] = data.data;
  return (
    <DraftJourneyPages
      journey={journey}
      question={question}
      seed={draft ? draftFormOf(draft, existing?.tier1?.id ?? '') : emptyDraft}
      version={draft?.version}
      lists={{
        tier1s: tier1s
          .filter((a) => a.inForce)
          .map((a) => ({ value: a.id, label: `${a.reference}: ${a.title}` })),
        organisations,
        reference,
        gateways: gateways.gateways,
      }}
      reference={existing?.reference ?? null}
    />
  );
}

function DraftStatus({ children }: { readonly children: ReactNode }) {
  usePageTitle('Draft an agreement');
  return (
    <>
      <h1 className="govuk-heading-l">Draft an agreement</h1>
      {children}
    </>
  );
}

function DraftJourneyPages({
  journey,
  question,
  seed,
  version,
  lists,
  reference,
}: {
  readonly journey: DraftJourney;
  readonly question: string | undefined;
  readonly seed: DraftForm;
  readonly version: number | undefined;
  readonly lists: DraftListsProps;
  readonly reference: string | null;
}) {
  const session = useSignedInSession();
  const location = useLocation();
  const key = draftKey(session.user.id, journey, version);
  const [form, setForm] = useState<DraftForm>(() => readDraft(key) ?? seed);
  // Every change is kept at once, so a refresh in the middle of a page loses nothing either.
  useEffect(() => writeDraft(key, form), [key, form]);
  const base = journeyBase(journey);
  const problems = useMemo(() => {
    const given = (location.state as { problems?: unknown } | null)?.problems;
    return Array.isArray(given) ? (given as FieldProblem[]) : [];
  }, [location.state]);

  if (question === undefined) {
    const first = questionsFor(journey, form)[0];
    const to = journey.kind === 'edit' || !first ? `${base}/check` : `${base}/${first.slug}`;
    return <Navigate to={to} replace />;
  }
  if (question === 'check')
    return (
      <CheckDraftAnswers journey={journey} form={form} lists={lists} reference={reference} storageKey={key} />
    );
  const asked = questionBySlug(question);
  if (!asked || !asked.asks(journey, form)) return <NotFoundPage />;
  return (
    <DraftQuestion
      key={asked.slug}
      journey={journey}
      question={asked}
      form={form}
      setForm={setForm}
      lists={lists}
      serverProblems={problems}
      returnToCheck={(location.state as { change?: unknown } | null)?.change === true}
    />
  );
}
