import type { AgreementReference, Gateway } from '../../api-types.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FormErrors } from '../../form-errors.ts';
import type { DraftForm } from './draft-form.ts';
import { optionsOf, type NamedOrganisation } from './labels.ts';

const DATE_HINT = 'Year, month and day, for example 2026-04-01';

interface SectionFieldsProps {
  readonly form: DraftForm;
  readonly set: <K extends keyof DraftForm>(field: K) => (value: DraftForm[K]) => void;
  readonly organisations: readonly NamedOrganisation[];
  readonly errors: FormErrors;
}

/** The template sections every agreement has, Tier 1 or Tier 2: what, who, when, and how kept. */
export function SectionFields({ form, set, organisations, errors }: SectionFieldsProps) {
  return (
    <>
      <TextInput
        id="title"
        label="Title"
        value={form.title}
        onChange={set('title')}
        error={errors.fields.title}
      />
      <Textarea
        id="summary"
        label="Purpose"
        hint="Why the partners share, and what for"
        value={form.summary}
        onChange={set('summary')}
        error={errors.fields.summary}
      />
      <Checkboxes
        id="parties"
        legend="Parties"
        hint="Every organisation that shares or receives; each must sign"
        small
        options={organisations.map((o) => ({ value: o.organisationId, label: o.name }))}
        values={form.parties}
        onChange={set('parties')}
        error={errors.fields.parties}
      />
      <PartyContacts form={form} set={set} organisations={organisations} />
      <TextInput
        id="startDate"
        label="Start date"
        hint={DATE_HINT}
        widthClass="govuk-input--width-10"
        value={form.startDate}
        onChange={set('startDate')}
        error={errors.fields.startDate}
      />
      <TextInput
        id="reviewDate"
        label="Review date"
        hint={DATE_HINT}
        widthClass="govuk-input--width-10"
        value={form.reviewDate}
        onChange={set('reviewDate')}
        error={errors.fields.reviewDate}
      />
      <Textarea
        id="security"
        label="Security"
        value={form.security}
        onChange={set('security')}
        error={errors.fields.security}
      />
      <Textarea
        id="retention"
        label="Retention"
        value={form.retention}
        onChange={set('retention')}
        error={errors.fields.retention}
      />
      <Textarea
        id="rights"
        label="Rights of the people concerned"
        value={form.rights}
        onChange={set('rights')}
        error={errors.fields.rights}
      />
    </>
  );
}

/**
 * Whom the other parties contact about the agreement at each party: a named contact is what the
 * quality check asks for (assess-quality.ts), and the ICO's data sharing code expects each
 * party's single point of contact to be written into the agreement.
 */
function PartyContacts({ form, set, organisations }: Omit<SectionFieldsProps, 'errors'>) {
  const parties = organisations.filter((o) => form.parties.includes(o.organisationId));
  if (parties.length === 0) return null;
  const setContact = (organisationId: string) => (value: string) =>
    set('contacts')({ ...form.contacts, [organisationId]: value });
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" aria-describedby="contacts-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
          Who to contact at each party
        </legend>
        <div id="contacts-hint" className="govuk-hint">
          The person or team the other parties contact about this agreement, such as the data protection
          officer, with an email address or phone number
        </div>
        {parties.map((o) => (
          <TextInput
            key={o.organisationId}
            id={`contact-${o.organisationId}`}
            label={`Contact at ${o.name}`}
            value={form.contacts[o.organisationId] ?? ''}
            onChange={setContact(o.organisationId)}
          />
        ))}
      </fieldset>
    </div>
  );
}

interface Tier1FieldsProps extends Omit<SectionFieldsProps, 'organisations'> {
  readonly reference: AgreementReference;
  readonly gateways: readonly Gateway[];
}

/**
 * What only a Tier 1 (strategic) agreement says: the purposes its Tier 2 agreements may serve,
 * the categories of data shared under it, and the legal gateways of its appendix (seed 000's
 * "Appendix 3"). Its flows are set out in the Tier 2 agreements made under it.
 */
export function Tier1Fields({ form, set, reference, gateways, errors }: Tier1FieldsProps) {
  return (
    <>
      <Checkboxes
        id="purposes"
        legend="Purposes"
        hint="What the partners share information for under this framework"
        small
        options={optionsOf(reference.purposes)}
        values={form.purposes}
        onChange={set('purposes')}
        error={errors.fields.purposes}
      />
      <Checkboxes
        id="dataCategories"
        legend="Categories of data"
        small
        options={optionsOf(reference.dataCategories)}
        values={form.dataCategories}
        onChange={set('dataCategories')}
        error={errors.fields.dataCategories}
      />
      <Checkboxes
        id="gatewayIds"
        legend="Legal gateways relied on"
        hint="The statutes, UK GDPR bases and conditions, and common-law grounds in the appendix"
        small
        options={gateways.map((g) => ({ value: g.id, label: `${g.id}: ${g.title}` }))}
        values={form.gatewayIds}
        onChange={set('gatewayIds')}
        error={errors.fields.gatewayIds}
      />
    </>
  );
}
