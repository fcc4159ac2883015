// Every endpoint the web UI uses, typed with the server's contracts.
import { ApiError, request } from './api-client.ts';
import type {
  AuditEventPage,
  AuditVerification,
  CatalogueVersion,
  GatewayDetail,
  GatewayList,
  Organisation,
  Reference,
  Session,
  User,
} from './api-types.ts';

export interface AuditQuery {
  readonly actorId?: string;
  readonly subjectType?: string;
  readonly subjectId?: string;
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
  readonly before?: string;
  readonly limit?: number;
}

export interface GatewayQuery {
  readonly kind?: string;
  readonly organisationType?: string;
  readonly q?: string;
  readonly checked?: string;
}

/** Where the browser downloads the catalogue from (a plain link: the cookie goes with it). */
export const GATEWAY_EXPORT_URL = '/api/gateways/export.xlsx';
const SPREADSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export const api = {
  /** The current session, or null when nobody is signed in. */
  async currentSession(): Promise<Session | null> {
    try {
      return await request<Session>('GET', '/session', { anonymous: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  signIn: (body: { email: string; password: string }) =>
    request<Session>('POST', '/session', { body, anonymous: true }),
  signOut: () => request<void>('DELETE', '/session'),
  switchMembership: (membershipId: string) =>
    request<Session>('PUT', '/session/membership', { body: { membershipId } }),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    request<Session>('POST', '/session/password', { body }),

  reference: () => request<Reference>('GET', '/reference'),
  organisations: async () =>
    (await request<{ organisations: Organisation[] }>('GET', '/organisations')).organisations,
  createOrganisation: async (body: { name: string; type: string }) =>
    (await request<{ organisation: Organisation }>('POST', '/organisations', { body })).organisation,

  users: async () => (await request<{ users: User[] }>('GET', '/users')).users,
  createUser: async (body: {
    email: string;
    displayName: string;
    password: string;
    organisationId: string;
    role: string;
  }) => (await request<{ user: User }>('POST', '/users', { body })).user,
  addMembership: async (userId: string, body: { organisationId: string; role: string }) =>
    (
      await request<{ membership: { id: string } }>(
        'POST',
        `/users/${encodeURIComponent(userId)}/memberships`,
        { body },
      )
    ).membership,
  endMembership: (userId: string, membershipId: string) =>
    request<void>(
      'DELETE',
      `/users/${encodeURIComponent(userId)}/memberships/${encodeURIComponent(membershipId)}`,
    ),

  auditEvents: (query: AuditQuery) => request<AuditEventPage>('GET', `/audit${queryString(query)}`),
  verifyAudit: () => request<AuditVerification>('GET', '/audit/verification'),

  gateways: (query: GatewayQuery) => request<GatewayList>('GET', `/gateways${queryString(query)}`),
  gateway: (id: string) => request<GatewayDetail>('GET', `/gateways/${encodeURIComponent(id)}`),
  importGateways: async (file: Blob, note: string) =>
    (
      await request<{ version: CatalogueVersion }>('POST', `/gateways/import${queryString({ note })}`, {
        file: { data: file, contentType: SPREADSHEET_TYPE },
      })
    ).version,
};
