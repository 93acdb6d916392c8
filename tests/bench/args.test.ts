/** The scripts' flags (scripts/cli-args.ts, scripts/bench/args.ts), read without running them. */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../scripts/bench/args';
import { readArgs, UsageError } from '../../scripts/cli-args';

const ROOT = '/repo';

describe('readArgs', () => {
  const options = { out: { type: 'string' }, check: { type: 'boolean' } } as const;

  it('reads flags, values and -h/--help', () => {
    expect(readArgs(['--check', '--out', 'a.json'], options, 'usage: x').values).toEqual({
      check: true,
      out: 'a.json',
    });
    expect(readArgs(['-h'], options, 'usage: x').values.help).toBe(true);
    expect(readArgs(['--help'], options, 'usage: x').values.help).toBe(true);
  });

  it.each<[string[], string]>([
    [['--fast'], 'unknown option --fast. usage: x'],
    [['--out'], '--out needs a value. usage: x'],
    [['file.txt'], 'unexpected argument file.txt. usage: x'],
  ])('refuses %j in one line naming it, with the usage line', (argv, message) => {
    const read = () => readArgs(argv, options, 'usage: x\n  --out FILE  where');
    expect(read).toThrow(UsageError);
    expect(read).toThrow(message);
  });
});

describe('npm run bench flags', () => {
  it('builds and measures every page three times by default', () => {
    expect(parseBenchArgs([], ROOT)).toEqual({
      build: true,
      ext: join(ROOT, '.output/chrome-mv3'),
      pages: ['1mb', '5mb', 'demo', 'huge'],
      maps: undefined,
      runs: 3,
    });
  });

  it('takes the flags the README documents', () => {
    expect(
      parseBenchArgs(['--pages', '1mb,demo', '--runs', '5', '--no-build', '--maps', 'm'], ROOT),
    ).toMatchObject({ build: false, pages: ['1mb', 'demo'], runs: 5, maps: 'm' });
    expect(parseBenchArgs(['--ext', 'other'], ROOT)).toMatchObject({
      build: false,
      ext: resolve('other'),
    });
  });

  it('asks for the help with --help', () => {
    expect(parseBenchArgs(['--help'], ROOT)).toBeNull();
  });

  it.each<[string[], RegExp]>([
    [['--fast'], /^unknown option --fast\. usage: npm run bench/],
    [['--runs', '0'], /^--runs needs a whole number of at least 1, not "0"/],
    [['--runs', 'many'], /^--runs needs a whole number/],
    [['--pages', '1mb,2mb'], /^--pages: no page 2mb \(there are 1mb, 5mb, demo, huge\)/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseBenchArgs(argv, ROOT)).toThrow(message);
  });
});
