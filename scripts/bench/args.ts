/**
 * `npm run bench`'s flags (scripts/bench.ts), apart from the script so they are tested
 * without a browser.
 */
import { join, resolve } from 'node:path';
import { readArgs, UsageError, usageLine, wholeNumber } from '../cli-args';

/** 'huge': the pages of issue 19 (scripts/bench-huge.ts), run after the others. */
export const BENCH_PAGES = ['1mb', '5mb', 'demo', 'huge'] as const;

export const BENCH_HELP = `usage: npm run bench [-- --no-build | --ext DIR] [--maps DIR] [--pages ${BENCH_PAGES.join(',')}] [--runs N]
  --no-build   measure .output/chrome-mv3 as it is, without building it
  --ext DIR    measure another unpacked build (implies --no-build)
  --maps DIR   a build of the same code with source maps, for names in the profile
  --pages LIST some of ${BENCH_PAGES.join(', ')}, comma-separated (default: all; huge runs
               npm run bench:huge's pages: a 10 MB text node, a 50,000-deep tree, a mutation
               storm, 10,000 figures in a paragraph, a 20 MB page)
  --runs N     loads per page with the extension (default 3; the floor takes N + 2 cold walks)
  -h, --help   print this
  BENCH_TOP=N  (environment) lists more of the profile`;

export interface BenchOptions {
  build: boolean;
  ext: string;
  pages: string[];
  maps: string | undefined;
  runs: number;
}

/** The options, or null when --help asked for the help. */
export function parseBenchArgs(argv: string[], root: string): BenchOptions | null {
  const { values } = readArgs(
    argv,
    {
      'no-build': { type: 'boolean' },
      ext: { type: 'string' },
      maps: { type: 'string' },
      pages: { type: 'string' },
      runs: { type: 'string' },
    },
    BENCH_HELP,
  );
  if (values.help) return null;
  const pages = (values.pages ?? BENCH_PAGES.join(',')).split(',');
  const unknown = pages.filter((p) => !(BENCH_PAGES as readonly string[]).includes(p));
  if (unknown.length > 0) {
    throw new UsageError(
      `--pages: no page ${unknown.join(', ')} (there are ${BENCH_PAGES.join(', ')}). ${usageLine(BENCH_HELP)}`,
    );
  }
  return {
    build: !values['no-build'] && !values.ext,
    ext: resolve(values.ext ?? join(root, '.output/chrome-mv3')),
    pages,
    maps: values.maps,
    runs: values.runs === undefined ? 3 : wholeNumber('--runs', values.runs, 1, BENCH_HELP),
  };
}
