import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../../config/config.ts';
import type { Logger } from '../../domain/shared/deps.ts';
import { createLogger } from '../../logger.ts';
import type { LinkCommandOptions } from './commands/link.ts';
import { canonicalFields } from '../../domain/people/linkage/fields.ts';

/**
 * Each command's module is loaded only when that command runs, so `tessera link` or `tessera
 * ingest` does not first load the web app, React and both database drivers (about two seconds
 * of every start; bench/startup measures it).
 */
const load = {
  admin: () => import('./commands/admin.ts'),
  audit: () => import('./commands/audit.ts'),
  demoFeeds: () => import('./commands/demo-feeds.ts'),
  demoGenerate: () => import('./commands/demo-generate.ts'),
  gateways: () => import('./commands/gateways.ts'),
  ingest: () => import('./commands/ingest.ts'),
  link: () => import('./commands/link.ts'),
  people: () => import('./commands/people.ts'),
  records: () => import('./commands/records.ts'),
  requests: () => import('./commands/requests.ts'),
  serve: () => import('./commands/serve.ts'),
};

/** Exit codes: 0 done, 1 the command ran and failed (e.g. tampering found), 2 bad usage or config. */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number above 0');
  return n;
}

export function buildProgram(
  env: Record<string, string | undefined>,
  setExitCode: (code: number) => void,
): Command {
  let config: Config | undefined;
  let logger: Logger | undefined;
  const context = () => {
    config ??= loadConfig(env);
    // Words on a terminal, JSON when stdout is a file or a pipe (a log collector).
    logger ??= createLogger(config, { terminal: process.stdout.isTTY === true });
    return { config, logger };
  };
  const run = (action: (c: Config, l: Logger) => Promise<number | void>) => async () => {
    const { config: c, logger: l } = context();
    const code = await action(c, l);
    if (typeof code === 'number') setExitCode(code);
  };

  const program = new Command('tessera')
    .description('Tessera: lawful, minimal, provable information sharing for safeguarding partnerships')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('serve')
    .description('start the web app and API (embedded database unless DATABASE_URL is set)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)', positiveInteger)
    .action(async (options: { port?: number }) => {
      const { config: c, logger: l } = context();
      await (await load.serve()).serveCommand(options.port ? { ...c, port: options.port } : c, l);
    });

  const db = program.command('db').description('database administration');
  db.command('migrate')
    .description('apply pending migrations')
    .action(run(async (c, l) => (await load.admin()).dbMigrateCommand(c, l)));

  const demo = program.command('demo').description('the Northshire demo partnership (demo only)');
  demo
    .command('seed')
    .description('create the demo partnership, its organisations and users')
    .action(run(async (c, l) => (await load.admin()).demoSeedCommand(c, l)));

  demo
    .command('generate')
    .description(
      'write a synthetic multi-agency population of families as CSV, with the true person of each record',
    )
    .requiredOption(
      '--children <n>',
      'how many children (with their parents, siblings and twins)',
      positiveInteger,
    )
    .requiredOption('--out <dir>', 'folder to write records.csv (or one file per agency) into')
    .option('--seed <n>', 'random seed; the same seed writes the same records', positiveInteger, 1)
    .option('--per-agency', 'write council.csv, police.csv, nhs.csv and school.csv instead of records.csv')
    .action(async (options: { children: number; out: string; seed: number; perAgency?: boolean }) => {
      setExitCode(
        await (
          await load.demoGenerate()
        ).demoGenerateCommand({ ...options, perAgency: options.perAgency ?? false }),
      );
    });

  demo
    .command('feeds')
    .description(
      "write the demo agencies' feed files and mappings (what npm start loads), for tessera ingest",
    )
    .requiredOption('--out <dir>', 'folder to write <feed>.mapping.json and <feed>.csv|.jsonl into')
    .option('--children <n>', 'how many children', positiveInteger, 200)
    .action(async (options: { out: string; children: number }) => {
      setExitCode(await (await load.demoFeeds()).demoFeedsCommand(options));
    });

  program
    .command('link')
    .description(
      'find the records of one person across CSV files, with no training data; writes source,record_id,cluster_id',
    )
    .requiredOption('--input <file>', 'a CSV file with a header row (repeat for several files)', collect, [])
    .requiredOption('--id <column>', 'the column that identifies a record within its file')
    .requiredOption(
      '--map <fields>',
      `field=column pairs, e.g. first_name=forename,last_name=surname,dob=birth_date (columns joined by + are concatenated); fields: ${canonicalFields.join(', ')}`,
    )
    .requiredOption('--output <file>', 'where to write source,record_id,cluster_id')
    .option(
      '--dob-format <format>',
      'date of birth format, e.g. DD/MM/YYYY or YYYYMMDD (default: ISO, compact or day-first)',
    )
    .option('--review <file>', 'also write the pairs left for a person to review, with their match weights')
    .option('--link-only', 'compare records across files only, not within one file')
    .option('--stats <file>', 'write timings, the fitted model and peak memory as JSON')
    .action(async (options: LinkCommandOptions) => {
      setExitCode(await (await load.link()).linkCommand(options));
    });

  const people = program.command('people').description("person linkage of the partnership's agency records");
  people
    .command('relink')
    .description(
      'link every agency record of a partnership with no links yet, in one batch (the initial load)',
    )
    .option('--partnership <id>', 'partnership id (default: the only one)')
    .action(async (options: { partnership?: string }) => {
      await run(async (c, l) => (await load.people()).peopleCommand(c, l, { act: 'relink', ...options }))();
    });
  people
    .command('refit')
    .description('fit the linkage model again to every record held; existing links are kept')
    .option('--partnership <id>', 'partnership id (default: the only one)')
    .action(async (options: { partnership?: string }) => {
      await run(async (c, l) => (await load.people()).peopleCommand(c, l, { act: 'refit', ...options }))();
    });
  program
    .command('records')
    .description('agency records held by the partnership')
    .command('erase')
    .description(
      "erase one record with all its versions on its controller's instruction, leaving a tombstone (UK GDPR Art 17)",
    )
    .argument('<record id>', 'the record to erase')
    .requiredOption(
      '--ground <ground>',
      'no_longer_necessary, consent_withdrawn, objection_upheld, unlawfully_processed, legal_obligation or inaccurate',
    )
    .option('--reference <reference>', "the controller's reference for the request (no names)")
    .option('--partnership <id>', 'partnership id (default: the only one)')
    .action(
      async (recordId: string, options: { ground: string; reference?: string; partnership?: string }) => {
        await run(async (c, l) =>
          (await load.records()).eraseRecordCommand(c, l, { recordId, ...options }),
        )();
      },
    );
  program
    .command('requests')
    .description('requests for information between agencies')
    .command('overdue')
    .description('list the partner checks past their deadline and still waiting, by partnership')
    .option('--partnership <id>', 'only this partnership')
    .action(async (options: { partnership?: string }) => {
      await run(async (c, l) => (await load.requests()).overdueRequestsCommand(c, l, options))();
    });
  program
    .command('ingest')
    .description(
      'load an agency feed file (CSV or JSON) through its mapping; rerunning it writes nothing new',
    )
    .requiredOption('--org <id>', 'the organisation sending the feed')
    .requiredOption('--mapping <file>', 'the feed mapping (JSON)')
    .argument('<data file>', 'the CSV, JSON Lines or JSON array file')
    .option('--partnership <id>', 'refuse unless the organisation is in this partnership')
    .option('--batch-size <n>', 'rows per transaction (default 2000)', positiveInteger)
    .action(
      async (
        file: string,
        options: { org: string; mapping: string; partnership?: string; batchSize?: number },
      ) => {
        await run(async (c, l) => (await load.ingest()).ingestCommand(c, l, { ...options, file }))();
      },
    );

  const user = program.command('user').description('user administration');
  user
    .command('add')
    .description(
      "add a user with a role in an organisation, as the platform operator: the way to make system administrators and each organisation's first organisation_admin; the password is read from standard input",
    )
    .requiredOption('--email <email>', 'sign-in email address')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--organisation <id>', 'organisation id')
    .requiredOption('--role <role>', 'role, e.g. organisation_admin, partnership_admin or system_admin')
    .option('--partnership <id>', 'partnership id (default: the only one)')
    .requiredOption('--password-stdin', 'read the password from standard input (never from the command line)')
    .action(
      async (options: {
        email: string;
        name: string;
        organisation: string;
        role: string;
        partnership?: string;
      }) => {
        const password = await readStdin();
        await run(async (c, l) => (await load.admin()).userAddCommand(c, l, { ...options, password }))();
      },
    );

  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description('verify the hash chains and signed checkpoints; exit 1 naming the first bad sequence number')
    .option('--partnership <id>', 'verify one partnership only')
    .option(
      '--checkpoint <seq>',
      'verify only the checkpoint ending at this sequence number',
      positiveInteger,
    )
    .action(async (options: { partnership?: string; checkpoint?: number }) => {
      await run(async (c, l) => (await load.audit()).auditVerifyCommand(c, l, options))();
    });
  audit
    .command('seal')
    .description(
      'run the sealer: chain new events, sign checkpoints and write them to the witness folder, until stopped',
    )
    .action(run(async (c, l) => (await load.audit()).auditSealCommand(c, l)));
  audit
    .command('checkpoint')
    .description('seal all committed events now and sign a checkpoint over them')
    .action(run(async (c, l) => (await load.audit()).auditCheckpointCommand(c, l)));

  const gateways = program.command('gateways').description('the legal gateway catalogue');
  gateways
    .command('export')
    .description('write the current catalogue to an Excel workbook')
    .requiredOption('--out <file>', 'the .xlsx file to write')
    .action(async (options: { out: string }) => {
      await run(async (c, l) => (await load.gateways()).gatewaysExportCommand(c, l, options))();
    });
  gateways
    .command('import')
    .description('make a workbook the new catalogue version; exit 1 listing every bad row')
    .argument('<file>', 'the .xlsx file to import')
    .option('--note <text>', 'why the catalogue is changing')
    .action(async (file: string, options: { note?: string }) => {
      await run(async (c, l) => (await load.gateways()).gatewaysImportCommand(c, l, { file, ...options }))();
    });
  return program;
}

/** Runs the CLI and returns the process exit code. */
export async function runCli(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(env, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      console.error(error.message);
      return EXIT_USAGE;
    }
    console.error(`tessera: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  }
}
