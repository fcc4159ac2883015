import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { LinkIndexes } from '../../domain/people/held-index.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import { errorResponse, validationError } from './error-response.ts';
import type { AppEnv, HttpDeps } from './http-deps.ts';
import { isFeedUpload, jsonBodyGuard } from './json-body-guard.ts';
import { feedRoutes } from './routes/feed-routes.ts';
import { agreementReportRoutes } from './routes/agreement-report-routes.ts';
import { agreementRoutes } from './routes/agreement-routes.ts';
import { gatewayRoutes } from './routes/gateway-routes.ts';
import { linkReviewRoutes } from './routes/link-review-routes.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { partnershipRoutes } from './routes/partnership-routes.ts';
import { roleGrantRoutes } from './routes/role-grant-routes.ts';
import { policyRoutes } from './routes/policy-routes.ts';
import { recordRoutes } from './routes/record-routes.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { gatedViewPaths, viewRoutes } from './routes/view-routes.ts';
import { worklistRoutes } from './routes/worklist-routes.ts';
import { decisionRoutes } from './routes/decision-routes.ts';
import { peopleFamilyNetwork } from '../../domain/view/people-family-network.ts';
import { SlidingWindowLimiter } from '../../domain/identity/rate-limiter.ts';
import { notFoundViewRule } from '../../domain/policy/limit-not-found-views.ts';
import { SessionCache } from './session-cache.ts';
import { sessionMiddleware } from './session-middleware.ts';
import { serveWebApp } from './static-web.ts';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The HTTP adapter: parse, call the use case, map the result. Routes hold no rules of their own;
 * authorisation and audit happen in the domain.
 */
export function createHttpApp(deps: HttpDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });

  app.use(requestId());
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
      strictTransportSecurity: deps.secureCookies ? 'max-age=63072000; includeSubDomains' : false,
    }),
  );
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    // Route patterns, never concrete paths or bodies: no personal data in logs.
    deps.logger.info({
      requestId: c.get('requestId'),
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const jsonLimit = bodyLimit({
    maxSize: BODY_LIMIT_BYTES,
    onError: () => {
      throw new DomainError('payload_too_large', 'The request body is larger than 1 MB');
    },
  });
  // A feed upload is limited as it streams, in its route (feed-routes.ts limitedBody): hono's
  // body limit would buffer a chunked upload whole.
  app.use('/api/*', (c, next) => (isFeedUpload(c) ? next() : jsonLimit(c, next)));
  app.use('/api/*', jsonBodyGuard);
  // The single view verifies a recently resolved session in its own statement (session-gate.ts).
  const sessionCache = new SessionCache();
  app.use('/api/*', sessionMiddleware(deps, { cache: sessionCache, paths: gatedViewPaths }));

  app.get('/api/health', (c) => c.json({ status: 'ok', database: deps.databaseKind }));
  sessionRoutes(deps, app);
  partnershipRoutes(deps, app);
  roleGrantRoutes(deps, app);
  auditRoutes(deps, app);
  gatewayRoutes(deps, app);
  // Agreements: the fixed paths (reference, flows, coverage…) before /api/agreements/{agreementId}.
  agreementReportRoutes(deps, app);
  agreementRoutes(deps, app);
  // One not-found limit per user across every read of subject data in this process.
  const readDeps = {
    ...deps,
    notFoundViews: deps.notFoundViews ?? new SlidingWindowLimiter(deps.clock, notFoundViewRule),
  };
  policyRoutes(readDeps, app);
  // One linkage index per partnership in this process, shared with ingest when it is given one.
  linkReviewRoutes({ ...deps, linkIndexes: deps.linkIndexes ?? new LinkIndexes() }, app);
  feedRoutes(deps, app);
  recordRoutes(deps, app);
  worklistRoutes(deps, app);
  decisionRoutes(deps, app);
  viewRoutes({ ...readDeps, familyNetwork: peopleFamilyNetwork, sessionCache }, app);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tessera API',
      version: '0.1.0',
      description: 'Multi-agency safeguarding information sharing',
    },
  });
  app.all('/api/*', () => {
    throw new DomainError('not_found', 'The page was not found');
  });
  if (deps.webRoot) serveWebApp(app, deps.webRoot);

  app.onError((error, c) => errorResponse(error, c, deps.logger));
  app.notFound((c) => errorResponse(new DomainError('not_found', 'The page was not found'), c, deps.logger));
  return app;
}
