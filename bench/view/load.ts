import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * A closed-loop load: `concurrency` requests in flight for `seconds`, each sent as soon as the
 * previous one on its slot answered, over keep-alive connections (node:http, lighter than fetch,
 * so the generator takes less of the two cores from the server it measures).
 */
export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
  readonly statuses: Record<string, number>;
}

export interface Target {
  readonly path: string;
  readonly headers?: Record<string, string>;
}

export function get(agent: http.Agent, port: number, target: Target): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: target.path, agent, headers: target.headers ?? {} },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}

export async function runLoad(options: {
  port: number;
  concurrency: number;
  seconds: number;
  next: () => Target;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const until = started + options.seconds * 1000;
  const slot = async () => {
    while (performance.now() < until) {
      const began = performance.now();
      const status = await get(agent, options.port, options.next());
      latenciesMs.push(performance.now() - began);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, slot));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: latenciesMs.length, seconds, latenciesMs, statuses };
}
