import { createTestApp } from '../../test/support/test-app.ts';

/**
 * "An unknown user and a wrong password get the same answer in the same time": interleaved
 * sign-ins for an account that does not exist and for a real account with a wrong password,
 * from many addresses (so the rate limiter does not step in), on PGlite in process.
 */
export interface SignInTimingResult {
  samples: number;
  unknownAccountMedianMs: number;
  wrongPasswordMedianMs: number;
  ratio: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runSignInTimingBench(samples = 60): Promise<SignInTimingResult> {
  const app = await createTestApp('pglite');
  try {
    const unknown: number[] = [];
    const wrong: number[] = [];
    const attempt = async (email: string, i: number) => {
      const started = performance.now();
      const response = await app.request('/api/session', {
        method: 'POST',
        headers: { 'x-forwarded-for': `203.0.113.${i % 250}` },
        body: JSON.stringify({ email, password: `wrong-password-${i}` }),
      });
      if (response.status !== 401) throw new Error(`expected 401, got ${response.status}`);
      return performance.now() - started;
    };
    // Warm up both paths, then interleave so drift affects both alike. Each real account gets
    // at most four wrong guesses, below the per-account limit.
    const accounts = [
      'sam.patel',
      'grace.obi',
      'tom.reid',
      'ellie.shaw',
      'dc.jones',
      'ps.khan',
      'nurse.walsh',
      'priya.nair',
      'dr.hughes',
      'jo.baker',
      'mark.evans',
      'lucy.grant',
      'ben.carter',
      'ruth.ali',
      'dana.okafor',
      'alex.morgan',
      'chris.lee',
      'dr.adeyemi',
    ].map((n) => `${n}@northshire.example`);
    await attempt('warm-up@northshire.example', 0);
    for (let i = 0; i < samples; i++) {
      unknown.push(await attempt(`nobody-${i}@northshire.example`, i));
      wrong.push(await attempt(accounts[i % accounts.length]!, i));
    }
    const unknownAccountMedianMs = median(unknown);
    const wrongPasswordMedianMs = median(wrong);
    return {
      samples,
      unknownAccountMedianMs,
      wrongPasswordMedianMs,
      ratio: unknownAccountMedianMs / wrongPasswordMedianMs,
    };
  } finally {
    await app.close();
  }
}
