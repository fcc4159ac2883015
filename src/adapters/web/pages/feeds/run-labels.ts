import type { IngestRun } from '../../api-types.ts';

export const statusLabels = {
  running: { text: 'Running', colour: 'govuk-tag--blue' },
  completed: { text: 'Completed', colour: 'govuk-tag--green' },
  failed: { text: 'Failed', colour: 'govuk-tag--red' },
  // A later run of the same feed found it unfinished: what it committed is kept.
  interrupted: { text: 'Interrupted', colour: 'govuk-tag--orange' },
} as const satisfies Record<IngestRun['status'], { text: string; colour: string }>;
