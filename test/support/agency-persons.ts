import { randomUUID } from 'node:crypto';
import type { DatabaseHandle, DatabaseKind } from '../../src/adapters/db/open-database.ts';
import { LinkIndexes, type LinkingDeps } from '../../src/domain/people/held-index.ts';
import { relinkPartnership } from '../../src/domain/people/relink-partnership.ts';
import { fixedClock } from '../../src/domain/shared/clock.ts';
import { silentLogger } from '../../src/domain/shared/deps.ts';
import { randomIds, type PartnershipId } from '../../src/domain/shared/ids.ts';
import { ensureOrganisations } from './organisations.ts';
import { openTestDatabase } from './test-database.ts';
import { generatePopulation } from '../../src/domain/people/generator/generate-population.ts';
import { parseAnyDate } from '../../src/domain/people/linkage/dates.ts';
import { personLink } from '../../src/domain/people/schema.ts';
import {
  agencyAddress,
  agencyPerson,
  agencyRelationship,
  subjectRecord,
} from '../../src/domain/records/schema.ts';
import type { Db } from '../../src/domain/shared/database.ts';

/**
 * Agency persons written straight into agency_person as ingest would (test support only; the
 * feeds module owns real ingest). The generator's agencies become four organisations.
 */
export interface AgencyPersonSpec {
  id?: string;
  organisationId: string;
  externalPersonId?: string;
  firstName?: string;
  middleNames?: string;
  lastName?: string;
  dob?: string;
  sex?: string;
  nhsNumber?: string;
  upn?: string;
  postcode?: string;
  address?: string;
  city?: string;
  email?: string;
  phone?: string;
}

export const generatedOrganisations = {
  council: '0d4c1a10-0000-4000-8000-000000000001',
  police: '0d4c1a10-0000-4000-8000-000000000002',
  nhs: '0d4c1a10-0000-4000-8000-000000000003',
  school: '0d4c1a10-0000-4000-8000-000000000004',
} as const;

const isoOf = (raw: string): string | undefined => {
  const packed = parseAnyDate(raw);
  if (packed === 0) return undefined;
  const s = String(packed);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
};

/** A generated population as agency persons, with the true person of each. */
export function generatedAgencyPersons(
  children: number,
  seed = 7,
  organisations: Record<keyof typeof generatedOrganisations, string> = generatedOrganisations,
): { specs: (AgencyPersonSpec & { id: string })[]; truth: Map<string, string> } {
  const specs: (AgencyPersonSpec & { id: string })[] = [];
  const truth = new Map<string, string>();
  for (const r of generatePopulation({ children, seed })) {
    const id = randomUUID();
    truth.set(id, r.person_id);
    const put = (v: string) => (v === '' ? undefined : v);
    specs.push({
      id,
      organisationId: organisations[r.agency],
      externalPersonId: r.record_id,
      firstName: put(r.first_name),
      middleNames: put(r.middle_names),
      lastName: put(r.last_name),
      dob: isoOf(r.dob),
      sex: put(r.sex),
      nhsNumber: put(r.nhs_number),
      upn: put(r.identifier),
      postcode: put(r.postcode),
      address: put(r.address),
      city: put(r.city),
      email: put(r.email),
      phone: put(r.phone),
    });
  }
  return { specs, truth };
}

export async function insertAgencyPersons(
  db: Db,
  partnershipId: string,
  specs: readonly AgencyPersonSpec[],
): Promise<string[]> {
  const rows = specs.map((s) => ({
    partnershipId,
    id: s.id ?? randomUUID(),
    organisationId: s.organisationId,
    externalPersonId: s.externalPersonId ?? randomUUID(),
    firstName: s.firstName ?? null,
    middleNames: s.middleNames ?? null,
    lastName: s.lastName ?? null,
    dob: s.dob ?? null,
    sex: s.sex ?? null,
    nhsNumber: s.nhsNumber ?? null,
    upn: s.upn ?? null,
    postcode: s.postcode ?? null,
    address: s.address ?? null,
    city: s.city ?? null,
    email: s.email ?? null,
    phone: s.phone ?? null,
    updatedAt: new Date('2026-11-01T09:00:00Z'),
  }));
  await ensureOrganisations(
    db,
    partnershipId,
    rows.map((r) => r.organisationId),
  );
  for (let k = 0; k < rows.length; k += 1000) await db.insert(agencyPerson).values(rows.slice(k, k + 1000));
  return rows.map((r) => r.id);
}

export async function insertAgencyAddresses(
  db: Db,
  partnershipId: string,
  rows: readonly {
    organisationId: string;
    agencyPersonId: string;
    subjectRecordId?: string;
    addressKey: string;
    postcode?: string;
    fromDate?: string;
    toDate?: string;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  const evidence = await evidenceFor(db, partnershipId, rows, 'address');
  await db.insert(agencyAddress).values(
    rows.map((r, n) => ({
      partnershipId,
      id: randomUUID(),
      organisationId: r.organisationId,
      agencyPersonId: r.agencyPersonId,
      subjectRecordId: evidence[n]!,
      addressKey: r.addressKey,
      postcode: r.postcode ?? null,
      fromDate: r.fromDate ?? null,
      toDate: r.toDate ?? null,
    })),
  );
}

export async function insertAgencyRelationships(
  db: Db,
  partnershipId: string,
  rows: readonly {
    organisationId: string;
    agencyPersonId: string;
    relatedExternalPersonId: string;
    kind: 'parent_or_carer' | 'sibling' | 'partner_of_parent';
    subjectRecordId?: string;
    fromDate?: string;
    toDate?: string;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  const evidence = await evidenceFor(db, partnershipId, rows, 'relationship');
  await db.insert(agencyRelationship).values(
    rows.map((r, n) => ({
      partnershipId,
      id: randomUUID(),
      organisationId: r.organisationId,
      subjectRecordId: evidence[n]!,
      agencyPersonId: r.agencyPersonId,
      relatedExternalPersonId: r.relatedExternalPersonId,
      kind: r.kind,
      fromDate: r.fromDate ?? null,
      toDate: r.toDate ?? null,
    })),
  );
}

/**
 * The subject_record item each address or relationship row comes from: the one the test names,
 * or else a family_household item made for it, since every such row cites an item that exists
 * (agency_address_subject_record_fk, agency_relationship_subject_record_fk).
 */
async function evidenceFor(
  db: Db,
  partnershipId: string,
  rows: readonly { organisationId: string; agencyPersonId: string; subjectRecordId?: string }[],
  kind: 'address' | 'relationship',
): Promise<string[]> {
  const ids = rows.map((r) => r.subjectRecordId ?? randomUUID());
  await insertEvidenceItems(
    db,
    partnershipId,
    rows.flatMap((r, n) =>
      r.subjectRecordId
        ? []
        : [
            {
              id: ids[n]!,
              organisationId: r.organisationId,
              subjectId: r.agencyPersonId,
              fieldGroup: 'family_household',
              kind,
            },
          ],
    ),
  );
  return ids;
}

/** Items in subject_record that relationships and addresses cite as evidence (ids chosen by the test). */
export async function insertEvidenceItems(
  db: Db,
  partnershipId: string,
  rows: readonly {
    id: string;
    organisationId: string;
    subjectId: string;
    fieldGroup: string;
    kind: string;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await ensureOrganisations(
    db,
    partnershipId,
    rows.map((r) => r.organisationId),
  );
  await db.insert(subjectRecord).values(
    rows.map((r) => ({
      partnershipId,
      id: r.id,
      subjectId: r.subjectId,
      organisationId: r.organisationId,
      fieldGroup: r.fieldGroup,
      kind: r.kind,
      payload: {},
      recordedAt: new Date('2026-11-01T09:00:00Z'),
      factOrOpinion: 'fact',
      sourceReference: `test:${r.id}`,
    })),
  );
}

/** Links agency persons to persons directly, as linkage would have. */
export async function insertPersonLinks(
  db: Db,
  partnershipId: string,
  links: Record<string, string>,
): Promise<void> {
  await db.insert(personLink).values(
    Object.entries(links).map(([agencyPersonId, personId]) => ({
      partnershipId,
      agencyPersonId,
      personId,
      matchProbability: 1,
      linkedBy: 'first',
      linkedAt: new Date('2026-11-01T09:00:00Z'),
    })),
  );
}

/**
 * A fresh test database holding the agency persons, batch linked as `tessera ingest` and the
 * demo leave them, with linking dependencies (a clock fixed at `at`, this test's own indexes).
 */
export async function openLinkedDatabase(
  kind: DatabaseKind,
  partnershipId: PartnershipId,
  specs: readonly AgencyPersonSpec[],
  at: Date,
): Promise<{ database: DatabaseHandle; deps: LinkingDeps }> {
  const database = await openTestDatabase(kind);
  const deps: LinkingDeps = {
    db: database.db,
    clock: fixedClock(at),
    ids: randomIds,
    logger: silentLogger,
    linkIndexes: new LinkIndexes(),
  };
  await insertAgencyPersons(deps.db, partnershipId, specs);
  await relinkPartnership(deps, partnershipId);
  return { database, deps };
}
