import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  dataCategoryLabels,
  fieldGroupDefinitions,
  fieldGroups,
} from '../../../domain/policy/field-groups.ts';
import { purposeDefinitions, purposes } from '../../../domain/policy/purposes.ts';
import { mayActForAs } from '../../../domain/policy/role-purposes.ts';
import { createScopedReader } from '../../../domain/policy/scoped-reader.ts';
import {
  FieldGroupsView,
  PurposesView,
  SubjectAccessView,
  SubjectParams,
  SubjectReadQuery,
  SubjectRecordsView,
} from '../contracts/policy.ts';
import type { AppEnv, HttpDeps } from '../http-deps.ts';
import { commonErrors, jsonResponse } from '../openapi-responses.ts';
import { requireSession } from '../session-middleware.ts';
import { toSubjectAccessView, toSubjectRecordsView } from './policy-view.ts';

const tags = ['Policy'];

export function policyRoutes(deps: HttpDeps, app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/subjects/{subjectId}/records',
      tags,
      summary: "A person's records that you may see for a purpose",
      description:
        'Only the records the agreements in force allow, each with what allowed it. A person who does not exist and one you may not see both answer 404 with the same body.',
      request: { params: SubjectParams, query: SubjectReadQuery },
      responses: { 200: jsonResponse(SubjectRecordsView, 'Records and what allowed them'), ...commonErrors },
    }),
    async (c) => {
      const { subjectId } = c.req.valid('param');
      const { purpose, fieldGroups: requested } = c.req.valid('query');
      const reader = createScopedReader(deps, requireSession(c).actor, purpose);
      const result = await reader.readSubjectRecords(subjectId, requested ? { fieldGroups: requested } : {});
      return c.json(toSubjectRecordsView(result), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/subjects/{subjectId}/access',
      tags,
      summary: 'Why can I see this: the decisions behind what you are shown about a person',
      request: { params: SubjectParams, query: SubjectReadQuery },
      responses: { 200: jsonResponse(SubjectAccessView, 'Shown and not shown, in words'), ...commonErrors },
    }),
    async (c) => {
      const { subjectId } = c.req.valid('param');
      const { purpose, fieldGroups: requested } = c.req.valid('query');
      const reader = createScopedReader(deps, requireSession(c).actor, purpose);
      const result = await reader.explainAccess(subjectId, requested ? { fieldGroups: requested } : {});
      return c.json(toSubjectAccessView(result), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/policy/purposes',
      tags,
      summary: 'Purposes for which subject data may be used, and whether your role may act for each',
      responses: { 200: jsonResponse(PurposesView, 'Purposes'), ...commonErrors },
    }),
    (c) => {
      const { actor } = requireSession(c);
      return c.json(
        {
          purposes: purposes.map((id) => ({
            id,
            ...purposeDefinitions[id],
            mayActFor: actor.kind === 'user' && mayActForAs(actor, id),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/policy/field-groups',
      tags,
      summary: 'Field groups: the units in which agreements share data',
      responses: { 200: jsonResponse(FieldGroupsView, 'Field groups'), ...commonErrors },
    }),
    (c) => {
      requireSession(c);
      return c.json(
        {
          fieldGroups: fieldGroups.map((id) => {
            const definition = fieldGroupDefinitions[id];
            return {
              id,
              ...definition,
              fields: [...definition.fields],
              categoryLabel: dataCategoryLabels[definition.category],
            };
          }),
        },
        200,
      );
    },
  );
}
