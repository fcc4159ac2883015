import { useEffect, useRef, type MouseEvent } from 'react';
import { Link } from 'react-router';
import type { FormErrors } from '../form-errors.ts';

/** Moves to a field the way GOV.UK Frontend does: its label in view, the field focused. */
function goToField(event: MouseEvent<HTMLAnchorElement>, field: string): void {
  const input = document.getElementById(field);
  if (!input) return;
  event.preventDefault();
  const legend = input.closest('fieldset')?.querySelector('legend');
  const label = legend ?? document.querySelector(`label[for="${CSS.escape(field)}"]`);
  (label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}

/** The GOV.UK error summary: at the top of the page, focused when errors appear. */
export function ErrorSummary({ errors }: { readonly errors: FormErrors }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.summary.length > 0) ref.current?.focus();
  }, [errors]);

  if (errors.summary.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.summary.map((item) => (
              <li key={`${item.field ?? ''}:${item.text}`}>
                {item.page !== undefined ? (
                  <Link
                    to={`${item.page.to}${item.field === undefined ? '' : `#${item.field}`}`}
                    state={item.page.state}
                  >
                    {item.text}
                  </Link>
                ) : item.field === undefined ? (
                  item.text
                ) : (
                  <a href={`#${item.field}`} onClick={(event) => goToField(event, item.field ?? '')}>
                    {item.text}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
