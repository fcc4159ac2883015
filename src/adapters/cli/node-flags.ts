/**
 * The V8 flags every Tessera process runs with. Each is set where Node is started, since V8
 * reads them only then: the shebang of bin/tessera.mjs (`tessera …` run directly or through
 * npx), package.json's `start` script, and the benchmarks that start Tessera as a child
 * (node-flags.test.ts checks the first two carry exactly these).
 *
 * --max-semi-space-size=64 (MB; Node 20's default tops out at 16 on this machine): a young
 * generation four times larger is scavenged about a quarter as often. What it is for is the tail
 * of incremental linking, where the process holds a million records and any collection during
 * a link lands in its latency: bench/results/linkage.json's dbIncremental.tail counts the links
 * a collection overlapped: 14 of 1,000 in the last committed run without the flag (commit
 * 3a04f40, on another machine and before this session's linking changes), 4 and 5 in the two
 * with it (f684d5d, a0078f8), 5 in the run after the two-thread read. For the 1M batch it was
 * worth between nothing and a tenth: the same file links the million both ways in one run
 * (batch1M.wallOverWithoutNodeFlags: 0.999 and 0.886 in those two runs, 1.024 in the next).
 * The price is up to 192 MB more memory per process.
 */
export const tesseraNodeFlags = ['--max-semi-space-size=64'] as const;
