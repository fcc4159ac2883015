import { fieldGroupDefinitions, isFieldGroup } from '../../../../domain/policy/field-groups.ts';
import type { IngestRun } from '../../api-types.ts';

/** A field group as agreements name it ("Police incidents"), or the code if it is unknown. */
export const fieldGroupLabel = (code: string): string =>
  isFieldGroup(code) ? fieldGroupDefinitions[code].label : code;

export const statusLabels = {
  running: { text: 'Running', colour: 'govuk-tag--blue' },
  completed: { text: 'Completed', colour: 'govuk-tag--green' },
  failed: { text: 'Failed', colour: 'govuk-tag--red' },
  // A later run of the same feed found it unfinished: what it committed is kept.
  interrupted: { text: 'Interrupted', colour: 'govuk-tag--orange' },
} as const satisfies Record<IngestRun['status'], { text: string; colour: string }>;
