import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Radios } from '../../components/Radios.tsx';
import { LoadFailed, Loading } from '../../components/Status.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { fromProblems, hasErrors, noErrors, type FormErrors } from '../../form-errors.ts';
import { usePageTitle } from '../../page-title.ts';
import { useApiData } from '../../use-api-data.ts';
import { outcomeLabels, wordsFor } from './answer-labels.ts';
import type { YesNo } from './decision-answers.ts';
import { followProblems, recordSeededFrom } from './decision-body.ts';
import { questionsFor } from './decision-questions.ts';
import { pathHref, type PathProps } from './path-props.ts';
import { Recommendation } from './Recommendation.tsx';
import { situationOf } from './situation-of-answers.ts';

/**
 * The guidance's recommendation for the answers given, asked of the engine each time the page
 * opens (it records nothing). For a child in Tessera the practitioner then says whether they
 * follow it; deciding differently needs a reason, recorded with the decision.
 */
export function RecommendationPage(props: PathProps) {
  const { context, state, setState, lists } = props;
  const start = context.start;
  const situation = useMemo(() => situationOf(context, state), [context, state]);
  const situationJson = JSON.stringify(situation);
  const [answer] = useApiData(() => api.evaluateSituation(situation), [situationJson]);
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const heading =
    answer.status === 'loaded' ? wordsFor(outcomeLabels, answer.data.outcome) : 'The recommendation';
  usePageTitle(heading, hasErrors(errors));

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (answer.status !== 'loaded') return;
    const problems = followProblems(state);
    if (problems.length > 0) {
      setErrors(fromProblems(problems, ['follow', 'departureReason']));
      return;
    }
    const seeded = recordSeededFrom(state, answer.data);
    setState(() => seeded);
    const first = questionsFor(context, seeded, 'record')[0];
    void navigate(pathHref(start, first ? first.slug : 'record-check'));
  }

  return (
    <>
      <Link className="govuk-back-link" to={pathHref(start, 'check')}>
        Back
      </Link>
      <ErrorSummary errors={errors} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">
            {state.childName === ''
              ? 'The guidance recommends'
              : `For ${state.childName}, the guidance recommends`}
          </span>
          <h1 className="govuk-heading-l">{heading}</h1>
          {answer.status === 'loading' && <Loading />}
          {answer.status === 'failed' && <LoadFailed error={answer.error} />}
          {answer.status === 'loaded' && (
            <>
              <p className="govuk-body">
                From HM Government’s information sharing advice ({answer.data.edition} edition) and the ICO’s
                guidance, for the answers you gave.
              </p>
              <Recommendation answer={answer.data} gateways={lists.gateways} />
              {start.kind === 'child' ? (
                <form noValidate onSubmit={submit}>
                  <Radios
                    id="follow"
                    legend="Do you follow this recommendation?"
                    hint="You decide. If you decide differently, say why: it is recorded with your decision."
                    options={[
                      { value: 'yes', label: 'Yes, I follow it' },
                      { value: 'no', label: 'No, I decide differently' },
                    ]}
                    value={state.follow}
                    onChange={(value) => setState((s) => ({ ...s, follow: value as YesNo }))}
                    error={errors.fields.follow}
                  />
                  {state.follow === 'no' && (
                    <Textarea
                      id="departureReason"
                      label="Why you decide differently"
                      value={state.departureReason}
                      onChange={(value) => setState((s) => ({ ...s, departureReason: value }))}
                      error={errors.fields.departureReason}
                    />
                  )}
                  <button type="submit" className="govuk-button" data-module="govuk-button">
                    Continue to record your decision
                  </button>
                </form>
              ) : (
                <>
                  <h2 className="govuk-heading-m">Record your decision</h2>
                  <p className="govuk-body">
                    This advice is not recorded. To record a decision to share or not to share, find the child
                    in Tessera and record it from their page.
                  </p>
                  <p className="govuk-body">
                    <Link className="govuk-link" to={pathHref(start, 'check')}>
                      Change your answers
                    </Link>
                  </p>
                </>
              )}
            </>
          )}
        </div>
      </div>
    </>
  );
}
