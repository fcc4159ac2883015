import { createRoute, type OpenAPIHono, type RouteConfig, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Actor } from '../../../domain/shared/actor.ts';
import type { AgreementParams, FlowParams } from '../contracts/agreements.ts';
import type { AppEnv } from '../http-deps.ts';
import { commonErrors, jsonBody, type jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';

type Params = typeof AgreementParams | typeof FlowParams;
type BodyOf<B> = B extends z.ZodType ? z.output<B> : undefined;

/** One change to an agreement, as the OpenAPI document describes it. */
export interface AgreementChange<P extends Params, B extends z.ZodType | undefined> {
  readonly method: 'post' | 'put' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly params: P;
  /** The JSON body, if the change takes one. */
  readonly body?: B;
  /** 201 when the change adds something (a flow); 200 otherwise. */
  readonly status?: 200 | 201;
}

/**
 * Registers the routes that change an agreement: each validates its params and body, does one
 * use case, and answers with the whole agreement as it now is (so the page shows the change and
 * its history at once). Only what differs is written per route: its description and the act.
 */
export function agreementChangeRoutes(
  app: OpenAPIHono<AppEnv>,
  detail: ReturnType<typeof jsonResponse>,
  respond: (actor: Actor, agreementId: string) => Promise<unknown>,
) {
  return function change<P extends Params, B extends z.ZodType | undefined = undefined>(
    route: AgreementChange<P, B>,
    act: (actor: Actor, params: z.output<P>, body: BodyOf<B>) => Promise<unknown>,
  ): void {
    const status = route.status ?? 200;
    const config: RouteConfig = createRoute({
      method: route.method,
      path: route.path,
      tags: ['Agreements'],
      summary: route.summary,
      request: { params: route.params, ...(route.body ? { body: jsonBody(route.body) } : {}) },
      responses: { [status]: detail, ...commonErrors },
    });
    app.openapi(config, async (c) => {
      const { actor } = requireSession(c);
      const params = validated<z.output<P>>(c, 'param');
      await act(actor, params, (route.body ? validated(c, 'json') : undefined) as BodyOf<B>);
      return c.json(await respond(actor, params.agreementId), status);
    });
  };
}

/**
 * What the route validated, typed by the schemas it was built from. hono infers these types only
 * from a route written out literally; here the route is built from the schemas in `change`, which
 * validated the request before the handler runs, so the values are exactly those schemas' output.
 */
function validated<T>(c: Context, target: 'param' | 'json'): T {
  return (c.req as unknown as { valid(target: 'param' | 'json'): T }).valid(target);
}
