import os from 'node:os';
import { measureDbIncremental } from './db-incremental.ts';

/**
 * Only the incremental linking through PostgreSQL part of the linkage suite, for working on it
 * without the hour of accuracy and batch runs:
 * `LINKAGE_BENCH_DB_CHILDREN=268000 node --import tsx bench/linkage/db-only.ts`.
 * Prints its figures and writes no results file (`npm run bench -- linkage` writes linkage.json).
 */
const children = Number(process.env.LINKAGE_BENCH_DB_CHILDREN ?? 268_000);
const samples = Number(process.env.LINKAGE_BENCH_DB_SAMPLES ?? 1000);
const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
const result = await measureDbIncremental(children, samples);
console.log(
  JSON.stringify(
    {
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
      ...result,
    },
    null,
    2,
  ),
);
