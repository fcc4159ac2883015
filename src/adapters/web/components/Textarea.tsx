import type { ReactNode } from 'react';
import { describedBy, FormGroup } from './FormGroup.tsx';

interface TextareaProps {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly rows?: number;
}

export function Textarea({ id, label, hint, error, value, onChange, rows = 4 }: TextareaProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <textarea
        className={error === undefined ? 'govuk-textarea' : 'govuk-textarea govuk-textarea--error'}
        id={id}
        name={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FormGroup>
  );
}
