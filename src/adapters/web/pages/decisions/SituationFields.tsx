import { Checkboxes } from '../../components/Checkboxes.tsx';
import { Radios } from '../../components/Radios.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { type FormErrors } from '../../form-errors.ts';
import type { SituationAnswers } from './decision-answers.ts';
import { kindsFor } from './decision-questions.ts';
import type { DecisionQuestionProps } from './DecisionQuestion.tsx';
import {
  childFactLabels,
  childFactsFor,
  concernLabels,
  concernsFor,
  consentLabels,
  dataCategoryLabels,
  kindLabels,
  relationshipLabels,
  requesterOrgTypeLabels,
  requestFormLabels,
  requestPurposeLabels,
  settingLabels,
  yesNoNotSureLabels,
} from './situation-labels.ts';

const options = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const YES_NO_NOT_SURE = options(yesNoNotSureLabels);

/** The fields of one situation page (DecisionQuestion.tsx), by the question's slug. */
export function SituationFields({
  question,
  state,
  setState,
  errors,
}: DecisionQuestionProps & { readonly errors: FormErrors }) {
  const a = state.situation;
  const set =
    <K extends keyof SituationAnswers>(field: K) =>
    (value: SituationAnswers[K]) =>
      setState((s) => ({ ...s, situation: { ...s.situation, [field]: value } }));
  const err = (field: string) => errors.fields[field];

  switch (question.slug) {
    case 'danger':
      return (
        <Radios
          id="danger"
          legend="Immediate danger"
          hint="For example, the child says they will be hurt tonight, or is with someone who is a danger to them now"
          options={YES_NO}
          value={a.danger}
          onChange={set('danger') as (v: string) => void}
          error={err('danger')}
        />
      );
    case 'setting':
      return (
        <Radios
          id="setting"
          legend="Your service"
          hint="The advice differs between services: health services, for example, owe a duty of confidence"
          options={options(settingLabels)}
          value={a.setting}
          onChange={set('setting')}
          error={err('setting')}
        />
      );
    case 'kind':
      return (
        <Radios
          id="kind"
          legend="The situation"
          options={kindsFor(a.setting).map((k) => ({
            value: k,
            label: kindLabels[k as keyof typeof kindLabels].label,
            hint: kindLabels[k as keyof typeof kindLabels].hint,
          }))}
          value={a.kind}
          onChange={set('kind')}
          error={err('kind')}
        />
      );
    case 'requester':
      return (
        <>
          <Select
            id="requesterOrgType"
            label="Who is asking"
            placeholder="Select who is asking"
            options={options(requesterOrgTypeLabels)}
            value={a.requesterOrgType}
            onChange={set('requesterOrgType')}
            error={err('requesterOrgType')}
          />
          {a.requesterOrgType === 'member_of_public' && (
            <>
              <Radios
                id="relationship"
                legend="Their relationship to the child"
                options={options(relationshipLabels)}
                value={a.relationship}
                onChange={set('relationship')}
                error={err('relationship')}
              />
              <Radios
                id="allegedAbuser"
                legend="Are they suspected of harming the child?"
                options={YES_NO_NOT_SURE}
                value={a.allegedAbuser}
                onChange={set('allegedAbuser') as (v: string) => void}
                error={err('allegedAbuser')}
              />
            </>
          )}
          <Radios
            id="identityVerified"
            legend="Have you checked who they are?"
            hint="For example, by calling back through their organisation’s published switchboard"
            options={YES_NO}
            value={a.identityVerified}
            onChange={set('identityVerified') as (v: string) => void}
            error={err('identityVerified')}
          />
        </>
      );
    case 'request':
      return (
        <>
          <Radios
            id="requestPurpose"
            legend="What it is wanted for"
            options={options(requestPurposeLabels)}
            value={a.requestPurpose}
            onChange={set('requestPurpose')}
            error={err('requestPurpose')}
          />
          <Radios
            id="requestForm"
            legend="How they asked"
            options={options(requestFormLabels)}
            value={a.requestForm}
            onChange={set('requestForm')}
            error={err('requestForm')}
          />
          <Radios
            id="wholeRecord"
            legend="Do they ask for the whole record?"
            options={YES_NO}
            value={a.wholeRecord}
            onChange={set('wholeRecord') as (v: string) => void}
            error={err('wholeRecord')}
          />
        </>
      );
    case 'concern':
      return (
        <Checkboxes
          id="concerns"
          legend="Select all that apply"
          hint="Leave them all unticked if none applies"
          options={concernsFor(a.setting).map((flag) => ({ value: flag, label: concernLabels[flag] }))}
          values={a.concerns}
          onChange={set('concerns')}
          error={err('concerns')}
        />
      );
    case 'child':
      return (
        <>
          <TextInput
            id="age"
            label="Age in years (optional)"
            hint="Leave it empty if you do not know it"
            widthClass="govuk-input--width-2"
            value={a.age}
            onChange={set('age')}
            error={err('age')}
          />
          <Checkboxes
            id="childFacts"
            legend="Select all that apply"
            options={childFactsFor(a.setting).map((fact) => ({
              value: fact,
              label: childFactLabels[fact]?.label ?? fact,
              ...(childFactLabels[fact]?.hint === undefined ? {} : { hint: childFactLabels[fact].hint }),
            }))}
            values={a.childFacts}
            onChange={set('childFacts')}
            error={err('childFacts')}
          />
        </>
      );
    case 'consent':
      return (
        <>
          <Radios
            id="consent"
            legend="Consent"
            options={options(consentLabels)}
            value={a.consent}
            onChange={set('consent')}
            error={err('consent')}
          />
          {a.consent !== 'given' && (
            <Radios
              id="seekingWouldIncreaseRisk"
              legend="Would asking for consent put the child at greater risk, or cause a harmful delay?"
              options={YES_NO_NOT_SURE}
              value={a.seekingWouldIncreaseRisk}
              onChange={set('seekingWouldIncreaseRisk') as (v: string) => void}
              error={err('seekingWouldIncreaseRisk')}
            />
          )}
        </>
      );
    case 'family-risk':
      return (
        <Radios
          id="familyRisk"
          legend="Risk of telling the family"
          options={YES_NO_NOT_SURE}
          value={a.familyRisk}
          onChange={set('familyRisk') as (v: string) => void}
          error={err('familyRisk')}
        />
      );
    case 'data':
      return (
        <Checkboxes
          id="dataCategories"
          legend="Besides personal details, does it include:"
          hint="Leave both unticked if not"
          options={Object.entries(dataCategoryLabels).map(([value, { label, hint }]) => ({
            value,
            label,
            hint,
          }))}
          values={a.dataCategories}
          onChange={set('dataCategories')}
          error={err('dataCategories')}
        />
      );
    default:
      return null;
  }
}
