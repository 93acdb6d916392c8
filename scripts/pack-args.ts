/**
 * `npm run pack`'s arguments, read with node:util `parseArgs` (scripts/pack.ts says what
 * each does). Apart from the script so the rules are tested without running a build.
 */
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  static usage =
    'usage: npm run pack [-- --check | --out FILE | --add FILE... (--out PACK.json | --library OUT.json)]';
}

export interface PackOptions {
  check: boolean;
  out: string | null;
  library: string | null;
  add: string[];
}

export function parsePackArgs(argv: string[]): PackOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  // `--add a.txt b.html`: the files after the first are positionals.
  const add = [...(values.add ?? []), ...positionals];
  if (positionals.length > 0 && !values.add) {
    throw new UsageError(`unexpected argument ${positionals[0]}`);
  }
  const opts = {
    check: values.check ?? false,
    out: values.out ?? null,
    library: values.library ?? null,
    add,
  };
  if (opts.check && (opts.out !== null || opts.library !== null || add.length > 0)) {
    throw new UsageError('--check goes alone');
  }
  if (opts.library !== null && add.length === 0)
    throw new UsageError('--library needs --add FILE...');
  if (opts.library !== null && opts.out !== null) {
    throw new UsageError('--library and --out do not go together');
  }
  // The committed pack is the bundled one: extra sources go to a file of their own.
  if (add.length > 0 && opts.out === null && opts.library === null) {
    throw new UsageError('--add needs --out PACK.json or --library OUT.json');
  }
  return opts;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      check: { type: 'boolean' },
      out: { type: 'string' },
      library: { type: 'string' },
      add: { type: 'string', multiple: true },
    },
  });
}
