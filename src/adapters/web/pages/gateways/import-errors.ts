// An import names each bad row (rows.<line>.<field>); all of them belong to the file upload, so
// each is a summary item linking to it, rather than one message per field as other forms have.
import { ApiError } from '../../api-client.ts';
import { fromError, type FormErrors, type SummaryItem } from '../../form-errors.ts';

export const IMPORT_FIELDS = ['file', 'note'] as const;

export function importErrors(error: unknown): FormErrors {
  if (!(error instanceof ApiError) || error.fields.length === 0)
    return fromError(error, IMPORT_FIELDS, 'file');
  const note = error.fields.filter((f) => f.field === 'note');
  const file = error.fields.filter((f) => f.field !== 'note');
  const summary: SummaryItem[] = [
    ...file.map((p) => ({ text: p.problem, field: 'file' })),
    ...note.map((p) => ({ text: p.problem, field: 'note' })),
  ];
  const fields: Record<string, string> = {};
  if (file.length === 1) fields.file = file[0]!.problem;
  if (file.length > 1)
    fields.file = `The catalogue was not imported: correct the ${file.length} problems listed, then try again`;
  if (note.length > 0) fields.note = note[0]!.problem;
  return { summary, fields };
}
