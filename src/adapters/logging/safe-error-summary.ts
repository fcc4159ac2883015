/**
 * What may be logged about an unexpected error. Driver errors can carry personal data: drizzle's
 * query errors quote every parameter, and PostgreSQL's `detail` quotes key values. So the log
 * keeps each error's class, SQLSTATE and stack frames, and a message only where it cannot hold
 * query parameters.
 */
export interface ErrorSummary {
  readonly name: string;
  readonly code?: string;
  readonly message?: string;
  readonly frames?: string[];
}

const messageMayQuoteData = new Set(['DrizzleQueryError']);

export function safeErrorSummary(error: unknown): ErrorSummary[] {
  const chain: ErrorSummary[] = [];
  for (let e: unknown = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause) {
    if (!(e instanceof Error)) {
      chain.push({ name: typeof e });
      break;
    }
    const code = (e as { code?: unknown }).code;
    chain.push({
      name: e.constructor.name,
      ...(typeof code === 'string' ? { code } : {}),
      ...(messageMayQuoteData.has(e.constructor.name) ? {} : { message: e.message.slice(0, 200) }),
      frames: (e.stack ?? '')
        .split('\n')
        .filter((line) => line.trimStart().startsWith('at '))
        .slice(0, 8)
        .map((line) => line.trim()),
    });
  }
  return chain;
}
