import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** shared/ sits beside the repository (../shared); a worktree may sit one level deeper. */
function findShared(relative: string): string | undefined {
  for (const up of ['..', '../..']) {
    const candidate = resolve(repoRoot, up, 'shared', relative);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function linkageDataFolder(): string {
  const folder = process.env.TESSERA_LINKAGE_DATA ?? findShared('data/linkage');
  if (!folder || !existsSync(join(folder, 'febrl3.csv'))) {
    throw new Error(
      'the labelled linkage data (../shared/data/linkage: febrl3.csv, fake_1000.csv, ' +
        'historical_figures_with_errors_50k.csv) is missing; set TESSERA_LINKAGE_DATA to its folder',
    );
  }
  return folder;
}

/**
 * The Splink-style comparator runs from a copy in the temporary folder, with its own pinned
 * dependencies installed there by npm (shared/ is read-only, and the comparator must never
 * become a dependency of Tessera).
 */
export async function comparatorScript(): Promise<string> {
  const source = process.env.TESSERA_COMPARATOR ?? findShared('tools/splink-style-duckdb');
  if (!source || !existsSync(join(source, 'link.mjs'))) {
    throw new Error('the comparator (../shared/tools/splink-style-duckdb) is missing');
  }
  const copy = join(tmpdir(), 'tessera-splink-comparator');
  if (!existsSync(join(copy, 'node_modules', '@duckdb'))) {
    await cp(source, copy, { recursive: true });
    spawnSync('chmod', ['-R', 'u+w', copy]);
    const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: copy,
      stdio: 'inherit',
    });
    if (installed.status !== 0) throw new Error(`npm install for the comparator failed in ${copy}`);
  }
  return join(copy, 'link.mjs');
}
