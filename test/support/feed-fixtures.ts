import type { DatabaseHandle, DatabaseKind } from '../../src/adapters/db/open-database.ts';
import { demoOrganisations, demoPartnership } from '../../src/domain/demo/northshire.ts';
import { seedDemoPartnership } from '../../src/domain/demo/seed-demo-partnership.ts';
import { parseFeedMapping, type FeedMapping } from '../../src/domain/feeds/feed-mapping.ts';
import type { IngestDeps } from '../../src/domain/feeds/ingest-feed.ts';
import { systemActor, type Actor } from '../../src/domain/shared/actor.ts';
import { fixedClock } from '../../src/domain/shared/clock.ts';
import { silentLogger } from '../../src/domain/shared/deps.ts';
import { randomIds, type PartnershipId } from '../../src/domain/shared/ids.ts';
import { openTestDatabase } from './test-database.ts';

export const orgId = (key: string) => demoOrganisations.find((o) => o.key === key)!.id;
export const northshireSystem: Actor = systemActor(demoPartnership.id as PartnershipId, 'test-ingest');

/** A fresh database with Northshire (no agreements: ingest needs none), and ingest deps on it. */
export async function openFeedsDatabase(
  kind: DatabaseKind,
): Promise<{ database: DatabaseHandle; deps: IngestDeps }> {
  const database = await openTestDatabase(kind);
  const deps: IngestDeps = {
    db: database.db,
    clock: fixedClock(new Date('2026-11-02T09:00:00Z')),
    ids: randomIds,
    logger: silentLogger,
  };
  await seedDemoPartnership(deps);
  return { database, deps };
}

/** The file as a stream of chunks, cut at awkward places like a network would. */
export async function* fileChunks(text: string | Buffer, chunkSize = 37): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}

export const csvFile = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

export function personDetailsMapping(overrides: Partial<FeedMapping> = {}): FeedMapping {
  return parseFeedMapping({
    organisation: orgId('csc'),
    feed: 'csc-people',
    format: 'csv',
    recordKind: 'person_details',
    fieldGroup: 'identity',
    dataCategory: 'personal',
    personIdColumn: 'person_ref',
    externalIdColumn: 'person_ref',
    dateFormat: 'day_first',
    columns: {
      forename: { key: 'firstName', item: 'fact' },
      surname: { key: 'lastName', item: 'fact' },
      birth_date: { key: 'dob', item: 'fact' },
      nhs_no: { key: 'nhsNumber', item: 'fact' },
      upn: { key: 'upn', item: 'fact' },
      postcode: { key: 'postcode', item: 'fact' },
      notes: { key: 'notes', item: 'opinion' },
    },
    ...overrides,
  });
}

export const peopleHeader = 'person_ref,forename,surname,birth_date,nhs_no,upn,postcode,notes';

export function policeIncidentMapping(): FeedMapping {
  return parseFeedMapping({
    organisation: orgId('police'),
    feed: 'police-incidents',
    format: 'json',
    recordKind: 'police_incident',
    fieldGroup: 'police_incidents',
    dataCategory: 'criminal_offence',
    personIdColumn: 'subject',
    externalIdColumn: 'ref',
    eventDateColumn: 'occurred',
    columns: {
      type: { key: 'incidentType', item: 'fact' },
      occurred: { key: 'incidentDate', item: 'fact' },
      summary: { key: 'summary', item: 'opinion' },
    },
  });
}
