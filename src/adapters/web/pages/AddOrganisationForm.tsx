import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import type { Organisation, Reference } from '../api-types.ts';
import { Select } from '../components/Select.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { fromError, noErrors, type FormErrors } from '../form-errors.ts';

const FIELDS = ['name', 'type'] as const;

interface AddOrganisationFormProps {
  readonly types: Reference['organisationTypes'];
  readonly onAdded: (organisation: Organisation) => void;
  /** Shown by the page: the error summary belongs at the top of the page. */
  readonly errors: FormErrors;
  readonly onErrors: (errors: FormErrors) => void;
}

export function AddOrganisationForm({ types, onAdded, errors, onErrors }: AddOrganisationFormProps) {
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    try {
      const organisation = await api.createOrganisation({ name: name.trim(), type });
      onErrors(noErrors);
      setName('');
      setType('');
      onAdded(organisation);
    } catch (error) {
      onErrors(fromError(error, FIELDS));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form noValidate onSubmit={submit}>
      <TextInput
        id="name"
        label="Name"
        value={name}
        onChange={setName}
        error={errors.fields.name}
        autoComplete="organization"
      />
      <Select
        id="type"
        label="Type of organisation"
        value={type}
        onChange={setType}
        error={errors.fields.type}
        placeholder="Select a type"
        options={types.map((t) => ({ value: t.id, label: t.label }))}
      />
      <button type="submit" className="govuk-button" data-module="govuk-button">
        Add organisation
      </button>
    </form>
  );
}
