import { readFile, writeFile } from 'node:fs/promises';
import type { Config } from '../../../config/config.ts';
import { findGatewayCitations } from '../../../domain/agreements/find-gateway-citations.ts';
import { exportGatewayCatalogue } from '../../../domain/gateways/export-gateway-catalogue.ts';
import { importGatewayCatalogue } from '../../../domain/gateways/import-gateway-catalogue.ts';
import { systemActor } from '../../../domain/shared/actor.ts';
import type { Logger } from '../../../domain/shared/deps.ts';
import { DomainError } from '../../../domain/shared/errors.ts';
import { PLATFORM_PARTNERSHIP_ID } from '../../../domain/shared/ids.ts';
import { openRuntime } from '../../../runtime.ts';

/**
 * The gateway catalogue belongs to no partnership, so the command line acts as the platform and
 * is audited in the platform's chain. Whoever can run `tessera` can already reach the database.
 * Importing is the platform's alone: no partnership's user may replace national law for every
 * council on the platform (domain/gateways/import-gateway-catalogue.ts).
 */
const actor = (process: string) => systemActor(PLATFORM_PARTNERSHIP_ID, process);

/** `tessera gateways export --out file.xlsx` */
export async function gatewaysExportCommand(
  config: Config,
  logger: Logger,
  options: { out: string },
): Promise<number> {
  const runtime = await openRuntime(config, logger);
  try {
    const { version, workbook } = await exportGatewayCatalogue(runtime.deps, actor('cli:gateways-export'));
    await writeFile(options.out, workbook);
    console.log(
      `wrote catalogue version ${version.version} (${version.rowCount} gateways) to ${options.out}`,
    );
    return 0;
  } finally {
    await runtime.database.close();
  }
}

/** `tessera gateways import file.xlsx [--note text]`: exit 1 listing every bad row. */
export async function gatewaysImportCommand(
  config: Config,
  logger: Logger,
  options: { file: string; note?: string },
): Promise<number> {
  let file: Buffer;
  try {
    file = await readFile(options.file);
  } catch {
    console.error(`cannot read ${options.file}`);
    return 2;
  }
  const runtime = await openRuntime(config, logger);
  try {
    const deps = { ...runtime.deps, gatewayCitations: findGatewayCitations };
    const version = await importGatewayCatalogue(deps, actor('cli:gateways-import'), {
      file,
      note: options.note,
    });
    console.log(`imported catalogue version ${version.version} (${version.rowCount} gateways)`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'validation_failed') {
      console.error(error.message);
      for (const f of error.fields ?? []) console.error(`  ${f.field}: ${f.problem}`);
      return 1;
    }
    throw error;
  } finally {
    await runtime.database.close();
  }
}
