// The one place the browser talks to the API: same-origin cookies, JSON bodies, the CSRF header
// on every state-changing request, one error shape, and "a 401 means the session has ended".
import type { FieldProblem } from './api-types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Thrown to the caller after the session-ended handler has run; pages can ignore it. */
export const SESSION_ENDED = 'session_ended';
export const SERVICE_PROBLEM = 'Sorry, there is a problem with the service. Try again later.';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface RequestOptions {
  readonly body?: unknown;
  /** Sign-in and the first session check: a 401 there is an answer, not an ended session. */
  readonly anonymous?: boolean;
  /** Extra headers, such as an Idempotency-Key that makes a repeated submission record once. */
  readonly headers?: Readonly<Record<string, string>>;
}

let csrfToken: string | null = null;
let sessionEnded: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function onSessionEnded(handler: () => void): void {
  sessionEnded = handler;
}

/**
 * When the server last saw this browser act in the session: each answered request resets the
 * server's idle clock (identity/resolve-session.ts), so the timeout warning counts from here.
 */
let lastActivityAt = Date.now();
export const lastActivity = (): number => lastActivityAt;

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && !options.anonymous && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(
      0,
      'network_error',
      'Tessera could not be reached. Check your connection and try again.',
    );
  }

  if (response.status !== 401) lastActivityAt = Date.now();
  if (response.status === 401 && !options.anonymous) {
    setCsrfToken(null);
    sessionEnded();
    throw new ApiError(401, SESSION_ENDED, 'You have been signed out');
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback =
    response.status === 429 ? 'Too many attempts. Wait a few minutes, then try again.' : SERVICE_PROBLEM;
  try {
    const body = (await response.json()) as {
      error?: { code?: unknown; message?: unknown; fields?: unknown };
    };
    const error = body.error ?? {};
    const code = typeof error.code === 'string' ? error.code : `http_${response.status}`;
    const message = typeof error.message === 'string' && error.message !== '' ? error.message : fallback;
    const fields = Array.isArray(error.fields) ? (error.fields as FieldProblem[]) : [];
    return new ApiError(response.status, code, message, fields);
  } catch {
    return new ApiError(response.status, `http_${response.status}`, fallback);
  }
}
