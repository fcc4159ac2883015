import type { JobQueue, SendJobOptions } from '../../src/domain/shared/job-queue.ts';

export interface SentJob {
  readonly name: string;
  readonly data: unknown;
  readonly options: SendJobOptions | undefined;
}

/** The job queue port in memory: what was sent, as the domain sent it, once per singletonKey. */
export function recordingJobQueue(): { jobs: JobQueue; sent: SentJob[] } {
  const sent: SentJob[] = [];
  const keys = new Set<string>();
  const jobs: JobQueue = {
    send: async (name, data, options) => {
      const key = options?.singletonKey ? `${name}|${options.singletonKey}` : undefined;
      if (key && keys.has(key)) return null;
      if (key) keys.add(key);
      sent.push({ name, data, options });
      return `job-${sent.length}`;
    },
  };
  return { jobs, sent };
}
