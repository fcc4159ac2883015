import type { ReactNode } from 'react';
import { describedBy, FormGroup } from './FormGroup.tsx';

interface TextInputProps {
  /** Also the name, and the request body key, so that API errors find their field. */
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'email' | 'password' | 'date';
  readonly autoComplete?: string;
  readonly spellCheck?: boolean;
  /** A GOV.UK width class such as "govuk-input--width-20"; full width when absent. */
  readonly widthClass?: string;
}

export function TextInput(props: TextInputProps) {
  const {
    id,
    label,
    hint,
    error,
    value,
    onChange,
    type = 'text',
    autoComplete,
    spellCheck,
    widthClass,
  } = props;
  const classes = ['govuk-input', widthClass, error === undefined ? null : 'govuk-input--error'].filter(
    Boolean,
  );
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        className={classes.join(' ')}
        id={id}
        name={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete ?? 'off'}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FormGroup>
  );
}
