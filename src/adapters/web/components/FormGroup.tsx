import type { ReactNode } from 'react';

/** The ids a field's aria-describedby should name, given whether it has a hint and an error. */
export function describedBy(
  id: string,
  hint: ReactNode | undefined,
  error: string | undefined,
): string | undefined {
  const ids = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`].filter(
    Boolean,
  );
  return ids.length === 0 ? undefined : ids.join(' ');
}

interface FormGroupProps {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode | undefined;
  readonly error?: string | undefined;
  readonly labelClassName?: string;
  readonly children: ReactNode;
}

/** A label, optional hint and inline error message around one control (GOV.UK form group). */
export function FormGroup({ id, label, hint, error, labelClassName, children }: FormGroupProps) {
  return (
    <div className={error === undefined ? 'govuk-form-group' : 'govuk-form-group govuk-form-group--error'}>
      <label
        className={labelClassName === undefined ? 'govuk-label' : `govuk-label ${labelClassName}`}
        htmlFor={id}
      >
        {label}
      </label>
      {hint !== undefined && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error !== undefined && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      {children}
    </div>
  );
}
