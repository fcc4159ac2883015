import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { RequireCapability, RequireSession } from './components/Guards.tsx';
import { AddMembershipPage } from './pages/AddMembershipPage.tsx';
import { AgreementDetailPage } from './pages/agreements/AgreementDetailPage.tsx';
import { AgreementsPage } from './pages/agreements/AgreementsPage.tsx';
import { CoveragePage } from './pages/agreements/CoveragePage.tsx';
import { DraftAgreementPage } from './pages/agreements/DraftAgreementPage.tsx';
import { FlowPage } from './pages/agreements/FlowPage.tsx';
import { FlowRegisterPage } from './pages/agreements/FlowRegisterPage.tsx';
import { RemoveFlowPage } from './pages/agreements/RemoveFlowPage.tsx';
import { SignAgreementPage } from './pages/agreements/SignAgreementPage.tsx';
import { AddUserPage } from './pages/AddUserPage.tsx';
import { AuditPage } from './pages/audit/AuditPage.tsx';
import { ChangePasswordPage } from './pages/ChangePasswordPage.tsx';
import { EndMembershipPage } from './pages/EndMembershipPage.tsx';
import { GatewayDetailPage } from './pages/gateways/GatewayDetailPage.tsx';
import { GatewaysPage } from './pages/gateways/GatewaysPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LinkReviewPage } from './pages/link-reviews/LinkReviewPage.tsx';
import { LinkReviewsPage } from './pages/link-reviews/LinkReviewsPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ContactPointPage } from './pages/ContactPointPage.tsx';
import { OrganisationsPage } from './pages/OrganisationsPage.tsx';
import { BreakGlassPage } from './pages/break-glass/BreakGlassPage.tsx';
import { BreakGlassReviewPage } from './pages/break-glass/BreakGlassReviewPage.tsx';
import { BreakGlassReviewsPage } from './pages/break-glass/BreakGlassReviewsPage.tsx';
import { ChildViewPage } from './pages/persons/ChildViewPage.tsx';
import { RecordConsentPage } from './pages/consent/RecordConsentPage.tsx';
import { WithdrawConsentPage } from './pages/consent/WithdrawConsentPage.tsx';
import { AlertsPage } from './pages/alerts/AlertsPage.tsx';
import { DecisionPathPage } from './pages/decisions/DecisionPathPage.tsx';
import { ChronologyPrintPage } from './pages/persons/ChronologyPrintPage.tsx';
import { PersonSearchPage } from './pages/persons/PersonSearchPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { RoleGrantsPage } from './pages/RoleGrantsPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { SessionProvider } from './session.tsx';
import { IngestRunPage } from './pages/feeds/IngestRunPage.tsx';
import { IngestRunsPage } from './pages/feeds/IngestRunsPage.tsx';
import { WaitingForIdentityPage } from './pages/feeds/WaitingForIdentityPage.tsx';
import { NewRequestPage } from './pages/requests/NewRequestPage.tsx';
import { RequestInboxPage } from './pages/requests/RequestInboxPage.tsx';
import { RequestPage } from './pages/requests/RequestPage.tsx';

const managePartnership = ['manage_partnership'] as const;
const manageDirectoryEntry = ['manage_directory_entry'] as const;
const manageUsers = ['manage_users'] as const;
const readRoleGrants = ['read_role_grants'] as const;
const recordConsent = ['record_consent'] as const;
const audit = ['read_audit', 'verify_audit'] as const;
const readAgreements = ['read_agreements'] as const;
const draftAgreements = ['draft_agreements'] as const;
const manageAgreements = ['manage_agreements'] as const;
const signAgreements = ['sign_agreements'] as const;
const reviewLinks = ['review_links'] as const;
const reviewBreakGlass = ['review_break_glass'] as const;
const requests = ['make_requests', 'answer_requests', 'oversee_requests'] as const;

/** Every client-side route. The server must answer each of these paths with index.html. */
export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route path="sign-in" element={<SignInPage />} />
            <Route element={<RequireSession />}>
              <Route index element={<HomePage />} />
              <Route
                path="organisations"
                element={
                  <RequireCapability anyOf={managePartnership}>
                    <OrganisationsPage />
                  </RequireCapability>
                }
              />
              <Route
                path="organisations/:organisationId/contact-point"
                element={
                  <RequireCapability anyOf={manageDirectoryEntry}>
                    <ContactPointPage />
                  </RequireCapability>
                }
              />
              <Route
                path="users"
                element={
                  <RequireCapability anyOf={manageUsers}>
                    <UsersPage />
                  </RequireCapability>
                }
              />
              <Route
                path="users/new"
                element={
                  <RequireCapability anyOf={manageUsers}>
                    <AddUserPage />
                  </RequireCapability>
                }
              />
              <Route
                path="users/:userId/memberships/new"
                element={
                  <RequireCapability anyOf={manageUsers}>
                    <AddMembershipPage />
                  </RequireCapability>
                }
              />
              <Route
                path="users/:userId/memberships/:membershipId/end"
                element={
                  <RequireCapability anyOf={manageUsers}>
                    <EndMembershipPage />
                  </RequireCapability>
                }
              />
              <Route
                path="role-grants"
                element={
                  <RequireCapability anyOf={readRoleGrants}>
                    <RoleGrantsPage />
                  </RequireCapability>
                }
              />
              <Route
                path="audit"
                element={
                  <RequireCapability anyOf={audit}>
                    <AuditPage />
                  </RequireCapability>
                }
              />
              {/* The legal gateway catalogue is public law: every signed-in user may read it. */}
              <Route path="gateways" element={<GatewaysPage />} />
              <Route path="gateways/:id" element={<GatewayDetailPage />} />
              <Route
                path="agreements"
                element={
                  <RequireCapability anyOf={readAgreements}>
                    <AgreementsPage />
                  </RequireCapability>
                }
              />
              <Route
                path="agreements/new"
                element={
                  <RequireCapability anyOf={draftAgreements}>
                    <DraftAgreementPage />
                  </RequireCapability>
                }
              />
              <Route
                path="agreements/new/tier1"
                element={
                  <RequireCapability anyOf={draftAgreements}>
                    <DraftAgreementPage tier="tier1" />
                  </RequireCapability>
                }
              />
              <Route
                path="agreements/new/tier1/:question"
                element={
                  <RequireCapability anyOf={draftAgreements}>
                    <DraftAgreementPage tier="tier1" />
                  </RequireCapability>
                }
              />
              <Route
                path="agreements/new/tier2/:question"
                element={
                  <RequireCapability anyOf={draftAgreements}>
                    <DraftAgreementPage />
                  </RequireCapability>
                }
              />
              <Route
                path="agreements/flows"
                element={
                  <RequireCapability anyOf={readAgreements}>
                    <FlowRegisterPage />
                  </RequireCapability>
                }
              />
              <Route
                path="agreements/coverage"
                element={
                  <RequireCapability anyOf={readAgreements}>
                    <CoveragePage />
                  </RequireCapability>
                }
              />
              <Route
                path="agreements/:id"
                element={
                  <RequireCapability anyOf={readAgreements}>
                    <AgreementDetailPage />
                  </RequireCapability>
                }
              />
              <Route
                path="agreements/:id/sign"
                element={
                  <RequireCapability anyOf={signAgreements}>
                    <SignAgreementPage />
                  </RequireCapability>
                }
              />
              <Route
                path="agreements/:id/edit"
                element={
                  <RequireCapability anyOf={manageAgreements}>
                    <DraftAgreementPage />
                  </RequireCapability>
                }
              />
              <Route
                path="agreements/:id/edit/:question"
                element={
                  <RequireCapability anyOf={manageAgreements}>
                    <DraftAgreementPage />
                  </RequireCapability>
                }
              />
              <Route
                path="link-reviews"
                element={
                  <RequireCapability anyOf={reviewLinks}>
                    <LinkReviewsPage />
                  </RequireCapability>
                }
              />
              <Route
                path="agreements/:id/flows/new"
                element={
                  <RequireCapability anyOf={manageAgreements}>
                    <FlowPage />
                  </RequireCapability>
                }
              />
              <Route
                path="feeds"
                element={
                  <RequireCapability anyOf={['ingest_feeds']}>
                    <IngestRunsPage />
                  </RequireCapability>
                }
              />
              <Route
                path="agreements/:id/flows/:flowId"
                element={
                  <RequireCapability anyOf={manageAgreements}>
                    <FlowPage />
                  </RequireCapability>
                }
              />
              <Route
                path="link-reviews/:id"
                element={
                  <RequireCapability anyOf={reviewLinks}>
                    <LinkReviewPage />
                  </RequireCapability>
                }
              />
              <Route
                path="feeds/waiting"
                element={
                  <RequireCapability anyOf={['ingest_feeds']}>
                    <WaitingForIdentityPage />
                  </RequireCapability>
                }
              />
              <Route
                path="feeds/runs/:runId"
                element={
                  <RequireCapability anyOf={['ingest_feeds']}>
                    <IngestRunPage />
                  </RequireCapability>
                }
              />
              <Route
                path="requests"
                element={
                  <RequireCapability anyOf={requests}>
                    <RequestInboxPage />
                  </RequireCapability>
                }
              />
              <Route
                path="requests/new"
                element={
                  <RequireCapability anyOf={['make_requests']}>
                    <NewRequestPage />
                  </RequireCapability>
                }
              />
              <Route
                path="requests/:id"
                element={
                  <RequireCapability anyOf={requests}>
                    <RequestPage />
                  </RequireCapability>
                }
              />
              {/* Every role may open these; what a role may see of a child is the policy's answer. */}
              <Route path="persons" element={<PersonSearchPage />} />
              <Route path="alerts" element={<AlertsPage />} />
              <Route path="persons/:personId" element={<ChildViewPage />} />
              <Route
                path="persons/:personId/consents/new"
                element={
                  <RequireCapability anyOf={recordConsent}>
                    <RecordConsentPage />
                  </RequireCapability>
                }
              />
              <Route
                path="persons/:personId/consents/:consentId/withdraw"
                element={
                  <RequireCapability anyOf={recordConsent}>
                    <WithdrawConsentPage />
                  </RequireCapability>
                }
              />
              <Route path="persons/:personId/chronology/print" element={<ChronologyPrintPage />} />
              <Route path="persons/:personId/break-glass" element={<BreakGlassPage />} />
              <Route
                path="break-glass/reviews"
                element={
                  <RequireCapability anyOf={reviewBreakGlass}>
                    <BreakGlassReviewsPage />
                  </RequireCapability>
                }
              />
              <Route
                path="break-glass/reviews/:id"
                element={
                  <RequireCapability anyOf={reviewBreakGlass}>
                    <BreakGlassReviewPage />
                  </RequireCapability>
                }
              />
              {/* The decision path: guidance for anyone signed in; recording needs a child and a purpose. */}
              <Route path="decide" element={<DecisionPathPage />} />
              <Route path="decide/:page" element={<DecisionPathPage />} />
              <Route path="persons/:personId/decide" element={<DecisionPathPage />} />
              <Route path="persons/:personId/decide/:page" element={<DecisionPathPage />} />
              <Route
                path="agreements/:id/flows/:flowId/remove"
                element={
                  <RequireCapability anyOf={manageAgreements}>
                    <RemoveFlowPage />
                  </RequireCapability>
                }
              />
              <Route path="change-password" element={<ChangePasswordPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
