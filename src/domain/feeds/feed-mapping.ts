import { z } from 'zod';
import { recordKinds, type RecordKind } from '../records/record-kinds.ts';
import {
  categoryOf,
  dataCategories,
  fieldGroups,
  type DataCategory,
  type FieldGroup,
} from '../policy/field-groups.ts';
import { DomainError, type FieldProblem } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';

/**
 * The mapping file of one agency feed: which organisation sends it, what kind of record each row
 * is, which field group and data category it belongs to (so agreements can decide who sees it),
 * which columns identify the person and the item, and what each mapped column means and whether
 * it is fact or opinion (2018 and 2024 advice: keep them apart; DOMAIN.md 2.5).
 */
const columnMapping = z.strictObject({
  key: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'Use a camelCase key such as incidentType'),
  item: z.enum(['fact', 'opinion']),
});

const feedMappingSchema = z.strictObject({
  organisation: z.string().refine(isUuid, 'Give the organisation id (a UUID)'),
  feed: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use lower case letters, digits and hyphens'),
  format: z.enum(['csv', 'json']),
  recordKind: z.enum(Object.keys(recordKinds) as [RecordKind, ...RecordKind[]]),
  fieldGroup: z.enum(fieldGroups),
  dataCategory: z.enum(dataCategories),
  personIdColumn: z.string().min(1),
  externalIdColumn: z.string().min(1),
  /** The column with the date the recorded thing happened (chronology order); optional. */
  eventDateColumn: z.string().min(1).optional(),
  /** How the feed writes dates: ISO (2015-02-28, the default) or day first (28/02/2015). */
  dateFormat: z.enum(['iso', 'day_first']).default('iso'),
  columns: z
    .record(z.string().min(1), columnMapping)
    .refine((c) => Object.keys(c).length > 0, 'Map at least one column'),
});

export type FeedMapping = z.infer<typeof feedMappingSchema>;

/** Canonical keys whose values are checked (field-checks.ts) rather than kept as given. */
export const identityKeys = [
  'firstName',
  'middleNames',
  'lastName',
  'dob',
  'sex',
  'nhsNumber',
  'upn',
  'postcode',
  'address',
  'city',
  'email',
  'phone',
] as const;

export const isDateKey = (key: string) => key === 'dob' || key.endsWith('Date');

/** Keys a kind needs for the tables beyond the record itself (addresses, relationships). */
const requiredKeys: Partial<Record<RecordKind, readonly string[]>> = {
  address: ['address'],
  relationship: ['relatedPersonId', 'relationship'],
};

/**
 * Parses and checks a mapping. Every problem is named by its key (`columns.dob.item`,
 * `dataCategory`), so the data manager can fix the file in one go.
 */
export function parseFeedMapping(input: unknown): FeedMapping {
  const parsed = feedMappingSchema.safeParse(input);
  if (!parsed.success) {
    throw mappingError(
      parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({
              field: [...issue.path.map(String), key].join('.'),
              problem: 'This key is not part of a feed mapping',
            }))
          : [{ field: issue.path.map(String).join('.') || '(mapping)', problem: issue.message }],
      ),
    );
  }
  const m = parsed.data;
  const problems: FieldProblem[] = [];
  const category: DataCategory = categoryOf(m.fieldGroup as FieldGroup);
  if (m.dataCategory !== category)
    problems.push({
      field: 'dataCategory',
      problem: `The field group ${m.fieldGroup} holds ${category.replace('_', ' ')} data, not ${m.dataCategory.replace('_', ' ')}`,
    });
  const keys = Object.values(m.columns).map((c) => c.key);
  const seen = new Set<string>();
  for (const [column, c] of Object.entries(m.columns)) {
    if (seen.has(c.key))
      problems.push({
        field: `columns.${column}.key`,
        problem: `Another column is already mapped to ${c.key}`,
      });
    seen.add(c.key);
    if (c.key === 'opinionFields')
      problems.push({ field: `columns.${column}.key`, problem: 'opinionFields is reserved' });
  }
  for (const key of requiredKeys[m.recordKind] ?? [])
    if (!keys.includes(key))
      problems.push({ field: 'columns', problem: `A ${m.recordKind} feed must map a column to ${key}` });
  if (
    m.eventDateColumn !== undefined &&
    !m.columns[m.eventDateColumn] &&
    m.eventDateColumn !== m.externalIdColumn
  )
    problems.push({
      field: 'eventDateColumn',
      problem: 'The event date column must also be mapped under columns',
    });
  if (problems.length > 0) throw mappingError(problems);
  return m;
}

function mappingError(fields: readonly FieldProblem[]): DomainError {
  return new DomainError(
    'validation_failed',
    `The mapping is not valid: ${fields.map((f) => `${f.field}: ${f.problem}`).join('; ')}`,
    {
      fields: fields.map((f) => ({ field: `mapping.${f.field}`, problem: f.problem })),
    },
  );
}

/** Parses mapping text (the file's contents), naming a JSON syntax error as such. */
export function parseFeedMappingText(text: string): FeedMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw mappingError([{ field: '(mapping)', problem: 'The mapping is not valid JSON' }]);
  }
  return parseFeedMapping(json);
}

/** The file columns a mapping reads, in a fixed order: person id, external id, then the mapped ones. */
export function mappedColumns(m: FeedMapping): string[] {
  return [...new Set([m.personIdColumn, m.externalIdColumn, ...Object.keys(m.columns)])];
}
