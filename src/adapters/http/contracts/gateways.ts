import { z } from '@hono/zod-openapi';
import { gatewayKinds } from '../../../domain/gateways/gateway-kinds.ts';
import { organisationTypes } from '../../../domain/partnership/roles.ts';

export const GatewayQuery = z
  .strictObject({
    kind: z.enum(gatewayKinds, { error: 'Select a kind of gateway from the list' }).optional(),
    organisationType: z
      .enum(organisationTypes, { error: 'Select an organisation type from the list' })
      .optional(),
    q: z.string().trim().max(200, { error: 'Search text must be 200 characters or fewer' }).optional(),
    checked: z
      .enum(['true', 'false'], { error: 'Choose whether to show gateways whose wording is checked or not' })
      .optional(),
  })
  .openapi('GatewayQuery');

export const GatewayParams = z.object({
  id: z.string().max(100, { error: 'Enter a gateway ID of 100 characters or fewer' }),
});

const Labelled = z.object({ id: z.string(), label: z.string() });

export const GatewayView = z
  .object({
    id: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    title: z.string(),
    citation: z.string(),
    permits: z.string().openapi({ description: 'A paraphrase, never statutory wording' }),
    organisationTypes: z.array(Labelled),
    /** True when every organisation type is listed, so a page can say "all" rather than list them. */
    appliesToAll: z.boolean(),
    sources: z.array(z.string()),
    wordingChecked: z.boolean().openapi({
      description: 'Whether the paraphrase has been checked against legislation.gov.uk',
    }),
  })
  .openapi('Gateway');

export const CatalogueVersionView = z
  .object({ version: z.number(), createdAt: z.string(), note: z.string(), rowCount: z.number() })
  .openapi('GatewayCatalogueVersion');

export const GatewayListView = z
  .object({
    version: CatalogueVersionView.nullable(),
    gateways: z.array(GatewayView),
    /** The kinds, for filter controls. */
    kinds: z.array(Labelled),
  })
  .openapi('GatewayList');

export const GatewayDetailView = z
  .object({ version: CatalogueVersionView, gateway: GatewayView })
  .openapi('GatewayDetail');
