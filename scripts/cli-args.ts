/**
 * Command-line flags for the scripts, read with node:util `parseArgs`, strict: an unknown
 * flag, a flag without its value or a stray argument is a one-line error naming it,
 * followed by the usage line; -h and --help print the whole help. scripts/pack-args.ts
 * reads pack's flags the same way.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake in the command line; its message is one line ending with the usage line. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The first line of a help text: what an error repeats. */
export const usageLine = (help: string) => help.split('\n')[0] ?? help;

/** `parseArgs`'s messages, shortened to what went wrong and where. */
function plainly(error: Error & { code?: string }): string {
  const quoted = /'([^' ]+)/.exec(error.message)?.[1];
  if (!quoted) return error.message;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${quoted} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted}`;
    default:
      return error.message;
  }
}

/** `argv` read against `options` (plus -h/--help); a bad flag throws a UsageError. */
export function readArgs<const O extends Options>(
  argv: string[],
  options: O,
  help: string,
  allowPositionals = false,
) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } } as const,
      strict: true,
      allowPositionals,
    });
  } catch (e) {
    throw new UsageError(`${plainly(e as Error)}. ${usageLine(help)}`);
  }
}

/** A whole number of at least `min` given to `flag`, or a UsageError saying so. */
export function wholeNumber(flag: string, value: string, min: number, help: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new UsageError(
      `${flag} needs a whole number of at least ${min}, not "${value}". ${usageLine(help)}`,
    );
  }
  return n;
}
