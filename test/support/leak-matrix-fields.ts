/**
 * Field-level checks for the leak matrix (test/leak-matrix.test.ts). Every item the matrix writes
 * carries EVERY key that any field group declares, each with a marker naming the subject, the
 * holder, the item's field group and the key ("M~police~identity~firstName"). A reader may show
 * a marker only if the agreements let the viewer see that holder's group AND that group declares
 * the key; any other marker found in any response is a field leak. The declaration is read from
 * the published field group list (GET /api/policy/field-groups), the flows from the published
 * flow register: nothing here calls the policy code under test.
 */
export type Subject = 'M' | 'P';

export interface PublishedGroup {
  readonly id: string;
  readonly fields: readonly string[];
}

export const marker = (subject: Subject, holderKey: string, group: string, key: string) =>
  `${subject}~${holderKey}~${group}~${key}`;

/** An item of `group` held by `holderKey` with every declared key of every group, each marked. */
export function markedPayload(
  subject: Subject,
  holderKey: string,
  group: string,
  groups: readonly PublishedGroup[],
): Record<string, string> {
  const keys = [...new Set(groups.flatMap((g) => g.fields))];
  return Object.fromEntries(keys.map((k) => [k, marker(subject, holderKey, group, k)]));
}

const markerPattern = /\b([MP])~([a-z]+)~([a-z_]+)~([A-Za-z]+)\b/g;

/**
 * The markers in a response that the viewer must not see: the holder's group not allowed
 * (`allowed` holds "holderId|group"), or the key not declared by the group.
 */
export function fieldLeaks(
  text: string,
  allowed: ReadonlySet<string>,
  groups: readonly PublishedGroup[],
  orgIdOf: (key: string) => string,
): string[] {
  const declared = new Map(groups.map((g) => [g.id, new Set(g.fields)]));
  const leaks = new Set<string>();
  for (const [found, , holderKey, group, key] of text.matchAll(markerPattern)) {
    const ok = allowed.has(`${orgIdOf(holderKey!)}|${group}`) && declared.get(group!)?.has(key!) === true;
    if (!ok) leaks.add(found);
  }
  return [...leaks].sort();
}

/** Every marker the records endpoint must show: each allowed (holder, group) with each key it declares. */
export function expectedMarkers(
  subject: Subject,
  allowed: ReadonlySet<string>,
  groups: readonly PublishedGroup[],
  keyOfOrg: (id: string) => string,
): Set<string> {
  const out = new Set<string>();
  for (const pair of allowed) {
    const [holder, group] = pair.split('|') as [string, string];
    for (const key of groups.find((g) => g.id === group)?.fields ?? [])
      out.add(marker(subject, keyOfOrg(holder), group, key));
  }
  return out;
}

export const markersIn = (text: string) => new Set([...text.matchAll(markerPattern)].map((m) => m[0]));
