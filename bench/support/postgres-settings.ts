import { readFileSync } from 'node:fs';
import pg from 'pg';
import { adminUrl } from './postgres-database.ts';

export interface PostgresSettings {
  readonly sharedBuffers: string;
  readonly hugePages: string;
  /** Huge pages reserved on the machine and how many are taken (by PostgreSQL, on this kind of machine). */
  readonly hugePagesReserved: number;
  readonly hugePagesTaken: number;
  readonly synchronousCommit: string;
  readonly tunedBy: string;
}

function meminfo(field: string): number {
  try {
    const line = readFileSync('/proc/meminfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return line ? Number(line.split(/\s+/)[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * The server settings that move the database figures most, recorded beside them: a result read
 * without them could not be reproduced. bench/support/tune-postgres.sh sets them.
 */
export async function postgresSettings(url = adminUrl): Promise<PostgresSettings> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ name: string; setting: string }>(
      `select name, current_setting(name) as setting from pg_settings
        where name in ('shared_buffers', 'huge_pages', 'synchronous_commit')`,
    );
    const get = (name: string) => rows.rows.find((r) => r.name === name)?.setting ?? 'unknown';
    const reserved = meminfo('HugePages_Total');
    return {
      sharedBuffers: get('shared_buffers'),
      hugePages: get('huge_pages'),
      hugePagesReserved: reserved,
      hugePagesTaken: reserved - meminfo('HugePages_Free') + meminfo('HugePages_Rsvd'),
      synchronousCommit: get('synchronous_commit'),
      tunedBy: 'bench/support/tune-postgres.sh (shared_buffers a quarter of RAM, on huge pages)',
    };
  } finally {
    await client.end();
  }
}
