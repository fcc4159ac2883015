import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { raiseAlert } from '../alerts/raise-alert.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { findViewingOrganisations } from '../audit/find-viewing-organisations.ts';
import { authorise } from '../partnership/authorise.ts';
import { overOrganisation } from '../partnership/capabilities.ts';
import { organisation } from '../partnership/schema.ts';
import { findConsentBasedDisclosureRecipients } from '../policy/access-grants.ts';
import { findPersonsOf } from '../policy/own-agency-persons.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { consentForms, consentGivers, type ConsentForm, type ConsentGiver } from './consent-terms.ts';
import { selectConsent, type Consent } from './consent-store.ts';
import { consent } from './schema.ts';

export interface WithdrawConsentInput {
  readonly consentId: string;
  /** Who withdrew it: the child or a person with parental responsibility (either may, Art 7(3)). */
  readonly withdrawnBy: ConsentGiver;
  readonly form: ConsentForm;
  /** The letter's or the case note's reference, if there is one. */
  readonly reference?: string | undefined;
}

export interface WithdrawnConsent {
  readonly consent: Consent;
  /** The organisations told, through their data protection officers. */
  readonly notifiedOrganisationIds: readonly string[];
}

/**
 * Records the withdrawal of a consent (UK GDPR Art 7(3): "as easy to withdraw as to give"), in
 * one transaction with its `consent.withdrawn` event and an alert to each organisation that
 * received the child's information on the strength of it. From the instant it commits, no read
 * that needs the consent shows anything (policy/visibility.ts checks for a consent in force inside
 * every read's own statement), so withdrawal stops further disclosures at once; disclosures made
 * before it cannot be recalled, so their recipients are told to stop relying on them (Art 19:
 * the controller communicates a restriction to each recipient).
 *
 * The recipients are (1) the organisations the holder disclosed the child's records to by a
 * decision resting on consent alone (access_grant), and (2) the organisations named in the consent
 * whose users read the child for one of its purposes while it stood (the access log's
 * `subject.viewed` events). The second may include an organisation that read on another basis too;
 * for a withdrawal, telling one too many is the safe side. Only the holder's own staff who may
 * record consent may withdraw it; any other consent is "not found".
 */
export async function withdrawConsent(
  deps: Deps,
  actor: Actor,
  input: WithdrawConsentInput,
): Promise<WithdrawnConsent> {
  if (actor.kind !== 'user') throw notFound('The consent');
  if (!(consentGivers as readonly string[]).includes(input.withdrawnBy))
    throw invalid(
      'withdrawnBy',
      'Say whether the child or a person with parental responsibility withdrew consent',
    );
  if (!(consentForms as readonly string[]).includes(input.form))
    throw invalid('form', 'Say whether consent was withdrawn in writing or verbally');
  await authorise(
    deps,
    actor,
    'record_consent',
    overOrganisation(actor.organisationId),
    'consent.withdraw',
    () => notFound('The consent'),
  );
  const at = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    if (!isUuid(input.consentId)) return undefined;
    const withdrawn = await tx
      .update(consent)
      .set({
        withdrawnAt: at,
        withdrawnBy: input.withdrawnBy,
        withdrawalForm: input.form,
        withdrawalReference: input.reference?.trim() || null,
        withdrawalRecordedByUserId: actor.userId,
      })
      .where(
        and(
          eq(consent.partnershipId, actor.partnershipId),
          eq(consent.id, input.consentId),
          eq(consent.holderOrganisationId, actor.organisationId),
          isNull(consent.withdrawnAt),
          sql`${consent.expiresAt} > ${at.toISOString()}::timestamptz`,
        ),
      )
      .returning({ id: consent.id });
    if (withdrawn.length === 0) return undefined;
    const row = (await selectConsent(tx, actor.partnershipId, actor.organisationId, input.consentId))!;
    const notified = await recipientsOf(tx, actor.partnershipId, row);
    const names = await organisationNames(tx, actor.partnershipId, [row.holderOrganisationId]);
    for (const organisationId of notified) {
      await raiseAlert(tx, actor, {
        kind: 'consent_withdrawn',
        to: { organisationId, role: 'data_protection_officer' },
        subjectId: row.subjectIds[0],
        content: {
          consentId: row.id,
          holder: {
            organisationId: row.holderOrganisationId,
            name: names.get(row.holderOrganisationId) ?? 'Unknown',
          },
          withdrawnAt: at.toISOString(),
        },
        source: { type: 'consent', id: row.id },
        raisedAt: at,
      });
    }
    await appendAuditEvent(tx, {
      actor,
      action: 'consent.withdrawn',
      outcome: 'success',
      subject: { type: 'agency_person', id: row.subjectIds[0]! },
      at,
      details: {
        consentId: row.id,
        holderOrganisationId: row.holderOrganisationId,
        withdrawnBy: input.withdrawnBy,
        notifiedOrganisationIds: notified,
      },
    });
    return { consent: row, notifiedOrganisationIds: notified };
  });
  if (!done) throw notFound('The consent');
  return done;
}

/** Who received the child's information on the strength of the consent (see withdrawConsent). */
async function recipientsOf(tx: Db, partnershipId: string, c: Consent): Promise<string[]> {
  const disclosedTo = await findConsentBasedDisclosureRecipients(
    tx,
    partnershipId,
    c.holderOrganisationId,
    c.subjectIds,
  );
  const persons = await findPersonsOf(tx, partnershipId, c.subjectIds);
  const readers = await findViewingOrganisations(tx, partnershipId, {
    subjectIds: [...c.subjectIds, ...persons],
    purposes: c.purposes,
    organisationIds: c.organisationIds,
    since: c.givenAt,
  });
  return [...new Set([...disclosedTo, ...readers])].filter((o) => o !== c.holderOrganisationId).sort();
}

async function organisationNames(
  tx: Db,
  partnershipId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: organisation.id, name: organisation.name })
    .from(organisation)
    .where(and(eq(organisation.partnershipId, partnershipId), inArray(organisation.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.name]));
}
