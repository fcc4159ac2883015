import { type ReactNode } from 'react';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { Radios } from '../../components/Radios.tsx';
import { Select } from '../../components/Select.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { type FormErrors } from '../../form-errors.ts';
import type { DraftForm, FlowForm } from './draft-form.ts';
import { gatewayOptions, optionsOf, organisationOptions, type GatewayField } from './labels.ts';

import type { DraftQuestionProps } from './DraftQuestion.tsx';

const DATE_HINT = 'Year, month and day, for example 2026-04-01';

/** The fields of one question page (DraftQuestion.tsx), by the question's slug. */
export function QuestionFields({
  question,
  form,
  setForm,
  lists,
  errors,
}: DraftQuestionProps & { errors: FormErrors }) {
  const set =
    <K extends keyof DraftForm>(field: K) =>
    (value: DraftForm[K]) =>
      setForm((f) => ({ ...f, [field]: value }));
  const setFlow =
    <K extends keyof FlowForm>(field: K) =>
    (value: FlowForm[K]) =>
      setForm((f) => ({ ...f, flow: { ...f.flow, [field]: value } }));
  const err = (field: string) => errors.fields[field];
  const orgOptions = organisationOptions(lists.organisations);
  const gatewaySelect = (
    field: GatewayField,
    label: string,
    kinds: string[],
    placeholder: string,
    hint?: ReactNode,
  ) => (
    <Select
      id={`flows.0.${field}`}
      label={label}
      hint={hint}
      placeholder={placeholder}
      options={gatewayOptions(lists.gateways, kinds)}
      value={form.flow[field]}
      onChange={setFlow(field)}
      error={err(`flows.0.${field}`)}
    />
  );

  switch (question.slug) {
    case 'framework':
      return lists.tier1s.length === 0 ? (
        <p className="govuk-body">
          No Tier 1 agreement is in force, and a Tier 2 agreement comes under one. Draft the Tier 1 agreement
          first.
        </p>
      ) : (
        <Radios
          id="tier1AgreementId"
          legend="Tier 1 agreement it comes under"
          options={lists.tier1s}
          value={form.tier1AgreementId}
          onChange={set('tier1AgreementId')}
          error={err('tier1AgreementId')}
        />
      );
    case 'title':
      return (
        <TextInput
          id="title"
          label="Title"
          hint="A name the partners will recognise, such as ‘Strategy discussions: council to police’"
          value={form.title}
          onChange={set('title')}
          error={err('title')}
        />
      );
    case 'purpose':
      return (
        <Textarea
          id="summary"
          label="Purpose"
          hint="Why the partners share, and what for"
          value={form.summary}
          onChange={set('summary')}
          error={err('summary')}
        />
      );
    case 'parties':
      return (
        <Checkboxes
          id="parties"
          legend="Parties"
          hint="Every organisation that shares or receives; each must sign"
          small
          options={orgOptions}
          values={form.parties}
          onChange={set('parties')}
          error={err('parties')}
        />
      );
    case 'contacts':
      return (
        <>
          <p id="contacts-hint" className="govuk-hint">
            The person or team the other parties contact about this agreement, such as the data protection
            officer, with an email address or phone number. The quality check asks for one at each party.
          </p>
          {lists.organisations
            .filter((o) => form.parties.includes(o.organisationId))
            .map((o) => (
              <TextInput
                key={o.organisationId}
                id={`contact-${o.organisationId}`}
                label={`Contact at ${o.name}`}
                value={form.contacts[o.organisationId] ?? ''}
                onChange={(value) => set('contacts')({ ...form.contacts, [o.organisationId]: value })}
                error={err(`contact-${o.organisationId}`)}
              />
            ))}
        </>
      );
    case 'dates':
      return (
        <>
          <TextInput
            id="startDate"
            label="Start date"
            hint={DATE_HINT}
            widthClass="govuk-input--width-10"
            value={form.startDate}
            onChange={set('startDate')}
            error={err('startDate')}
          />
          <TextInput
            id="reviewDate"
            label="Review date"
            hint={DATE_HINT}
            widthClass="govuk-input--width-10"
            value={form.reviewDate}
            onChange={set('reviewDate')}
            error={err('reviewDate')}
          />
        </>
      );
    case 'security':
      return (
        <Textarea
          id="security"
          label="Security"
          hint="How the information is sent, stored and protected, and how a breach is reported"
          value={form.security}
          onChange={set('security')}
          error={err('security')}
        />
      );
    case 'retention':
      return (
        <Textarea
          id="retention"
          label="Retention"
          hint="How long each party keeps what it receives, and how it is then deleted"
          value={form.retention}
          onChange={set('retention')}
          error={err('retention')}
        />
      );
    case 'rights':
      return (
        <Textarea
          id="rights"
          label="Rights of the people concerned"
          hint="How people are told about the sharing, and how their requests are answered"
          value={form.rights}
          onChange={set('rights')}
          error={err('rights')}
        />
      );
    case 'purposes':
      return (
        <Checkboxes
          id="purposes"
          legend="Purposes"
          hint="What the partners share information for under this framework"
          small
          options={optionsOf(lists.reference.purposes)}
          values={form.purposes}
          onChange={set('purposes')}
          error={err('purposes')}
        />
      );
    case 'data-categories':
      return (
        <Checkboxes
          id="dataCategories"
          legend="Categories of data"
          small
          options={optionsOf(lists.reference.dataCategories)}
          values={form.dataCategories}
          onChange={set('dataCategories')}
          error={err('dataCategories')}
        />
      );
    case 'gateways':
      return (
        <Checkboxes
          id="gatewayIds"
          legend="Legal gateways relied on"
          hint="The statutes, UK GDPR bases and conditions, and common-law grounds in the appendix"
          small
          options={lists.gateways.map((g) => ({ value: g.id, label: `${g.id}: ${g.title}` }))}
          values={form.gatewayIds}
          onChange={set('gatewayIds')}
          error={err('gatewayIds')}
        />
      );
    case 'flow-name':
      return (
        <TextInput
          id="flows.0.name"
          label="Name of the flow"
          hint="A flow is one way information passes between parties. You can add more flows from the agreement’s page once the draft is saved."
          value={form.flow.name}
          onChange={setFlow('name')}
          error={err('flows.0.name')}
        />
      );
    case 'flow-organisations':
      return (
        <>
          <Checkboxes
            id="flows.0.fromOrganisationIds"
            legend="Organisations that share"
            small
            options={orgOptions}
            values={form.flow.fromOrganisationIds}
            onChange={setFlow('fromOrganisationIds')}
            error={err('flows.0.fromOrganisationIds')}
          />
          <Checkboxes
            id="flows.0.toOrganisationIds"
            legend="Organisations that receive"
            small
            options={orgOptions}
            values={form.flow.toOrganisationIds}
            onChange={setFlow('toOrganisationIds')}
            error={err('flows.0.toOrganisationIds')}
          />
        </>
      );
    case 'flow-purposes':
      return (
        <Checkboxes
          id="flows.0.purposes"
          legend="Purposes"
          small
          options={optionsOf(lists.reference.purposes)}
          values={form.flow.purposes}
          onChange={setFlow('purposes')}
          error={err('flows.0.purposes')}
        />
      );
    case 'flow-information':
      return (
        <Checkboxes
          id="flows.0.fieldGroups"
          legend="Information shared"
          hint="Only what the purposes need (UK GDPR Art 5(1)(c), data minimisation)"
          small
          options={lists.reference.fieldGroups.map((g) => ({ value: g.id, label: g.label }))}
          values={form.flow.fieldGroups}
          onChange={setFlow('fieldGroups')}
          error={err('flows.0.fieldGroups')}
        />
      );
    case 'flow-basis':
      return (
        <>
          {gatewaySelect(
            'art6BasisId',
            'UK GDPR Article 6 lawful basis',
            ['uk_gdpr_art6'],
            'Select a lawful basis',
          )}
          {gatewaySelect(
            'art9ConditionId',
            'UK GDPR Article 9 condition (special category data)',
            ['uk_gdpr_art9'],
            'None',
            'Only if the flow shares health or other special category data',
          )}
          {gatewaySelect(
            'art9Sched1ConditionId',
            'DPA 2018 Schedule 1 condition for Article 9',
            ['dpa_sched1'],
            'None',
          )}
          {gatewaySelect(
            'art10ConditionId',
            'UK GDPR Article 10 (criminal offence data)',
            ['uk_gdpr_art10'],
            'None',
            'Only if the flow shares criminal offence data',
          )}
          {gatewaySelect(
            'art10Sched1ConditionId',
            'DPA 2018 Schedule 1 condition for Article 10',
            ['dpa_sched1'],
            'None',
          )}
        </>
      );
    case 'flow-gateways':
      return (
        <>
          <Select
            id="flows.0.statutoryGatewayIds"
            label="Statutory gateway"
            placeholder="None"
            options={gatewayOptions(lists.gateways, ['statute_duty', 'statute_power'])}
            value={form.flow.statutoryGatewayId}
            onChange={setFlow('statutoryGatewayId')}
            error={err('flows.0.statutoryGatewayIds')}
          />
          {gatewaySelect(
            'confidentialityGatewayId',
            'Common law duty of confidentiality',
            ['common_law'],
            'None',
          )}
          <Select
            id="flows.0.confidentialityGround"
            label="Ground for setting confidentiality aside"
            placeholder="None"
            options={optionsOf(lists.reference.confidentialityGrounds)}
            value={form.flow.confidentialityGround}
            onChange={setFlow('confidentialityGround')}
            error={err('flows.0.confidentialityGround')}
          />
        </>
      );
    case 'flow-method':
      return (
        <>
          <Select
            id="flows.0.method"
            label="How it is shared"
            placeholder="Select a method"
            options={optionsOf(lists.reference.methods)}
            value={form.flow.method}
            onChange={setFlow('method')}
            error={err('flows.0.method')}
          />
          <Select
            id="flows.0.frequency"
            label="How often"
            placeholder="Select how often"
            options={optionsOf(lists.reference.frequencies)}
            value={form.flow.frequency}
            onChange={setFlow('frequency')}
            error={err('flows.0.frequency')}
          />
          <TextInput
            id="flows.0.retention"
            label="How long the receiver keeps it"
            value={form.flow.retention}
            onChange={setFlow('retention')}
            error={err('flows.0.retention')}
          />
          <TextInput
            id="flows.0.dpiaReference"
            label="DPIA reference"
            widthClass="govuk-input--width-20"
            value={form.flow.dpiaReference}
            onChange={setFlow('dpiaReference')}
            error={err('flows.0.dpiaReference')}
          />
        </>
      );
  }
}
