import type { ReactNode } from 'react';
import type { SelectOption } from './Select.tsx';

interface CheckboxesProps {
  /** The first checkbox gets this id, so that an error summary link lands on the group. */
  readonly id: string;
  readonly legend: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  readonly values: readonly string[];
  readonly onChange: (values: string[]) => void;
  readonly options: readonly (SelectOption & { readonly hint?: string })[];
  /** "s" for long lists of short items: GOV.UK's small checkboxes. */
  readonly small?: boolean;
}

/** A GOV.UK checkboxes group; the values come back in the order of the options. */
export function Checkboxes({ id, legend, hint, error, values, onChange, options, small }: CheckboxesProps) {
  const describedBy = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`]
    .filter(Boolean)
    .join(' ');
  function toggle(value: string, checked: boolean): void {
    const next = new Set(values);
    if (checked) next.add(value);
    else next.delete(value);
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  }
  return (
    <div className={error === undefined ? 'govuk-form-group' : 'govuk-form-group govuk-form-group--error'}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy === '' ? undefined : describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
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
        <div
          className={small ? 'govuk-checkboxes govuk-checkboxes--small' : 'govuk-checkboxes'}
          data-module="govuk-checkboxes"
        >
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="govuk-checkboxes__item" key={option.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={optionId}
                  name={id}
                  type="checkbox"
                  value={option.value}
                  checked={values.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                  aria-describedby={option.hint === undefined ? undefined : `${optionId}-hint`}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint !== undefined && (
                  <div id={`${optionId}-hint`} className="govuk-hint govuk-checkboxes__hint">
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
