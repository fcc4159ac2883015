import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../shared/errors.ts';
import { parseFeedMapping, parseFeedMappingText } from './feed-mapping.ts';

const valid = {
  organisation: '5e0f5a1c-8d2b-4a6e-9b3f-1c2d3e4f5a03',
  feed: 'police-incidents',
  format: 'csv',
  recordKind: 'police_incident',
  fieldGroup: 'police_incidents',
  dataCategory: 'criminal_offence',
  personIdColumn: 'person',
  externalIdColumn: 'ref',
  columns: { type: { key: 'incidentType', item: 'fact' } },
};

const fieldsOf = (input: unknown) => {
  try {
    parseFeedMapping(input);
  } catch (error) {
    return (error as DomainError).fields?.map((f) => f.field);
  }
  return [];
};

test('a valid mapping parses, with ISO dates by default', () => {
  assert.equal(parseFeedMapping(valid).dateFormat, 'iso');
});

test('every problem is named by its key', () => {
  assert.deepEqual(fieldsOf({ ...valid, dataCategory: 'personal' }), ['mapping.dataCategory']);
  assert.deepEqual(fieldsOf({ ...valid, fieldGroup: 'gossip', recordKind: 'rumour' }), [
    'mapping.recordKind',
    'mapping.fieldGroup',
  ]);
  assert.deepEqual(fieldsOf({ ...valid, columns: { type: { key: 'incidentType', item: 'hunch' } } }), [
    'mapping.columns.type.item',
  ]);
  assert.deepEqual(fieldsOf({ ...valid, extra: 1 }), ['mapping.extra']);
  assert.deepEqual(fieldsOf({ ...valid, organisation: 'police' }), ['mapping.organisation']);
  assert.deepEqual(
    fieldsOf({
      ...valid,
      columns: { a: { key: 'summary', item: 'fact' }, b: { key: 'summary', item: 'opinion' } },
    }),
    ['mapping.columns.b.key'],
  );
  assert.deepEqual(
    fieldsOf({
      ...valid,
      recordKind: 'relationship',
      fieldGroup: 'family_household',
      dataCategory: 'personal',
    }),
    ['mapping.columns', 'mapping.columns'],
  );
  assert.deepEqual(fieldsOf({ ...valid, eventDateColumn: 'when' }), ['mapping.eventDateColumn']);
  assert.throws(() => parseFeedMappingText('{not json'), /not valid JSON/);
});
