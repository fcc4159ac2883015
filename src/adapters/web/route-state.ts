// What one page hands to the next through history state (never through the URL).

/** A notice from the page that sent the user here, such as "Your password has been changed". */
export function noticeFrom(state: unknown): string | null {
  const notice = (state as { notice?: unknown } | null)?.notice;
  return typeof notice === 'string' ? notice : null;
}

/** Where to go after signing in: the page the user was sent from, if it is one of ours. */
export function returnPathFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}
