// Turns API errors into the GOV.UK error pattern: a summary whose items link to the fields, and a
// message beside each field. Field ids in the forms are the request body keys.
import { ApiError, SERVICE_PROBLEM, SESSION_ENDED } from './api-client.ts';
import type { FieldProblem } from './api-types.ts';

export interface SummaryItem {
  readonly text: string;
  /** The id of the field the error is about; no link when the error is not about one field. */
  readonly field?: string;
  /**
   * The page that holds the field, when it is not this one (a "check your answers" page): the
   * link goes there, handing it `state`.
   */
  readonly page?: { readonly to: string; readonly state?: unknown };
}

export interface FormErrors {
  readonly summary: readonly SummaryItem[];
  readonly fields: Readonly<Record<string, string>>;
}

export const noErrors: FormErrors = { summary: [], fields: {} };

export function hasErrors(errors: FormErrors): boolean {
  return errors.summary.length > 0;
}

/** Problems in the order of the form's fields; problems about other keys are listed without a link. */
export function fromProblems(problems: readonly FieldProblem[], formFields: readonly string[]): FormErrors {
  const fields: Record<string, string> = {};
  const linked: SummaryItem[] = [];
  const unlinked: SummaryItem[] = [];
  for (const { field, problem } of problems) {
    if (!formFields.includes(field)) unlinked.push({ text: problem });
    else if (fields[field] === undefined) {
      fields[field] = problem;
      linked.push({ text: problem, field });
    }
  }
  linked.sort((a, b) => formFields.indexOf(a.field ?? '') - formFields.indexOf(b.field ?? ''));
  return { summary: [...linked, ...unlinked], fields };
}

/**
 * Errors for a failed request. `generalField` is where a problem that names no field is shown
 * (for example a wrong email or password is shown at the password field).
 */
export function fromError(error: unknown, formFields: readonly string[], generalField?: string): FormErrors {
  if (!(error instanceof ApiError)) return { summary: [{ text: SERVICE_PROBLEM }], fields: {} };
  if (error.code === SESSION_ENDED) return noErrors;
  if (error.fields.length > 0) return fromProblems(error.fields, formFields);
  const message = error.status >= 500 ? SERVICE_PROBLEM : error.message;
  if (generalField === undefined) return { summary: [{ text: message }], fields: {} };
  return { summary: [{ text: message, field: generalField }], fields: { [generalField]: message } };
}
