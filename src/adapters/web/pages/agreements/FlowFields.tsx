import type { AgreementReference, Gateway } from '../../api-types.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FormErrors } from '../../form-errors.ts';
import type { FlowForm } from './draft-form.ts';
import {
  gatewayOptions,
  optionsOf,
  organisationOptions,
  type GatewayField,
  type NamedOrganisation,
} from './labels.ts';

interface FlowFieldsProps {
  readonly flow: FlowForm;
  readonly onChange: (flow: FlowForm) => void;
  readonly organisations: readonly NamedOrganisation[];
  readonly reference: AgreementReference;
  readonly gateways: readonly Gateway[];
  readonly errors: FormErrors;
}

const id = (field: string) => `flows.0.${field}`;

/** One flow of a Tier 2: who shares what with whom, why, how, and under which law. */
export function FlowFields({ flow, onChange, organisations, reference, gateways, errors }: FlowFieldsProps) {
  const set =
    <K extends keyof FlowForm>(field: K) =>
    (value: FlowForm[K]) =>
      onChange({ ...flow, [field]: value });
  const err = (field: string) => errors.fields[id(field)];
  const orgOptions = organisationOptions(organisations);
  const gatewaySelect = (field: GatewayField, label: string, kinds: string[], placeholder: string) => (
    <Select
      id={id(field)}
      label={label}
      placeholder={placeholder}
      options={gatewayOptions(gateways, kinds)}
      value={flow[field]}
      onChange={set(field)}
      error={err(field)}
    />
  );

  return (
    <>
      <TextInput
        id={id('name')}
        label="Name of the flow"
        value={flow.name}
        onChange={set('name')}
        error={err('name')}
      />
      <Checkboxes
        id={id('fromOrganisationIds')}
        legend="Organisations that share"
        small
        options={orgOptions}
        values={flow.fromOrganisationIds}
        onChange={set('fromOrganisationIds')}
        error={err('fromOrganisationIds')}
      />
      <Checkboxes
        id={id('toOrganisationIds')}
        legend="Organisations that receive"
        small
        options={orgOptions}
        values={flow.toOrganisationIds}
        onChange={set('toOrganisationIds')}
        error={err('toOrganisationIds')}
      />
      <Checkboxes
        id={id('purposes')}
        legend="Purposes"
        small
        options={optionsOf(reference.purposes)}
        values={flow.purposes}
        onChange={set('purposes')}
        error={err('purposes')}
      />
      <Checkboxes
        id={id('fieldGroups')}
        legend="Information shared"
        hint="Only what the purposes need (UK GDPR Art 5(1)(c), data minimisation)"
        small
        options={reference.fieldGroups.map((g) => ({ value: g.id, label: g.label }))}
        values={flow.fieldGroups}
        onChange={set('fieldGroups')}
        error={err('fieldGroups')}
      />
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
      )}
      {gatewaySelect(
        'art10Sched1ConditionId',
        'DPA 2018 Schedule 1 condition for Article 10',
        ['dpa_sched1'],
        'None',
      )}
      <Select
        id={id('statutoryGatewayIds')}
        label="Statutory gateway"
        placeholder="None"
        options={gatewayOptions(gateways, ['statute_duty', 'statute_power'])}
        value={flow.statutoryGatewayId}
        onChange={set('statutoryGatewayId')}
        error={err('statutoryGatewayIds')}
      />
      {gatewaySelect(
        'confidentialityGatewayId',
        'Common law duty of confidentiality',
        ['common_law'],
        'None',
      )}
      <Select
        id={id('confidentialityGround')}
        label="Ground for setting confidentiality aside"
        placeholder="None"
        options={optionsOf(reference.confidentialityGrounds)}
        value={flow.confidentialityGround}
        onChange={set('confidentialityGround')}
        error={err('confidentialityGround')}
      />
      <Select
        id={id('method')}
        label="How it is shared"
        placeholder="Select a method"
        options={optionsOf(reference.methods)}
        value={flow.method}
        onChange={set('method')}
        error={err('method')}
      />
      <Select
        id={id('frequency')}
        label="How often"
        placeholder="Select how often"
        options={optionsOf(reference.frequencies)}
        value={flow.frequency}
        onChange={set('frequency')}
        error={err('frequency')}
      />
      <TextInput
        id={id('retention')}
        label="How long the receiver keeps it"
        value={flow.retention}
        onChange={set('retention')}
        error={err('retention')}
      />
      <TextInput
        id={id('dpiaReference')}
        label="DPIA reference"
        widthClass="govuk-input--width-20"
        value={flow.dpiaReference}
        onChange={set('dpiaReference')}
        error={err('dpiaReference')}
      />
    </>
  );
}
