import { useEffect, useId, useRef, type ReactNode } from 'react';

interface NotificationBannerProps {
  readonly type?: 'important' | 'success';
  readonly title?: string;
  readonly heading: ReactNode;
  readonly children?: ReactNode;
}

/**
 * GOV.UK notification banner. A success banner reports the result of what the user just did, so
 * it is announced and focused, as GOV.UK Frontend does.
 */
export function NotificationBanner({
  type = 'important',
  title,
  heading,
  children,
}: NotificationBannerProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const success = type === 'success';

  useEffect(() => {
    if (success) ref.current?.focus();
  }, [success, heading]);

  return (
    <div
      className={
        success ? 'govuk-notification-banner govuk-notification-banner--success' : 'govuk-notification-banner'
      }
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
      tabIndex={success ? -1 : undefined}
      ref={ref}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
