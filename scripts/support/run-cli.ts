/**
 * How every command-line tool and bench ends when something goes wrong. A mistake of whoever ran it (a
 * bad argument, a missing folder, a damaged file) is said in one line on stderr, with exit code 2; any
 * other error is a bug, shown with its stack, with exit code 1.
 *
 * Never Node's own report of an uncaught error: once TF.js's WebAssembly backend has loaded, its
 * Emscripten glue rethrows every uncaught error and unhandled rejection from inside itself, and Node
 * then prints the line it was thrown from, the glue's 30 KB of minified code, above the error.
 */

import { parseArgs } from 'node:util';

/** A mistake of whoever ran the tool, which its message explains in one line. */
export class UserError extends Error {}

/** What a file-system error means, for the errors a wrong or unreadable path gives. */
const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'not a folder',
  EISDIR: 'a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** The line that explains a mistake of whoever ran the tool, or undefined for an error that is a bug. */
export function userErrorLine(error: unknown): string | undefined {
  if (error instanceof UserError) return error.message;
  const { code, path, message } = (error ?? {}) as NodeJS.ErrnoException;
  // node:util's parseArgs: an unknown option, a missing value.
  if (code?.startsWith('ERR_PARSE_ARGS_')) return message;
  if (code && path && code in FILE_ERRORS) return `${path}: ${FILE_ERRORS[code]}`;
  return undefined;
}

function fail(error: unknown): never {
  const line = userErrorLine(error);
  if (line === undefined) {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  }
  process.stderr.write(`${line.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(2);
}

/** Runs a tool's `main`, and ends the process as above if it fails. */
export async function runCli(main: () => Promise<void>): Promise<void> {
  // Listening before main loads the WebAssembly backend puts these ahead of its glue's own listeners.
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  try {
    await main();
  } catch (error) {
    fail(error);
  }
}

/**
 * Runs `check`, and turns what it throws into a UserError, after `context` if given: for checks whose
 * every failure is the user's to fix.
 */
export function asUserError<T>(check: () => T, context?: string): T {
  try {
    return check();
  } catch (err) {
    const message = (err as Error).message;
    throw new UserError(context ? `${context}: ${message}` : message);
  }
}

/**
 * The number option `--name` was given as, refused in one line unless it is a number (a whole one, and
 * at least `min`, when asked for).
 */
export function numberOption(name: string, value: string, { whole = false, min = -Infinity } = {}): number {
  const number = Number(value);
  const ok = value.trim() !== '' && Number.isFinite(number) && (!whole || Number.isInteger(number)) && number >= min;
  if (!ok) {
    const kind = whole ? 'a whole number' : 'a number';
    throw new UserError(`--${name} must be ${kind}${min > -Infinity ? ` of at least ${min}` : ''}, not "${value}"`);
  }
  return number;
}

/** For a tool that takes no arguments: refuses any it is given. */
export function refuseArguments(): void {
  parseArgs({ options: {} });
}
