import os from 'node:os';

/** The machine a result was measured on, so figures from different runs can be compared fairly. */
export function describeMachine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    // Other work on a 2-core machine moves every figure: the 1-minute load when the run began.
    loadAverage1mAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}
