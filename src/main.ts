/**
 * Composition root: configuration → database → dependencies → HTTP or CLI. Nothing else reads
 * the environment or opens connections.
 */
import { runCli } from './adapters/cli/program.ts';

const code = await runCli(process.argv.slice(2), process.env);
// `serve` keeps running; every other command ends here with its exit code.
if (process.argv[2] !== 'serve' || code !== 0) process.exit(code);
