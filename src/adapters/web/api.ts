// Every endpoint the web UI uses, typed with the server's contracts.
import { ApiError, request } from './api-client.ts';
import type {
  SetContactPointBody,
  CheckChange,
  CreatedRequest,
  CreateRequestBody,
  InformationRequest,
  RequestInbox,
  AgreementDetail,
  AgreementDue,
  AgreementOrganisation,
  AgreementQuality,
  AgreementReference,
  AgreementSummary,
  AuditEventPage,
  Coverage,
  CoverageBody,
  CreateAgreementBody,
  FlowBody,
  FlowRegister,
  Submitted,
  UpdateDraftBody,
  AuditVerification,
  BreakGlassBody,
  BreakGlassReviewBody,
  BreakGlassReviewResult,
  BreakGlassReviews,
  BrokenGlass,
  LiveBreakGlasses,
  ChildView,
  Chronology,
  Consent,
  RecordConsentBody,
  RecordedConsent,
  WithdrawConsentBody,
  PersonSearchRequest,
  PersonSearchResults,
  PurposeOption,
  GatewayDetail,
  GatewayList,
  LinkDecisionBody,
  LinkReview,
  LinkReviewList,
  IngestReport,
  IngestRun,
  UnsharedFeed,
  WaitingRecordList,
  Organisation,
  OrganisationContactPoint,
  Reference,
  RoleGrants,
  Session,
  Worklist,
  AlertInbox,
  WhoHasSeen,
  User,
  DecisionAnswer,
  RecordedDecision,
} from './api-types.ts';
import type { Situation } from '../../domain/decisions/situation.ts';
import type { RecordDecisionBody } from './pages/decisions/decision-body.ts';

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
/** The flow register as CSV, and an agreement as a Word document (plain links). */
export const FLOW_REGISTER_CSV_URL = '/api/agreements/flows.csv';
export const agreementDocumentUrl = (id: string, version?: number) =>
  `/api/agreements/${encodeURIComponent(id)}/document.docx${version === undefined ? '' : `?version=${version}`}`;

export interface AgreementQuery {
  readonly status?: string;
  readonly tier?: string;
}

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export interface ChronologyQuery {
  readonly purpose: string;
  readonly organisationIds?: string;
  readonly fieldGroups?: string;
  readonly kinds?: string;
  readonly from?: string;
  readonly to?: string;
  readonly factOrOpinion?: string;
}

const personPath = (id: string) => `/persons/${encodeURIComponent(id)}`;
/** The chronology as CSV (a plain link: the cookie goes with it). */
export const chronologyCsvUrl = (id: string, query: ChronologyQuery) =>
  `/api${personPath(id)}/chronology.csv${queryString(query)}`;

const requestPath = (id: string) => `/requests/${encodeURIComponent(id)}`;
const checkPath = (id: string, organisationId: string, act: string) =>
  `${requestPath(id)}/checks/${encodeURIComponent(organisationId)}/${act}`;

export const api = {
  createRequest: (body: CreateRequestBody) => request<CreatedRequest>('POST', '/requests', { body }),
  requestInbox: (view: string, rag?: string) =>
    request<RequestInbox>('GET', `/requests/inbox${queryString({ view, rag })}`),
  informationRequest: (id: string) => request<InformationRequest>('GET', requestPath(id)),
  /** act: clarification-request, clarification, verification-request, verification, refusal. */
  actOnCheck: (id: string, organisationId: string, act: string, body: object) =>
    request<CheckChange>('POST', checkPath(id, organisationId, act), { body }),
  withdrawRequest: (id: string, reason: string) =>
    request<{ withdrawn: number }>('POST', `${requestPath(id)}/withdrawal`, { body: { reason } }),

  worklist: () => request<Worklist>('GET', '/worklist'),
  purposes: async () => (await request<{ purposes: PurposeOption[] }>('GET', '/policy/purposes')).purposes,
  // A POST, so that names and identifiers never sit in a URL, the history or an access log.
  searchPersons: (body: PersonSearchRequest) =>
    request<PersonSearchResults>('POST', '/persons/search', { body }),
  childView: (id: string, purpose: string) =>
    request<ChildView>('GET', `${personPath(id)}/view${queryString({ purpose })}`),
  breakGlass: (body: BreakGlassBody) => request<BrokenGlass>('POST', '/break-glass', { body }),
  liveBreakGlasses: () => request<LiveBreakGlasses>('GET', '/break-glass/live'),
  breakGlassReviews: () => request<BreakGlassReviews>('GET', '/break-glass/reviews'),
  reviewBreakGlass: (id: string, body: BreakGlassReviewBody) =>
    request<BreakGlassReviewResult>('POST', `/break-glass/${encodeURIComponent(id)}/review`, { body }),
  consents: async (personId: string) =>
    (await request<{ consents: Consent[] }>('GET', `${personPath(personId)}/consents`)).consents,
  recordConsent: (personId: string, body: RecordConsentBody) =>
    request<RecordedConsent>('POST', `${personPath(personId)}/consents`, { body }),
  withdrawConsent: (consentId: string, body: WithdrawConsentBody) =>
    request<{ consent: Consent }>('POST', `/consents/${encodeURIComponent(consentId)}/withdrawal`, { body }),
  chronology: (id: string, query: ChronologyQuery) =>
    request<Chronology>('GET', `${personPath(id)}/chronology${queryString(query)}`),

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
  contactPoint: (organisationId: string) =>
    request<OrganisationContactPoint>(
      'GET',
      `/organisations/${encodeURIComponent(organisationId)}/contact-point`,
    ),
  setContactPoint: (organisationId: string, body: SetContactPointBody) =>
    request<OrganisationContactPoint>(
      'PUT',
      `/organisations/${encodeURIComponent(organisationId)}/contact-point`,
      {
        body,
      },
    ),
  organisations: async () =>
    (await request<{ organisations: Organisation[] }>('GET', '/organisations')).organisations,
  createOrganisation: async (body: { name: string; type: string }) =>
    (await request<{ organisation: Organisation }>('POST', '/organisations', { body })).organisation,

  users: async () => (await request<{ users: User[] }>('GET', '/users')).users,
  roleGrants: () => request<RoleGrants>('GET', '/role-grants'),
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
  whoHasSeen: (subjectType: string, subjectId: string) =>
    request<WhoHasSeen>('GET', `/audit/seen${queryString({ subjectType, subjectId })}`),
  verifyAudit: () => request<AuditVerification>('GET', '/audit/verification'),

  gateways: (query: GatewayQuery) => request<GatewayList>('GET', `/gateways${queryString(query)}`),
  gateway: (id: string) => request<GatewayDetail>('GET', `/gateways/${encodeURIComponent(id)}`),

  ingestRuns: async () => (await request<{ runs: IngestRun[] }>('GET', '/feeds/runs')).runs,
  ingestRun: (runId: string) => request<IngestReport>('GET', `/feeds/runs/${encodeURIComponent(runId)}`),
  recordsWaitingForIdentity: (feed?: string) =>
    request<WaitingRecordList>('GET', `/feeds/waiting${queryString(feed ? { feed } : {})}`),
  unsharedFeeds: async () => (await request<{ unshared: UnsharedFeed[] }>('GET', '/feeds/unshared')).unshared,

  agreements: async (query: AgreementQuery) =>
    (await request<{ agreements: AgreementSummary[] }>('GET', `/agreements${queryString(query)}`)).agreements,
  agreementsDueForReview: async () =>
    (await request<{ agreements: AgreementDue[] }>('GET', '/agreements/due-for-review')).agreements,
  agreementReference: () => request<AgreementReference>('GET', '/agreements/reference'),
  agreementOrganisations: async () =>
    (await request<{ organisations: AgreementOrganisation[] }>('GET', '/agreements/organisations'))
      .organisations,
  agreement: async (id: string) =>
    (await request<{ agreement: AgreementDetail }>('GET', agreementPath(id))).agreement,
  agreementQuality: (id: string) => request<AgreementQuality>('GET', `${agreementPath(id)}/quality`),
  createAgreement: async (body: CreateAgreementBody) =>
    (await request<{ agreement: AgreementDetail }>('POST', '/agreements', { body })).agreement,
  updateAgreementDraft: async (id: string, body: UpdateDraftBody) =>
    (await request<{ agreement: AgreementDetail }>('PUT', `${agreementPath(id)}/draft`, { body })).agreement,
  addAgreementFlow: async (id: string, body: FlowBody) =>
    (await request<{ agreement: AgreementDetail }>('POST', `${agreementPath(id)}/flows`, { body })).agreement,
  updateAgreementFlow: async (id: string, flowId: string, body: FlowBody) =>
    (
      await request<{ agreement: AgreementDetail }>(
        'PUT',
        `${agreementPath(id)}/flows/${encodeURIComponent(flowId)}`,
        { body },
      )
    ).agreement,
  removeAgreementFlow: async (id: string, flowId: string) =>
    (
      await request<{ agreement: AgreementDetail }>(
        'DELETE',
        `${agreementPath(id)}/flows/${encodeURIComponent(flowId)}`,
      )
    ).agreement,
  submitAgreement: (id: string) => request<Submitted>('POST', `${agreementPath(id)}/submit`, { body: {} }),
  signAgreement: (id: string, version: number, declaration: boolean) =>
    agreementAct(id, 'sign', { version, declaration }),
  amendAgreement: (id: string) => agreementAct(id, 'amend', {}),
  resumeAgreement: (id: string) => agreementAct(id, 'resume', {}),
  suspendAgreement: (id: string, reason: string) => agreementAct(id, 'suspend', { reason }),
  terminateAgreement: (id: string, reason: string) => agreementAct(id, 'terminate', { reason }),
  alerts: () => request<AlertInbox>('GET', '/alerts'),
  acknowledgeAlert: (id: string) =>
    request<{ acknowledgedAt: string }>('POST', `/alerts/${encodeURIComponent(id)}/acknowledgement`, {
      body: {},
    }),
  flowRegister: () => request<FlowRegister>('GET', '/agreements/flows'),
  checkCoverage: (body: CoverageBody) => request<Coverage>('POST', '/agreements/coverage', { body }),

  evaluateSituation: (situation: Situation) =>
    request<DecisionAnswer>('POST', '/decisions/evaluate', { body: situation }),
  /** One key per decision path: a repeated submission (a double click) records once. */
  recordDecision: (body: RecordDecisionBody, idempotencyKey: string) =>
    request<RecordedDecision>('POST', '/decisions', { body, headers: { 'Idempotency-Key': idempotencyKey } }),

  linkReviews: (status?: string) => request<LinkReviewList>('GET', `/link-reviews${queryString({ status })}`),
  linkReview: (id: string) => request<LinkReview>('GET', `/link-reviews/${encodeURIComponent(id)}`),
  decideLinkReview: (id: string, body: LinkDecisionBody) =>
    request<{ decisionId: string; moved: number }>(
      'POST',
      `/link-reviews/${encodeURIComponent(id)}/decision`,
      {
        body,
      },
    ),
  undoLinkReview: (id: string, reason: string) =>
    request<{ decisionId: string; restored: number }>(
      'POST',
      `/link-reviews/${encodeURIComponent(id)}/undo`,
      {
        body: { reason },
      },
    ),
};

function agreementPath(id: string): string {
  return `/agreements/${encodeURIComponent(id)}`;
}

async function agreementAct(id: string, act: string, body: object): Promise<AgreementDetail> {
  return (await request<{ agreement: AgreementDetail }>('POST', `${agreementPath(id)}/${act}`, { body }))
    .agreement;
}
