/**
 * The exact-match baseline: two records are one person when their given name, surname and date
 * of birth agree exactly after trimming and lower-casing; a record missing any of them stands
 * alone. This is what a spreadsheet VLOOKUP gives a data team.
 */
export function exactMatchClusters(
  rows: readonly Record<string, string>[],
  id: string,
  [first, last, dob]: readonly [string, string, string],
): Map<string, string> {
  const get = (row: Record<string, string>, col: string) =>
    (row[col] ?? row[` ${col}`] ?? '').trim().toLowerCase();
  const out = new Map<string, string>();
  for (const row of rows) {
    const values = [get(row, first), get(row, last), get(row, dob)];
    const key = values.every(Boolean) ? values.join('\u0000') : `single:${out.size}`;
    out.set((row[id] ?? row[` ${id}`] ?? '').trim(), key);
  }
  return out;
}
