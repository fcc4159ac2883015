import { ErrorBody } from './contracts/common.ts';

/** The error responses every route may give, for the OpenAPI document. */
const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
});

export const commonErrors = {
  400: error('A field is missing or wrong; `fields` names each one'),
  401: error('Not signed in, or the session has ended'),
  404: error('Not found, or not yours to see (the two are indistinguishable)'),
  415: error('The body is not application/json'),
} as const;

export function jsonBody<T>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

export function jsonResponse<T>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description } as const;
}
