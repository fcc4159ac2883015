import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import type { CatalogueVersion } from '../../api-types.ts';
import { describedBy, FormGroup } from '../../components/FormGroup.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { noErrors, type FormErrors } from '../../form-errors.ts';
import { importErrors } from './import-errors.ts';

interface ImportGatewaysFormProps {
  readonly onImported: (version: CatalogueVersion) => void;
  /** Shown by the page: the error summary belongs at the top of the page. */
  readonly errors: FormErrors;
  readonly onErrors: (errors: FormErrors) => void;
}

const FILE_HINT =
  'An Excel workbook (.xlsx) laid out like the downloaded catalogue, at most 5 MB. Every row is checked: if any is wrong, nothing changes.';

/** For the system administrator: a new catalogue version from a workbook. */
export function ImportGatewaysForm({ onImported, errors, onErrors }: ImportGatewaysFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    const file = input.current?.files?.[0];
    if (!file) {
      onErrors({
        summary: [{ text: 'Select an Excel workbook (.xlsx) to import', field: 'file' }],
        fields: { file: 'Select an Excel workbook (.xlsx) to import' },
      });
      return;
    }
    setSubmitting(true);
    try {
      const version = await api.importGateways(file, note.trim());
      onErrors(noErrors);
      form.current?.reset();
      setNote('');
      onImported(version);
    } catch (error) {
      onErrors(importErrors(error));
    } finally {
      setSubmitting(false);
    }
  }

  const fileError = errors.fields.file;
  return (
    <form noValidate onSubmit={submit} ref={form}>
      <FormGroup
        id="file"
        label="Workbook"
        hint={FILE_HINT}
        error={fileError}
        labelClassName="govuk-label--s"
      >
        <input
          className={
            fileError === undefined ? 'govuk-file-upload' : 'govuk-file-upload govuk-file-upload--error'
          }
          id="file"
          name="file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          ref={input}
          aria-describedby={describedBy('file', FILE_HINT, fileError)}
        />
      </FormGroup>
      <TextInput
        id="note"
        label="Note (optional)"
        hint="Why the catalogue is changing, for example ‘Wording of s16H checked’"
        value={note}
        onChange={setNote}
        error={errors.fields.note}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Import catalogue
      </button>
    </form>
  );
}
