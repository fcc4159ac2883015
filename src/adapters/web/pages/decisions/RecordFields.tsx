import { fieldGroupDefinitions, fieldGroups } from '../../../../domain/policy/field-groups.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { Radios } from '../../components/Radios.tsx';
import { Select } from '../../components/Select.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { type FormErrors } from '../../form-errors.ts';
import { useSignedInSession } from '../../session.tsx';
import { familyToldLabels, methodLabels } from './answer-labels.ts';
import type { RecordAnswers } from './decision-answers.ts';
import type { DecisionQuestionProps } from './DecisionQuestion.tsx';
import { basisGroups } from './lawful-basis.ts';

const options = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The fields of one page recording the decision (DecisionQuestion.tsx), by the question's slug. */
export function RecordFields({
  question,
  state,
  setState,
  lists,
  errors,
}: DecisionQuestionProps & { readonly errors: FormErrors }) {
  const own = useSignedInSession().membership.organisationId;
  const r = state.record;
  const set =
    <K extends keyof RecordAnswers>(field: K) =>
    (value: RecordAnswers[K]) =>
      setState((s) => ({ ...s, record: { ...s.record, [field]: value } }));
  const err = (field: string) => errors.fields[field];
  const sharing = r.decision === 'share';

  switch (question.slug) {
    case 'decision':
      return (
        <>
          <Radios
            id="decision"
            legend="Your decision"
            options={[
              { value: 'share', label: 'Share the information' },
              { value: 'not_share', label: 'Do not share the information' },
            ]}
            value={r.decision}
            onChange={set('decision') as (v: string) => void}
            error={err('decision')}
          />
          <Textarea
            id="reasons"
            label="Your reasons"
            hint="Why you share or do not share: what you weighed, and what you relied on"
            value={r.reasons}
            onChange={set('reasons')}
            error={err('reasons')}
          />
        </>
      );
    case 'recipient':
      return (
        <Select
          id="recipientOrganisationId"
          label={sharing ? 'Receiving organisation' : 'Organisation that asked (optional)'}
          placeholder="Select an organisation"
          // The decision is the practitioner's own organisation's: it neither shares with nor answers itself.
          options={lists.organisations
            .filter((o) => o.organisationId !== own)
            .map((o) => ({ value: o.organisationId, label: o.name }))}
          value={r.recipientOrganisationId}
          onChange={set('recipientOrganisationId')}
          error={err('recipientOrganisationId')}
        />
      );
    case 'information':
      return (
        <Checkboxes
          id="fieldGroups"
          legend="Select only what the recipient needs"
          hint="Share the minimum necessary for the purpose (UK GDPR Article 5(1)(c))"
          small
          options={fieldGroups.map((g) => ({
            value: g,
            label: fieldGroupDefinitions[g].label,
            hint: fieldGroupDefinitions[g].description,
          }))}
          values={r.fieldGroups}
          onChange={set('fieldGroups')}
          error={err('fieldGroups')}
        />
      );
    case 'justification':
      return (
        <>
          {r.fieldGroups.map((g) => (
            <Textarea
              key={g}
              id={`justification-${g}`}
              label={`Why the recipient needs: ${fieldGroupDefinitions[g as keyof typeof fieldGroupDefinitions]?.label ?? g}`}
              rows={3}
              value={r.justifications[g] ?? ''}
              onChange={(value) => set('justifications')({ ...r.justifications, [g]: value })}
              error={err(`justification-${g}`)}
            />
          ))}
        </>
      );
    case 'basis':
      return (
        <>
          <p className="govuk-body">
            The guidance’s recommended basis is already ticked. Sharing needs a UK GDPR Article 6 basis, and
            an Article 9 or Article 10 condition for health or criminal offence information.
          </p>
          {basisGroups(lists.gateways).map((group, index) => (
            <Checkboxes
              key={group.kind}
              id={index === 0 ? 'lawfulBasis' : `lawfulBasis-${group.kind}`}
              legend={group.label}
              small
              options={group.gateways.map((g) => ({ value: g.id, label: `${g.title} (${g.citation})` }))}
              values={r.lawfulBasis.filter((id) => group.gateways.some((g) => g.id === id))}
              onChange={(chosen) =>
                set('lawfulBasis')([
                  ...r.lawfulBasis.filter((id) => !group.gateways.some((g) => g.id === id)),
                  ...chosen,
                ])
              }
              error={index === 0 ? err('lawfulBasis') : undefined}
            />
          ))}
        </>
      );
    case 'method':
      return (
        <Radios
          id="method"
          legend="Method"
          options={options(methodLabels)}
          value={r.method}
          onChange={set('method')}
          error={err('method')}
        />
      );
    case 'when':
      return (
        <>
          <TextInput
            id="sharedOn"
            label="Date"
            hint="Year, month and day, for example 2026-12-07"
            widthClass="govuk-input--width-10"
            value={r.sharedOn}
            onChange={set('sharedOn')}
            error={err('sharedOn')}
          />
          <TextInput
            id="sharedTime"
            label="Time"
            hint="On the 24-hour clock, for example 14:30"
            widthClass="govuk-input--width-5"
            value={r.sharedTime}
            onChange={set('sharedTime')}
            error={err('sharedTime')}
          />
        </>
      );
    case 'family':
      return (
        <>
          <Radios
            id="familyTold"
            legend="Telling the family"
            options={options(familyToldLabels)}
            value={r.familyTold}
            onChange={set('familyTold')}
            error={err('familyTold')}
          />
          {r.familyTold !== '' && r.familyTold !== 'yes' && (
            <Textarea
              id="familyNotToldReason"
              label="Why the family has not been told, or not fully"
              value={r.familyNotToldReason}
              onChange={set('familyNotToldReason')}
              error={err('familyNotToldReason')}
            />
          )}
        </>
      );
    case 'advice':
      return (
        <TextInput
          id="advisedBy"
          label="Name and role (optional)"
          hint="For example, your designated safeguarding lead or Caldicott guardian"
          value={r.advisedBy}
          onChange={set('advisedBy')}
          error={err('advisedBy')}
        />
      );
    case 'expiry':
      return (
        <TextInput
          id="disclosureExpiresAt"
          label="Date access ends (optional)"
          hint="Year, month and day, for example 2027-03-01. Leave it empty for 90 days from today."
          widthClass="govuk-input--width-10"
          value={r.expiresOn}
          onChange={set('expiresOn')}
          error={err('disclosureExpiresAt')}
        />
      );
    default:
      return null;
  }
}
