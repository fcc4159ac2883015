import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { formatDateTime } from '../../format.ts';
import { useApiData } from '../../use-api-data.ts';

/**
 * Over a child's view under 'emergency': that this is a break-glass, recorded and reviewed, and
 * how long it has left. The time comes from the server's own record of the grant.
 */
export function BreakGlassBanner({ personId }: { readonly personId: string }) {
  const [live] = useApiData(() => api.liveBreakGlasses(), [personId]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const glass =
    live.status === 'loaded' ? live.data.breakGlasses.find((b) => b.personId === personId) : undefined;
  const minutesLeft = glass ? Math.max(0, Math.ceil((Date.parse(glass.expiresAt) - now) / 60_000)) : null;
  return (
    <NotificationBanner title="Emergency access" heading="You broke glass to see this child">
      <p className="govuk-body" data-testid="break-glass-time-left">
        {minutesLeft === null
          ? 'This emergency access is recorded and will be reviewed.'
          : `${minutesLeft} ${minutesLeft === 1 ? 'minute' : 'minutes'} left: access ends at ${formatDateTime(glass!.expiresAt)}.`}
      </p>
      <p className="govuk-body">
        Everything you open is recorded. The data protection officer and Caldicott guardian of each
        organisation holding this child’s records have been told, and will review why you broke glass.
      </p>
    </NotificationBanner>
  );
}
