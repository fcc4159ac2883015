import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * Tests that need a program the operating system provides (Chromium for the browser tests,
 * LibreOffice for the agreement's Word-to-PDF test, unzip) ask for it here. On a machine without
 * it they are reported as skipped, with the reason and how to install it, so `npm install &&
 * npm test` passes with Node alone (DESIGN.md section 6). `.ci/run` installs every tool and sets
 * TESSERA_REQUIRE_SYSTEM_TOOLS=1, under which a missing tool fails the run instead: CI never
 * passes by skipping them.
 */
export interface SystemTool {
  /** What a person calls it, for the reason shown ("LibreOffice"). */
  readonly name: string;
  /** A command looked up on PATH, or an absolute path to the executable. */
  readonly command: string;
  /** How to get it, shown with the reason. */
  readonly install: string;
}

export const REQUIRE_SYSTEM_TOOLS = 'TESSERA_REQUIRE_SYSTEM_TOOLS';

/** The executable's absolute path, or undefined when it is not there (or not executable). */
export function findExecutable(command: string, path = process.env.PATH ?? ''): string | undefined {
  const candidates = isAbsolute(command)
    ? [command]
    : path
        .split(delimiter)
        .filter((dir) => dir !== '')
        .map((dir) => join(dir, command));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Why the tool cannot be used, or undefined when it is there. */
export function missingToolReason(tool: SystemTool, path?: string): string | undefined {
  if (findExecutable(tool.command, path) !== undefined) return undefined;
  const where = isAbsolute(tool.command) ? `at ${tool.command}` : `as "${tool.command}" on PATH`;
  return `${tool.name} was not found ${where} (${tool.install})`;
}

/**
 * node:test options for a suite or test that needs these tools: `{}` when they are all there,
 * `{ skip: reason }` when one is missing, and an error naming it when the environment requires
 * system tools (CI), so that the test file fails rather than passing by skipping.
 */
export function needsSystemTools(
  tools: readonly SystemTool[],
  env: NodeJS.ProcessEnv = process.env,
): { skip?: string } {
  const reasons = tools.flatMap((tool) => missingToolReason(tool, env.PATH ?? '') ?? []);
  if (reasons.length === 0) return {};
  const reason = reasons.join('; ');
  if (env[REQUIRE_SYSTEM_TOOLS] === '1')
    throw new Error(`${reason}. ${REQUIRE_SYSTEM_TOOLS}=1 requires every system tool the tests use.`);
  return { skip: reason };
}

export const libreOffice: SystemTool = {
  name: 'LibreOffice',
  command: 'soffice',
  install: 'apt-get install -y libreoffice-writer-nogui',
};

export const unzip: SystemTool = { name: 'unzip', command: 'unzip', install: 'apt-get install -y unzip' };

/** Debian's Chromium, or the browser CHROMIUM_PATH names. */
export const chromium: SystemTool = {
  name: 'Chromium',
  command: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  install: 'apt-get install -y chromium, or set CHROMIUM_PATH',
};
