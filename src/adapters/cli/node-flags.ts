/**
 * The V8 flags every Tessera process runs with. Each is set where Node is started, since V8
 * reads them only then: the shebang of bin/tessera.mjs (`tessera …` run directly or through
 * npx), package.json's `start` script, and the benchmarks that start Tessera as a child
 * (node-flags.test.ts checks the first two carry exactly these).
 *
 * --max-semi-space-size=64 (MB; Node 20's default tops out at 16 on this machine): a young
 * generation four times larger is scavenged about a quarter as often. What it is for is the tail
 * of incremental linking, where the process holds a million records and any collection during
 * a link lands in its latency: on this machine a collection overlapped 14 or 15 of 1,000 links
 * in three runs of `node --import tsx bench/linkage/db-only.ts` without the flag, and 2 to 5 in
 * four runs with it (dbIncremental.tail in linkage.json is one). For the 1M batch it was worth
 * between nothing and a tenth: bench/results/linkage.json links the million both ways in one
 * run (batch1M.wallOverWithoutNodeFlags: 0.999 and 0.886 in two runs on this machine).
 * The price is up to 192 MB more memory per process.
 */
export const tesseraNodeFlags = ['--max-semi-space-size=64'] as const;
