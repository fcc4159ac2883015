// The shapes of the HTTP API, taken from the server's own contracts. Type-only imports: no zod
// code reaches the browser bundle.
import type { z } from '@hono/zod-openapi';
import type { Capability } from '../../domain/partnership/capabilities.ts';
import type {
  AgreementDetailView,
  AgreementOrganisationsResponse,
  AgreementReferenceResponse,
  AgreementSummaryView,
  CoverageResponse,
  DueForReviewResponse,
  FlowRegisterResponse,
  FlowView,
  QualityResponse,
  SubmittedResponse,
  VersionView,
} from '../http/contracts/agreement-views.ts';
import type {
  CoverageRequest,
  CreateAgreementRequest,
  FlowRequest,
  UpdateDraftRequest,
} from '../http/contracts/agreements.ts';
import type {
  AuditEventView,
  AuditPage,
  AuditVerificationView,
  WhoHasSeenView,
} from '../http/contracts/audit.ts';
import type { ErrorBody } from '../http/contracts/common.ts';
import type { AlertInbox as AlertInboxView } from '../http/contracts/alerts.ts';
import type {
  BreakGlassRequest,
  BreakGlassResponse,
  BreakGlassReviewListResponse,
  BreakGlassReviewRequest,
  BreakGlassReviewResponse,
  LiveBreakGlassResponse,
} from '../http/contracts/break-glass.ts';
import type {
  ConsentView,
  RecordConsentRequest,
  RecordedConsentResponse,
  WithdrawConsentRequest,
} from '../http/contracts/consent.ts';
import type {
  CheckChangeResponse,
  CreatedRequestResponse,
  InboxResponse,
  RequestResponse,
} from '../http/contracts/requests.ts';
import type { CreateRequestInput } from '../../domain/requests/request-input.ts';
import type { AnswerView, RecordedDecisionView } from '../http/contracts/decisions.ts';
import type {
  IngestReportView,
  IngestRunView,
  UnsharedFeedListView,
  WaitingRecordListView,
} from '../http/contracts/feeds.ts';
import type {
  CatalogueVersionView,
  GatewayDetailView,
  GatewayListView,
  GatewayView,
} from '../http/contracts/gateways.ts';
import type {
  LinkDecisionRequest,
  LinkReviewListResponse,
  LinkReviewResponse,
} from '../http/contracts/link-reviews.ts';
import type {
  OrganisationContactPointView,
  OrganisationView,
  ReferenceView,
  RoleGrantsResponse,
  SetContactPointRequest,
  UserView,
} from '../http/contracts/partnership.ts';
import type { PurposesView } from '../http/contracts/policy.ts';
import type { MembershipView, SessionView } from '../http/contracts/session.ts';
import type { WorklistView } from '../http/contracts/worklist.ts';
import type {
  ChildViewResponse,
  ChronologyResponse,
  PersonSearchBody,
  PersonSearchResponse,
} from '../http/contracts/view.ts';

export type Session = z.infer<typeof SessionView>;
export type Worklist = z.infer<typeof WorklistView>;
export type AlertInbox = z.infer<typeof AlertInboxView>;
export type InboxAlert = AlertInbox['alerts'][number];
export type LinkReviewList = z.infer<typeof LinkReviewListResponse>;
export type LinkReview = z.infer<typeof LinkReviewResponse>;
export type LinkDecisionBody = z.infer<typeof LinkDecisionRequest>;
export type IngestRun = z.infer<typeof IngestRunView>;
export type IngestReport = z.infer<typeof IngestReportView>;
export type WaitingRecordList = z.infer<typeof WaitingRecordListView>;
export type UnsharedFeed = z.infer<typeof UnsharedFeedListView>['unshared'][number];
export type Membership = z.infer<typeof MembershipView>;
export type Organisation = z.infer<typeof OrganisationView>;
export type OrganisationContactPoint = z.infer<typeof OrganisationContactPointView>;
export type SetContactPointBody = z.input<typeof SetContactPointRequest>;
export type User = z.infer<typeof UserView>;
export type UserMembership = User['memberships'][number];
export type Reference = z.infer<typeof ReferenceView>;
export type RoleGrants = z.infer<typeof RoleGrantsResponse>;
export type AuditEvent = z.infer<typeof AuditEventView>;
export type AuditEventPage = z.infer<typeof AuditPage>;
export type AuditVerification = z.infer<typeof AuditVerificationView>;
export type WhoHasSeen = z.infer<typeof WhoHasSeenView>;
export type Gateway = z.infer<typeof GatewayView>;
export type RequestInbox = z.infer<typeof InboxResponse>;
export type InboxItem = RequestInbox['items'][number];
export type InformationRequest = z.infer<typeof RequestResponse>;
export type CreatedRequest = z.infer<typeof CreatedRequestResponse>;
export type CheckChange = z.infer<typeof CheckChangeResponse>;
export type CreateRequestBody = CreateRequestInput;
export type GatewayList = z.infer<typeof GatewayListView>;
export type GatewayDetail = z.infer<typeof GatewayDetailView>;
export type CatalogueVersion = z.infer<typeof CatalogueVersionView>;
export type AgreementSummary = z.infer<typeof AgreementSummaryView>;
export type AgreementDetail = z.infer<typeof AgreementDetailView>;
export type AgreementVersion = z.infer<typeof VersionView>;
export type AgreementFlow = z.infer<typeof FlowView>;
export type AgreementDue = z.infer<typeof DueForReviewResponse>['agreements'][number];
export type AgreementQuality = z.infer<typeof QualityResponse>;
export type AgreementReference = z.infer<typeof AgreementReferenceResponse>;
export type AgreementOrganisation = z.infer<typeof AgreementOrganisationsResponse>['organisations'][number];
export type Submitted = z.infer<typeof SubmittedResponse>;
export type Coverage = z.infer<typeof CoverageResponse>;
export type FlowRegister = z.infer<typeof FlowRegisterResponse>;
export type CreateAgreementBody = z.input<typeof CreateAgreementRequest>;
export type UpdateDraftBody = z.input<typeof UpdateDraftRequest>;
export type FlowBody = z.input<typeof FlowRequest>;
export type CoverageBody = z.input<typeof CoverageRequest>;
export type FieldProblem = NonNullable<ErrorBody['error']['fields']>[number];

/** What a role may do in administering the partnership: the server's own union, so they cannot drift. */
export type { Capability } from '../../domain/partnership/capabilities.ts';

export function can(session: Session, ...anyOf: readonly Capability[]): boolean {
  return anyOf.some((capability) => session.capabilities.includes(capability));
}

// The single view (http/contracts/view.ts) and the purposes a role may act for.
export type ChildView = z.infer<typeof ChildViewResponse>;
export type Chronology = z.infer<typeof ChronologyResponse>;
export type ChronologyEntry = ChildView['chronology'][number];
export type PersonSearchResults = z.infer<typeof PersonSearchResponse>;
export type PersonSearchRequest = z.input<typeof PersonSearchBody>;
export type PurposeOption = z.infer<typeof PurposesView>['purposes'][number];

// Break-glass (http/contracts/break-glass.ts).
export type BreakGlassBody = z.input<typeof BreakGlassRequest>;
export type BrokenGlass = z.infer<typeof BreakGlassResponse>;
export type LiveBreakGlasses = z.infer<typeof LiveBreakGlassResponse>;
export type BreakGlassReviews = z.infer<typeof BreakGlassReviewListResponse>;
export type BreakGlassReviewBody = z.input<typeof BreakGlassReviewRequest>;
export type BreakGlassReviewResult = z.infer<typeof BreakGlassReviewResponse>;
// Consents to share (http/contracts/consent.ts).
export type Consent = z.infer<typeof ConsentView>;
export type RecordConsentBody = z.input<typeof RecordConsentRequest>;
export type WithdrawConsentBody = z.input<typeof WithdrawConsentRequest>;
export type RecordedConsent = z.infer<typeof RecordedConsentResponse>;
// The guidance's answer to a situation (POST /api/decisions/evaluate), and a recorded decision
// (POST /api/decisions, the shared contract of issue 16 point 3).
export type DecisionAnswer = z.infer<typeof AnswerView>;
export type RecordedDecision = z.infer<typeof RecordedDecisionView>;
