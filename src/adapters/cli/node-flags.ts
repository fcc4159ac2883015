/**
 * The V8 flags every Tessera process runs with. Each is set where Node is started, since V8
 * reads them only then: the shebang of bin/tessera.mjs (`tessera …` run directly or through
 * npx), package.json's `start` script, and the benchmarks that start Tessera as a child
 * (node-flags.test.ts checks the first two carry exactly these).
 *
 * --max-semi-space-size=64 (MB; Node 20's default tops out at 16 on this machine): a young
 * generation four times larger is scavenged about a quarter as often. Linking a million records
 * allocates a short-lived string per field of every row, and a scavenge must also walk the
 * pointers from the held index (a million records, old generation) into the young one, so each
 * is costly. bench/results/linkage.json has `tessera link` of 1M generated records with these
 * flags and without them, in the same run (batch1M.wallOverWithoutNodeFlags).
 * The price is up to 192 MB more memory per process.
 */
export const tesseraNodeFlags = ['--max-semi-space-size=64'] as const;
