import { z } from '@hono/zod-openapi';
import { alertKinds } from '../../../domain/alerts/alert-kinds.ts';
import { purposes } from '../../../domain/policy/purposes.ts';
import { Uuid } from './common.ts';

/** One alert in the inbox: its kind's minimal content and the child only as a link. */
export const AlertView = z
  .object({
    id: z.string(),
    kind: z.enum(Object.keys(alertKinds) as [keyof typeof alertKinds, ...(keyof typeof alertKinds)[]]),
    content: z.record(z.string(), z.unknown()).openapi({
      description: 'Which agency, when, what kind of contact: by kind (alert-kinds.ts); never a name',
    }),
    child: z
      .object({ personId: z.string(), purpose: z.enum(purposes) })
      .nullable()
      .openapi({
        description:
          'The child to open through the single view, for this purpose; null when there is none you may open',
      }),
    raisedAt: z.string(),
    acknowledgeBy: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
  })
  .openapi('Alert');

export const AlertInbox = z
  .object({ alerts: z.array(AlertView), unacknowledged: z.number().int() })
  .openapi('AlertInbox');

export const AlertParams = z.object({ alertId: Uuid });
export const AcknowledgementRequest = z.strictObject({}).openapi('AlertAcknowledgementRequest');
export const AcknowledgementView = z.object({ acknowledgedAt: z.string() }).openapi('AlertAcknowledgement');
