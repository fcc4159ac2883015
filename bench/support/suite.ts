/**
 * What every benchmark suite gives back to bench/run.ts, which adds the machine and the date and
 * writes bench/results/<suite>.json. A suite lives in bench/<name>/suite.ts and exports `suite`.
 */
export interface BenchSuite {
  readonly description: string;
  run(): Promise<BenchReport>;
}

export interface BenchReport {
  /** Facts about the environment beyond the machine, e.g. the database server's version. */
  readonly environment: Record<string, unknown>;
  readonly parameters: Record<string, unknown>;
  readonly results: Record<string, unknown>;
  readonly targets: readonly TargetCheck[];
  /** Lines for the readable summary printed to stdout. */
  readonly summary: readonly string[];
}

export interface TargetCheck {
  readonly name: string;
  /** The target as a person reads it, e.g. "≥ 4000 appends/s". */
  readonly target: string;
  readonly actual: string;
  readonly pass: boolean;
}

export function check(name: string, target: string, actual: string, pass: boolean): TargetCheck {
  return { name, target, actual, pass };
}
