import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorise } from '../partnership/authorise.ts';
import { overOrganisation } from '../partnership/capabilities.ts';
import { organisation } from '../partnership/schema.ts';
import { isFieldGroup } from '../policy/field-groups.ts';
import { findOwnAgencyPersons } from '../policy/own-agency-persons.ts';
import { isPurpose, purposeDefinitions, type Purpose } from '../policy/purposes.ts';
import type { Actor } from '../shared/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, notFound, type FieldProblem } from '../shared/errors.ts';
import {
  competenceTests,
  consentForms,
  consentGivers,
  isParentalResponsibilityRoute,
  type ConsentGiver,
} from './consent-terms.ts';
import { selectConsent, type Consent } from './consent-store.ts';
import { consent } from './schema.ts';

export interface RecordConsentInput {
  /** The child, by Tessera's person id: resolved to the holder's agency persons. */
  readonly personId: string;
  readonly givenBy: ConsentGiver;
  /** Required when the child gave it. */
  readonly competence?:
    { readonly assessedBy?: string; readonly assessedAt?: Date; readonly test?: string } | undefined;
  /** Required when a person with parental responsibility gave it. */
  readonly giver?:
    | { readonly name?: string; readonly relationship?: string; readonly parentalResponsibility?: string }
    | undefined;
  readonly organisationIds: readonly string[];
  readonly purposes: readonly string[];
  readonly fieldGroups: readonly string[];
  readonly evidence: { readonly form: string; readonly reference: string };
  readonly givenAt: Date;
  readonly expiresAt: Date;
}

export interface RecordedConsent {
  readonly consent: Consent;
  /** Said to the recorder, and kept on the record as its lawful basis ('engagement'). */
  readonly warnings: readonly string[];
}

export const NOT_THE_BASIS_WARNING =
  'Sharing for these purposes does not rest on consent: your organisation shares for them on another lawful ' +
  'basis (public task, safeguarding), so this consent is recorded as agreement to work with the family, not as ' +
  'the basis for sharing, and withdrawing it will not stop that sharing (HM Government, Information sharing ' +
  'advice 2018 and 2024: consent is not needed to share for safeguarding).';

/**
 * Records a consent to share the actor's organisation's records about a child (issue 16 point 5),
 * with its `consent.recorded` event, in one transaction. The organisation recording it is its
 * holder: a consent reaches only the holder's own records (an organisation cannot consent for
 * another's). A consent must say who gave it and on what footing: a child only with a recorded
 * assessment of their competence (Gillick; Fraser for contraception and sexual health), anyone
 * else only with parental responsibility (Children Act 1989 s2-s4) and a name; and it must be
 * specific (organisations, purposes, data categories) and evidenced (UK GDPR Art 4(11), 7(1)).
 * Bad input is refused naming each field, and nothing is written.
 *
 * Where no purpose it names rests on consent (purposes.ts consentBased), the record keeps its
 * lawful basis as 'engagement' and the answer warns: consent sought to work with a family must not
 * be mistaken for the basis of a statutory share (DOMAIN.md 2; HM Government 2018, 2024).
 */
export async function recordConsent(
  deps: Deps,
  actor: Actor,
  input: RecordConsentInput,
): Promise<RecordedConsent> {
  if (actor.kind !== 'user') throw notFound('The child');
  const problems = checkInput(input, deps.clock.now());
  if (problems.length > 0) throw refused(problems);
  await authorise(
    deps,
    actor,
    'record_consent',
    overOrganisation(actor.organisationId),
    'consent.record',
    () => notFound('The child'),
  );
  const known = await deps.db
    .select({ id: organisation.id })
    .from(organisation)
    .where(
      and(
        eq(organisation.partnershipId, actor.partnershipId),
        inArray(organisation.id, [...input.organisationIds]),
      ),
    );
  const unknown = input.organisationIds.findIndex((id) => !known.some((k) => k.id === id));
  if (unknown >= 0)
    throw refused([
      { field: `organisationIds.${unknown}`, problem: 'Choose organisations of the partnership' },
    ]);
  const purposes = input.purposes as Purpose[];
  const lawfulBasis = purposes.some((p) => purposeDefinitions[p].consentBased) ? 'consent' : 'engagement';
  const id = randomUUID();
  const recordedAt = deps.clock.now();
  const written = await deps.db.transaction(async (tx) => {
    const subjectIds = await findOwnAgencyPersons(tx, actor, input.personId);
    if (subjectIds.length === 0) return undefined;
    const child = input.givenBy === 'child' ? input.competence : undefined;
    const parent = input.givenBy === 'person_with_parental_responsibility' ? input.giver : undefined;
    await tx.insert(consent).values({
      partnershipId: actor.partnershipId,
      id,
      holderOrganisationId: actor.organisationId,
      subjectIds,
      givenBy: input.givenBy,
      competenceAssessedBy: child?.assessedBy?.trim() ?? null,
      competenceAssessedAt: child?.assessedAt ?? null,
      competenceTest: child?.test ?? null,
      giverName: parent?.name?.trim() ?? null,
      giverRelationship: parent?.relationship?.trim() ?? null,
      parentalResponsibility: parent?.parentalResponsibility ?? null,
      organisationIds: [...new Set(input.organisationIds)],
      purposes: [...new Set(input.purposes)],
      fieldGroups: [...new Set(input.fieldGroups)],
      evidenceForm: input.evidence.form,
      evidenceReference: input.evidence.reference.trim(),
      lawfulBasis,
      givenAt: input.givenAt,
      expiresAt: input.expiresAt,
      recordedByUserId: actor.userId,
      recordedAt,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'consent.recorded',
      outcome: 'success',
      subject: { type: 'agency_person', id: subjectIds[0]! },
      at: recordedAt,
      details: {
        consentId: id,
        holderOrganisationId: actor.organisationId,
        subjectIds,
        givenBy: input.givenBy,
        organisationIds: [...new Set(input.organisationIds)],
        purposes: [...new Set(input.purposes)],
        fieldGroups: [...new Set(input.fieldGroups)],
        lawfulBasis,
        expiresAt: input.expiresAt.toISOString(),
      },
    });
    return selectConsent(tx, actor.partnershipId, actor.organisationId, id);
  });
  if (!written) {
    await appendAuditEvent(deps.db, {
      actor,
      action: 'access.denied',
      outcome: 'denied',
      subject: { type: 'person', id: input.personId },
      details: { attempted: 'consent.record', reason: 'no_such_subject' },
    });
    throw notFound('The child');
  }
  return { consent: written, warnings: lawfulBasis === 'engagement' ? [NOT_THE_BASIS_WARNING] : [] };
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';
const valid = (d: Date | undefined): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

/** Every problem with the input, each naming its field (nothing is looked up). */
function checkInput(input: RecordConsentInput, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, text: string) => problems.push({ field, problem: text });
  if (!(consentGivers as readonly string[]).includes(input.givenBy))
    problem('givenBy', 'Say whether the child or a person with parental responsibility gave consent');
  if (input.givenBy === 'child') {
    // Gillick v West Norfolk and Wisbech AHA [1986] AC 112: a child may consent when they have
    // enough understanding and intelligence to understand fully what is proposed; someone must
    // have assessed that, for this decision, and the record says who, when and by which test.
    const c = input.competence;
    if (!c) problem('competence', 'A child can consent only with a recorded assessment of their competence');
    else {
      if (blank(c.assessedBy)) problem('competence.assessedBy', 'Say who assessed the child’s competence');
      if (!valid(c.assessedAt))
        problem('competence.assessedAt', 'Say when the child’s competence was assessed');
      else if (c.assessedAt.getTime() > now.getTime())
        problem('competence.assessedAt', 'The assessment of competence cannot be in the future');
      if (!(competenceTests as readonly string[]).includes(c.test ?? ''))
        problem('competence.test', 'Choose Gillick competence or the Fraser guidelines');
    }
  }
  if (input.givenBy === 'person_with_parental_responsibility') {
    const g = input.giver;
    if (!g) problem('giver', 'Name the person who gave consent and how they hold parental responsibility');
    else {
      if (blank(g.name)) problem('giver.name', 'Name the person who gave consent');
      if (blank(g.relationship)) problem('giver.relationship', 'Say how the person is related to the child');
      // Children Act 1989 s3: only a person with parental responsibility may agree for the child.
      if (!isParentalResponsibilityRoute(g.parentalResponsibility ?? ''))
        problem(
          'giver.parentalResponsibility',
          'Consent for a child needs a person with parental responsibility: say how they hold it (Children Act 1989 s2-s4)',
        );
    }
  }
  if (input.organisationIds.length === 0)
    problem('organisationIds', 'Choose the organisations it may be shared with');
  if (input.purposes.length === 0) problem('purposes', 'Choose the purposes it may be shared for');
  input.purposes.forEach((p, i) => {
    if (!isPurpose(p)) problem(`purposes.${i}`, 'Choose a purpose from the list');
  });
  if (input.fieldGroups.length === 0)
    problem('fieldGroups', 'Choose the kinds of information it may be shared');
  input.fieldGroups.forEach((g, i) => {
    if (!isFieldGroup(g)) problem(`fieldGroups.${i}`, 'Choose kinds of information from the list');
  });
  if (!(consentForms as readonly string[]).includes(input.evidence.form))
    problem('evidence.form', 'Say whether consent was given in writing or verbally');
  if (blank(input.evidence.reference))
    problem('evidence.reference', 'Give the reference of the signed form or of the case note recording it');
  if (!valid(input.givenAt)) problem('givenAt', 'Say when consent was given');
  else if (input.givenAt.getTime() > now.getTime())
    problem('givenAt', 'Consent cannot be recorded before it is given');
  if (!valid(input.expiresAt)) problem('expiresAt', 'Say when the consent ends');
  else if (valid(input.givenAt) && input.expiresAt.getTime() <= input.givenAt.getTime())
    problem('expiresAt', 'The consent must end after it was given');
  return problems;
}

function refused(fields: readonly FieldProblem[]): DomainError {
  return new DomainError('validation_failed', 'Check the highlighted fields', { fields });
}
