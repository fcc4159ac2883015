// Words for the audit log's codes. Keyed by the domain's AuditAction, so a new kind of event does
// not compile until it has a label here.
import type { AuditAction } from '../../../../domain/audit/actions.ts';
import { isPurpose, purposeDefinitions } from '../../../../domain/policy/purposes.ts';
import type { Reference } from '../../api-types.ts';
import { humanise } from '../../format.ts';

export const actionLabels = {
  'session.signed_in': 'Signed in',
  'session.sign_in_failed': 'Sign-in failed',
  'session.account_locked': 'Account locked after failed sign-ins',
  'session.signed_out': 'Signed out',
  'session.organisation_switched': 'Changed organisation or role',
  'user.password_changed': 'Changed password',
  'user.password_change_failed': 'Password change failed',
  'partnership.created': 'Created partnership',
  'organisation.created': 'Added organisation',
  'organisation.contact_point_set': "Changed an organisation's contact point",
  'user.created': 'Added user',
  'membership.added': 'Added membership',
  'membership.ended': 'Ended membership',
  'membership.refused': 'Role grant refused',
  'membership.grants_listed': 'Read the register of role grants',
  'access.denied': 'Access denied',
  'access.anomaly': 'Unusual access: many records not found',
  'access.granted': 'Access granted to one child (disclosure or break-glass)',
  'access.grant_revoked': 'Access to one child revoked',
  'access.limited': 'Access restricted',
  'access.limit_lifted': 'Access limit lifted',
  'alert.raised': 'Alert raised',
  'break_glass.used': 'Glass broken: emergency access to one child',
  'break_glass.refused': 'Break-glass refused',
  'break_glass.reviews_listed': 'Break-glass review queue opened',
  'break_glass.reviewed': 'Break-glass reviewed',
  'consent.recorded': 'Recorded consent to share',
  'consent.withdrawn': 'Recorded withdrawal of consent',
  'alert.acknowledged': 'Alert acknowledged',
  'alert.emailed': 'Alert emailed (that there is something to see)',
  'subject.viewed': 'Viewed information about a subject',
  'subject.searched': 'Searched for a person',
  'subject.exported': 'Downloaded information about a subject',
  'audit.searched': 'Searched audit log',
  'audit.verified': 'Verified audit log',
  'audit.checkpoint_created': 'Sealed audit checkpoint',
  'demo.seeded': 'Loaded demo data',
  // Legal gateway catalogue (domain/gateways)
  'gateway_catalogue.installed': 'Installed the built-in legal gateway catalogue',
  'gateway_catalogue.imported': 'Imported a legal gateway catalogue',
  'gateway_catalogue.exported': 'Downloaded the legal gateway catalogue',
  // Agreements (domain/agreements).
  'agreement.created': 'Drafted agreement',
  'agreement.draft_updated': 'Changed draft agreement',
  'agreement.flow_added': 'Added flow to draft agreement',
  'agreement.flow_updated': 'Changed flow in draft agreement',
  'agreement.flow_removed': 'Removed flow from draft agreement',
  'agreement.submitted': 'Submitted agreement for signature',
  'agreement.signed': 'Signed agreement',
  'agreement.activated': 'Agreement came into force',
  'agreement.amended': 'Started amendment of agreement',
  'agreement.suspended': 'Suspended agreement',
  'agreement.resumed': 'Resumed agreement',
  'agreement.terminated': 'Terminated agreement',
  'agreement.review_due': 'Agreement due for review',
  'demo.agreements_seeded': 'Loaded demo agreements',
  'person.linked': 'Linked a record to a person',
  'people.relinked': 'Linked all records of the partnership',
  'linkage.model_fitted': 'Fitted the person linkage model',
  'link_review.decided': 'Decided a possible match',
  'link_review.undone': 'Undid a confirmed match',
  'ingest.started': 'Started an agency feed ingest',
  'ingest.batch_written': 'Wrote a batch of agency feed records',
  'ingest.finished': 'Finished an agency feed ingest',
  'ingest.waiting_listed': 'Listed records waiting for identity',
  'request.timescales_set': 'Set the RAG timescales',
  'request.created': 'Asked agencies for information',
  'request.viewed': 'Opened a request for information',
  'request.inbox_listed': 'Listed requests for information',
  'request.clarification_requested': 'Asked the requester to clarify',
  'request.clarification_given': 'Clarified a request',
  'request.verification_requested': 'Asked the requester to verify who they are',
  'request.verification_given': 'Verified who they are for a request',
  'request.refused': 'Refused a request, with reasons',
  'request.withdrawn': 'Withdrew a request',
  'request.answered': 'Answered a request by a decision',
  'record.erased': 'Erased an agency record, leaving a tombstone',
  'decision.recorded': 'Recorded a decision to share or not to share',
  'decision.viewed': 'Read decisions to share about a child',
} as const satisfies Record<AuditAction, string>;

export function actionLabel(action: string): string {
  return (actionLabels as Record<string, string>)[action] ?? humanise(action);
}

export const outcomeTags: Record<string, { readonly text: string; readonly className: string }> = {
  success: { text: 'Success', className: 'govuk-tag govuk-tag--green' },
  failure: { text: 'Failure', className: 'govuk-tag govuk-tag--red' },
  denied: { text: 'Denied', className: 'govuk-tag govuk-tag--orange' },
};

/** "attemptedEmail" → "Attempted email" */
function keyLabel(key: string): string {
  return humanise(key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}

/** The screens a read names in its audit event (policy's `view` option), in words. */
const viewLabels: Readonly<Record<string, string>> = {
  single_view: 'The child’s single view',
  chronology: 'The chronology',
  family_member: 'A family member in the family network',
  recent_children: 'The home page (children looked at recently)',
  person: 'Records of a person',
};

/** Purpose codes in words (domain/policy/purposes.ts); an unknown code humanised. */
export function purposeLabel(purpose: string): string {
  return isPurpose(purpose) ? purposeDefinitions[purpose].label : humanise(purpose);
}

/** "Agreement T2-014, version 1": the reference people know, never the flow's or agreement's id. */
function agreementsText(value: readonly unknown[]): string {
  const named = value.flatMap((a) => {
    const { reference, version } = (a ?? {}) as { reference?: unknown; version?: unknown };
    return typeof reference === 'string'
      ? [`${reference}${typeof version === 'number' ? `, version ${version}` : ''}`]
      : [];
  });
  return [...new Set(named)].join('; ') || 'None';
}

/** Records shown with their versions: how many, and how many had changed, never their ids. */
function shownText(value: readonly unknown[]): string {
  const changed = value.filter((v) => Array.isArray(v) && typeof v[1] === 'number' && v[1] > 1).length;
  const records = `${value.length.toLocaleString('en-GB')} record${value.length === 1 ? '' : 's'}`;
  return changed === 0 ? records : `${records}, ${changed.toLocaleString('en-GB')} in a changed version`;
}

/** Per-child grants relied on, in words: a disclosure or a break-glass, and any limit set aside. */
function grantsText(value: readonly unknown[]): string {
  if (value.length === 0) return 'None';
  return value
    .map((g) => {
      const { kind, setAsideLimitIds } = (g ?? {}) as { kind?: unknown; setAsideLimitIds?: unknown };
      const name = kind === 'break_glass' ? 'Break-glass' : 'Disclosure from a decision to share';
      const setAside = Array.isArray(setAsideLimitIds) ? setAsideLimitIds.length : 0;
      return setAside > 0 ? `${name} (set aside ${setAside} limit${setAside === 1 ? '' : 's'})` : name;
    })
    .join('; ');
}

function valueText(key: string, value: unknown, reference: Reference | null): string {
  if (key === 'agreements' && Array.isArray(value)) return agreementsText(value);
  if (key === 'shown' && Array.isArray(value)) return shownText(value);
  if (key === 'grants' && Array.isArray(value)) return grantsText(value);
  if (typeof value === 'string') {
    if (key === 'view') return viewLabels[value] ?? humanise(value);
    if (key === 'purpose') return purposeLabel(value);
    if (key === 'role') return reference?.roles.find((r) => r.id === value)?.label ?? humanise(value);
    if (key === 'type')
      return reference?.organisationTypes.find((t) => t.id === value)?.label ?? humanise(value);
    if (key === 'reason') return humanise(value);
    return value;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value.toLocaleString('en-GB');
  if (value && typeof value === 'object') {
    // Internal ids (flowId, agreementId…) mean nothing to a reader: the words beside them do.
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !/Id$/.test(k));
    if (entries.length === 0) return 'None';
    return entries.map(([k, v]) => `${keyLabel(k)}: ${valueText(k, v, reference)}`).join('; ');
  }
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/** An event's details as label and value pairs, for people rather than machines. */
export function describeDetails(
  details: Record<string, unknown>,
  reference: Reference | null,
): [string, string][] {
  // Internal ids (runId, organisationId, subjectIds…) mean nothing to a reader; the words do.
  return Object.entries(details)
    .filter(([key]) => !/Ids?$/.test(key))
    .map(([key, value]) => [
      key === 'agreements'
        ? 'Agreements relied on'
        : key === 'grants'
          ? 'Grants relied on'
          : key === 'view'
            ? 'Screen'
            : keyLabel(key),
      valueText(key, value, reference),
    ]);
}

/** What an event is about, in words: "A child" rather than "Person". */
export function subjectLabel(subjectType: string): string {
  return (
    (
      { person: 'A child or family member', agreement: 'An agreement', user: 'A user' } as Record<
        string,
        string
      >
    )[subjectType] ?? humanise(subjectType)
  );
}
