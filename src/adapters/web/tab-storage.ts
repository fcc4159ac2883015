// The tab's session storage for answers that wait between question pages (agreement drafts,
// decision paths): kept as JSON under a key, read back as unknown for the caller to lay over its
// empty answers, and forgotten by prefix on sign-out. Storage that is missing or refuses (private
// browsing, a full quota) keeps nothing, and the pages still work; only a refresh loses answers.

/** The session storage, or null where there is none or it refuses. */
export function tabStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** What is kept under this key, parsed, or null when nothing is or it does not parse. */
export function readKept(key: string, store: Storage | null): unknown {
  const raw = store?.getItem(key);
  if (raw === null || raw === undefined) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

export function writeKept(key: string, value: unknown, store: Storage | null): void {
  try {
    store?.setItem(key, JSON.stringify(value));
  } catch {
    // A full or refused storage keeps the page working; only a refresh would lose the answers.
  }
}

export function forgetKept(key: string, store: Storage | null): void {
  store?.removeItem(key);
}

/** On signing out: every key under this prefix, so no one else at this browser finds them. */
export function forgetKeptUnder(prefix: string, store: Storage | null): void {
  if (!store) return;
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
    (k): k is string => k?.startsWith(prefix) ?? false,
  );
  for (const key of keys) store.removeItem(key);
}
