import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import type { Db } from '../shared/database.ts';
import type { Deps } from '../shared/deps.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { authorise } from './authorise.ts';
import { overOrganisation } from './capabilities.ts';
import { organisation } from './schema.ts';

/**
 * An organisation's directory entry: the contact point a partner calls about a child when none
 * of the organisation's records names a lead worker (issue 14 point 5: the school's safeguarding
 * lead, the police public protection unit, the health visiting team). It is a team or a post
 * with work contact details, not a child's data, so every reader who may see that the
 * organisation is involved with a child may see it; a named lead worker from a record stays
 * under the record's own field group (lead_contact).
 */
export const contactPointSchema = z.strictObject({
  /** A team or a post ("Designated safeguarding lead", "Public protection unit"). */
  name: z.string().trim().min(1, 'Enter the team or post partners should contact').max(120),
  role: z.string().trim().max(120).nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{7,20}$/, 'Enter a telephone number, like 01632 960 001')
    .nullable()
    .default(null),
  email: z
    .email('Enter an email address in the correct format, like name@example.gov.uk')
    .nullable()
    .default(null),
});
export type ContactPoint = z.output<typeof contactPointSchema>;

/**
 * Sets (or, with null, clears) an organisation's contact point: its own administrator, or the
 * partnership administrator who keeps the directory (capabilities.ts, manage_directory_entry).
 * Another partnership's organisation is not found; the change is audited with what it became.
 */
export async function setOrganisationContactPoint(
  deps: Deps,
  actor: Actor,
  organisationId: string,
  input: unknown,
): Promise<ContactPoint | null> {
  await authoriseEntry(deps, actor, organisationId);
  const contactPoint = input === null ? null : parse(input);
  return deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(organisation)
      .set({ contactPoint })
      .where(theOrganisation(actor, organisationId))
      .returning({ id: organisation.id });
    if (updated.length === 0) throw notFound('The organisation');
    await appendAuditEvent(tx, {
      actor,
      action: 'organisation.contact_point_set',
      outcome: 'success',
      subject: { type: 'organisation', id: organisationId },
      details: { contactPoint },
    });
    return contactPoint;
  });
}

/** The contact points of these organisations of one partnership, by organisation id. */
export async function findContactPoints(
  db: Db,
  partnershipId: string,
  organisationIds: readonly string[],
): Promise<Map<string, ContactPoint>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .select({ id: organisation.id, contactPoint: organisation.contactPoint })
    .from(organisation)
    .where(
      and(eq(organisation.partnershipId, partnershipId), inArray(organisation.id, [...organisationIds])),
    );
  const found = new Map<string, ContactPoint>();
  for (const r of rows) {
    const stored = storedContactPoint(r.contactPoint);
    if (stored) found.set(r.id, stored);
  }
  return found;
}

function parse(input: unknown): ContactPoint {
  // A form's empty optional box means "none", not a blank value to show.
  const blanksCleared =
    typeof input === 'object' && input !== null
      ? Object.fromEntries(
          Object.entries(input).map(([k, v]) => [
            k,
            typeof v === 'string' && v.trim() === '' && k !== 'name' ? null : v,
          ]),
        )
      : input;
  const parsed = contactPointSchema.safeParse(blanksCleared);
  if (parsed.success) return parsed.data;
  throw new DomainError('validation_failed', 'Check the highlighted fields', {
    fields: parsed.error.issues.map((i) => ({
      field: i.path.join('.') || 'contactPoint',
      problem: i.message,
    })),
  });
}

/** An organisation's name and contact point, for the one who may change it (else not found). */
export async function getOrganisationContactPoint(
  deps: Deps,
  actor: Actor,
  organisationId: string,
): Promise<{ id: string; name: string; contactPoint: ContactPoint | null }> {
  await authoriseEntry(deps, actor, organisationId);
  const [row] = await deps.db
    .select({ id: organisation.id, name: organisation.name, contactPoint: organisation.contactPoint })
    .from(organisation)
    .where(theOrganisation(actor, organisationId));
  if (!row) throw notFound('The organisation');
  return { id: row.id, name: row.name, contactPoint: storedContactPoint(row.contactPoint) };
}

const authoriseEntry = (deps: Deps, actor: Actor, organisationId: string) =>
  authorise(
    deps,
    actor,
    'manage_directory_entry',
    overOrganisation(organisationId),
    'organisation.contact_point',
  );

const theOrganisation = (actor: Actor, organisationId: string) =>
  and(eq(organisation.partnershipId, actor.partnershipId), eq(organisation.id, organisationId));

/** A stored entry was checked on the way in; one that no longer parses is left out, not shown half. */
function storedContactPoint(value: unknown): ContactPoint | null {
  const parsed = contactPointSchema.safeParse(value);
  return value !== null && parsed.success ? parsed.data : null;
}
