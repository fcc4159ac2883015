import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on one of Tessera's TypeScript modules. tsx runs this program's
 * TypeScript (bin/tessera.mjs); a worker thread is a fresh module graph and needs it registered
 * too, before the module is imported.
 */
export function startTypeScriptWorker(script: URL, workerData: unknown): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); })`,
    { eval: true, workerData },
  );
}
