import {
  canonicalFields,
  isCanonicalField,
  type CanonicalField,
} from '../../../domain/people/linkage/fields.ts';

/** `first_name=given,last_name=surname,address=house+street`: columns joined by "+" are concatenated. */
export type FieldMapping = Partial<Record<CanonicalField, string[]>>;

export class MappingError extends Error {}

export function parseFieldMapping(text: string): FieldMapping {
  const mapping: FieldMapping = {};
  for (const item of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = item.indexOf('=');
    const field = (eq < 0 ? item : item.slice(0, eq)).trim();
    const columns =
      eq < 0
        ? []
        : item
            .slice(eq + 1)
            .split('+')
            .map((s) => s.trim())
            .filter(Boolean);
    if (!isCanonicalField(field)) {
      throw new MappingError(
        `--map names an unknown field "${field}"; the fields are ${canonicalFields.join(', ')}`,
      );
    }
    if (columns.length === 0) throw new MappingError(`--map ${field}= needs a column name`);
    if (mapping[field]) throw new MappingError(`--map names ${field} twice`);
    mapping[field] = columns;
  }
  if (Object.keys(mapping).length === 0) throw new MappingError('--map must name at least one field');
  return mapping;
}

/** Checks every mapped column exists in the file's header; returns column indices per field. */
export function resolveMapping(
  mapping: FieldMapping,
  idColumn: string,
  header: readonly string[],
  file: string,
): { id: number; fields: [CanonicalField, number[]][] } {
  const trimmed = header.map((h) => h.trim());
  const indexOf = (column: string, flag: string) => {
    const i = trimmed.indexOf(column.trim());
    if (i < 0) {
      throw new MappingError(
        `${flag} names column "${column}", which ${file} does not have (its columns: ${trimmed.join(', ')})`,
      );
    }
    return i;
  };
  const id = indexOf(idColumn, '--id');
  const fields = Object.entries(mapping).map(
    ([field, columns]) =>
      [field as CanonicalField, columns.map((c) => indexOf(c, `--map ${field}`))] as [
        CanonicalField,
        number[],
      ],
  );
  return { id, fields };
}
