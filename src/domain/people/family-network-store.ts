import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
// Allowed by test/boundaries.test.ts: relationships and addresses come from agency feeds, and
// each edge names the item it came from (id, holder, field group); no payload is read here.
import { agencyAddress, agencyPerson, agencyRelationship, subjectRecord } from '../records/schema.ts';
import type { Db } from '../shared/database.ts';
import type { EdgeEvidence } from './family-network.ts';
import { personLink } from './schema.ts';

export interface RecordedRelationship {
  /** The person on the other side of the relationship (resolved through person_link). */
  readonly otherPersonId: string;
  readonly kind: string;
  /** True when the person's own record names the other; false when the other's names the person. */
  readonly recordedAboutPerson: boolean;
  readonly fromDate: string | null;
  readonly toDate: string | null;
  readonly evidence: EdgeEvidence;
}

export interface AddressPeriod {
  readonly personId: string;
  readonly addressKey: string;
  readonly postcode: string | null;
  readonly fromDate: string | null;
  readonly toDate: string | null;
  readonly evidence: EdgeEvidence;
}

export async function agencyPersonsOf(db: Db, partnershipId: string, personId: string) {
  return db
    .select({
      id: agencyPerson.id,
      organisationId: agencyPerson.organisationId,
      externalId: agencyPerson.externalPersonId,
    })
    .from(personLink)
    .innerJoin(
      agencyPerson,
      and(
        eq(agencyPerson.partnershipId, personLink.partnershipId),
        eq(agencyPerson.id, personLink.agencyPersonId),
      ),
    )
    .where(and(eq(personLink.partnershipId, partnershipId), eq(personLink.personId, personId)));
}

const related = alias(agencyPerson, 'related');
const relatedLink = alias(personLink, 'related_link');
const ownerLink = alias(personLink, 'owner_link');

/**
 * Relationships recorded on either side: the person's records naming someone, and others'
 * records naming one of the person's agency persons by the agency's own id.
 */
export async function relationshipsOf(
  db: Db,
  partnershipId: string,
  own: readonly { id: string; organisationId: string; externalId: string }[],
): Promise<RecordedRelationship[]> {
  if (own.length === 0) return [];
  const evidence = {
    subjectRecordId: agencyRelationship.subjectRecordId,
    organisationId: agencyRelationship.organisationId,
    fieldGroup: subjectRecord.fieldGroup,
  };
  const item = and(
    eq(subjectRecord.partnershipId, agencyRelationship.partnershipId),
    eq(subjectRecord.id, agencyRelationship.subjectRecordId),
  );
  const outgoing = await db
    .select({
      otherPersonId: relatedLink.personId,
      kind: agencyRelationship.kind,
      fromDate: agencyRelationship.fromDate,
      toDate: agencyRelationship.toDate,
      ...evidence,
    })
    .from(agencyRelationship)
    .innerJoin(subjectRecord, item)
    .innerJoin(
      related,
      and(
        eq(related.partnershipId, agencyRelationship.partnershipId),
        eq(related.organisationId, agencyRelationship.organisationId),
        eq(related.externalPersonId, agencyRelationship.relatedExternalPersonId),
      ),
    )
    .innerJoin(
      relatedLink,
      and(eq(relatedLink.partnershipId, related.partnershipId), eq(relatedLink.agencyPersonId, related.id)),
    )
    .where(
      and(
        eq(agencyRelationship.partnershipId, partnershipId),
        inArray(
          agencyRelationship.agencyPersonId,
          own.map((p) => p.id),
        ),
      ),
    );
  const incoming = [];
  for (const p of own) {
    const rows = await db
      .select({
        otherPersonId: ownerLink.personId,
        kind: agencyRelationship.kind,
        fromDate: agencyRelationship.fromDate,
        toDate: agencyRelationship.toDate,
        ...evidence,
      })
      .from(agencyRelationship)
      .innerJoin(subjectRecord, item)
      .innerJoin(
        ownerLink,
        and(
          eq(ownerLink.partnershipId, agencyRelationship.partnershipId),
          eq(ownerLink.agencyPersonId, agencyRelationship.agencyPersonId),
        ),
      )
      .where(
        and(
          eq(agencyRelationship.partnershipId, partnershipId),
          eq(agencyRelationship.organisationId, p.organisationId),
          eq(agencyRelationship.relatedExternalPersonId, p.externalId),
        ),
      );
    incoming.push(...rows);
  }
  const shape =
    (recordedAboutPerson: boolean) =>
    (r: (typeof outgoing)[number]): RecordedRelationship => ({
      otherPersonId: r.otherPersonId,
      kind: r.kind,
      recordedAboutPerson,
      fromDate: r.fromDate,
      toDate: r.toDate,
      evidence: {
        subjectRecordId: r.subjectRecordId,
        organisationId: r.organisationId,
        fieldGroup: r.fieldGroup,
      },
    });
  return [...outgoing.map(shape(true)), ...incoming.map(shape(false))];
}

/** The person's address periods, and everyone else's at the same addresses. */
export async function addressPeriodsAround(
  db: Db,
  partnershipId: string,
  ownAgencyPersonIds: readonly string[],
): Promise<{ own: AddressPeriod[]; others: AddressPeriod[] }> {
  if (ownAgencyPersonIds.length === 0) return { own: [], others: [] };
  const select = {
    personId: personLink.personId,
    addressKey: agencyAddress.addressKey,
    postcode: agencyAddress.postcode,
    fromDate: agencyAddress.fromDate,
    toDate: agencyAddress.toDate,
    subjectRecordId: agencyAddress.subjectRecordId,
    organisationId: agencyAddress.organisationId,
    fieldGroup: subjectRecord.fieldGroup,
  };
  const base = () =>
    db
      .select(select)
      .from(agencyAddress)
      .innerJoin(
        subjectRecord,
        and(
          eq(subjectRecord.partnershipId, agencyAddress.partnershipId),
          eq(subjectRecord.id, agencyAddress.subjectRecordId),
        ),
      )
      .innerJoin(
        personLink,
        and(
          eq(personLink.partnershipId, agencyAddress.partnershipId),
          eq(personLink.agencyPersonId, agencyAddress.agencyPersonId),
        ),
      );
  const own = await base().where(
    and(
      eq(agencyAddress.partnershipId, partnershipId),
      inArray(agencyAddress.agencyPersonId, [...ownAgencyPersonIds]),
    ),
  );
  const keys = [...new Set(own.map((r) => r.addressKey))];
  const others =
    keys.length === 0
      ? []
      : await base().where(
          and(
            eq(agencyAddress.partnershipId, partnershipId),
            inArray(agencyAddress.addressKey, keys),
            notInArray(agencyAddress.agencyPersonId, [...ownAgencyPersonIds]),
          ),
        );
  const shape = (r: (typeof own)[number]): AddressPeriod => ({
    personId: r.personId,
    addressKey: r.addressKey,
    postcode: r.postcode,
    fromDate: r.fromDate,
    toDate: r.toDate,
    evidence: {
      subjectRecordId: r.subjectRecordId,
      organisationId: r.organisationId,
      fieldGroup: r.fieldGroup,
    },
  });
  return { own: own.map(shape), others: others.map(shape) };
}
