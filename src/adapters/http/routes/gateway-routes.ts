import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { exportGatewayCatalogue } from '../../../domain/gateways/export-gateway-catalogue.ts';
import { findGateways } from '../../../domain/gateways/find-gateways.ts';
import { getCurrentCatalogueVersion } from '../../../domain/gateways/get-current-catalogue-version.ts';
import { getGateway } from '../../../domain/gateways/get-gateway.ts';
import type { CatalogueVersion, Gateway } from '../../../domain/gateways/gateway.ts';
import { gatewayKindLabels, gatewayKinds } from '../../../domain/gateways/gateway-kinds.ts';
import { organisationTypeLabels, organisationTypes } from '../../../domain/partnership/roles.ts';
import {
  CatalogueVersionView,
  GatewayDetailView,
  GatewayListView,
  GatewayParams,
  GatewayQuery,
} from '../contracts/gateways.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { SPREADSHEET_TYPE } from '../json-body-guard.ts';
import { commonErrors, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

const tags = ['Legal gateways'];

const gatewayView = (g: Gateway) => ({
  ...g,
  kindLabel: gatewayKindLabels[g.kind],
  organisationTypes: g.organisationTypes.map((id) => ({ id, label: organisationTypeLabels[id] })),
  appliesToAll: organisationTypes.every((t) => g.organisationTypes.includes(t)),
  sources: [...g.sources],
});

const versionView = (v: CatalogueVersion): z.infer<typeof CatalogueVersionView> => ({
  version: v.version,
  createdAt: v.createdAt.toISOString(),
  note: v.note,
  rowCount: v.rowCount,
});

/** The catalogue is public law: any signed-in user may read and download it. */
export function gatewayRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/gateways',
      tags,
      summary: 'The legal gateway catalogue (current version), filtered',
      request: { query: GatewayQuery },
      responses: { 200: jsonResponse(GatewayListView, 'Gateways, in catalogue order'), ...commonErrors },
    }),
    async (c) => {
      requireSession(c);
      const q = c.req.valid('query');
      const [version, gateways] = await Promise.all([
        getCurrentCatalogueVersion(deps.db),
        findGateways(deps.db, { ...q, checked: q.checked === undefined ? undefined : q.checked === 'true' }),
      ]);
      return c.json(
        {
          version: version && versionView(version),
          gateways: gateways.map(gatewayView),
          kinds: gatewayKinds.map((id) => ({ id, label: gatewayKindLabels[id] })),
        },
        200,
      );
    },
  );

  // Before /api/gateways/{id}, which would otherwise take "export.xlsx" for an id.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/gateways/export.xlsx',
      tags,
      summary: 'Download the current catalogue as an Excel workbook (audited)',
      responses: {
        200: {
          description: 'The workbook',
          content: { [SPREADSHEET_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { workbook, filename } = await exportGatewayCatalogue(deps, requireSession(c).actor);
      return c.body(new Uint8Array(workbook), 200, {
        'Content-Type': SPREADSHEET_TYPE,
        'Content-Disposition': `attachment; filename="${filename}"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/gateways/{id}',
      tags,
      summary: 'One legal gateway of the current catalogue',
      request: { params: GatewayParams },
      responses: { 200: jsonResponse(GatewayDetailView, 'The gateway'), ...commonErrors },
    }),
    async (c) => {
      requireSession(c);
      const gateway = await getGateway(deps.db, c.req.valid('param').id);
      const version = (await getCurrentCatalogueVersion(deps.db))!;
      return c.json({ version: versionView(version), gateway: gatewayView(gateway) }, 200);
    },
  );
}
