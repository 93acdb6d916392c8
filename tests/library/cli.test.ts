/**
 * `npm run pack -- --add FILE... --out PACK.json | --library OUT.json`: articles written for
 * these tests become extra sources, through the same build the extension runs. The script
 * is run for real only where its behaviour is the point (each run costs seconds); the
 * argument rules and file reading are tested in-process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLibraryFile } from '../../lib/library/file';
import { loadArticleFile } from '../../lib/library/load-files';
import { PACK_JSON } from '../../lib/pack/paths';
import type { Pack } from '../../lib/pack/types';
import { parsePackArgs, UsageError } from '../../scripts/pack-args';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const HTML = 'tests/e2e/fixtures/added-article.html';
const TXT = 'tests/library/fixtures/wire-brief.txt';
const EPOCH = '1738713600'; // 2025-02-05T00:00:00Z

function pack(args: string[]) {
  return spawnSync(TSX, ['scripts/pack.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
    encoding: 'utf8',
  });
}

const tmp = () => mkdtempSync(join(tmpdir(), 'sourcelight-cli-'));

describe('npm run pack -- --add', () => {
  it('adds an HTML article as a sixth source with its claims, and its figures join the topics with verdicts', () => {
    const out = join(tmp(), 'pack.json');
    const run = pack(['--add', HTML, '--out', out]);
    expect(run.stderr).toMatch(/6 sources \(1 added: \d+ claims, 6 figures, 5 in topics\)/);
    expect(run.status).toBe(0);
    const built = JSON.parse(readFileSync(out, 'utf8')) as Pack;
    const committed = JSON.parse(readFileSync(join(ROOT, PACK_JSON), 'utf8')) as Pack;
    expect(built.sources).toHaveLength(6);
    const added = built.sources[5];
    expect(added?.added).toEqual({
      url: 'file:///added-article.html',
      addedAt: '2025-02-05T00:00:00.000Z',
    });
    const claims = built.claims.filter((c) => c.sourceId === added?.id);
    expect(claims.length).toBeGreaterThan(5);
    for (const c of claims) expect(added?.text.slice(c.start, c.end)).toBe(c.quote);
    const figures = built.figures.filter((f) => f.sourceId === added?.id);
    const loss = built.topics.find((t) => t.id === 'nvidia-market-value-loss');
    const lossFigures = figures.filter((f) => f.topicId === 'nvidia-market-value-loss');
    expect(lossFigures.map((f) => f.text)).toEqual(['$589 billion']);
    expect(loss?.figureIds).toEqual(expect.arrayContaining(lossFigures.map((f) => f.id)));
    expect(loss).toMatchObject({ disagree: true, compatible: true });
    // The bundled sources are as committed.
    expect(built.sources.slice(0, 5)).toEqual(committed.sources);
    // Reproducible with SOURCE_DATE_EPOCH: the same files give the same bytes.
    const again = join(tmp(), 'again.json');
    expect(pack(['--add', HTML, '--out', again]).status).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  }, 120_000);

  it('--library writes a library file the extension imports', () => {
    const out = join(tmp(), 'library.json');
    const run = pack(['--add', HTML, TXT, '--library', out]);
    expect(run.status).toBe(0);
    const file = parseLibraryFile(readFileSync(out, 'utf8'));
    expect(file.sources.map((s) => s.url)).toEqual([
      'file:///added-article.html',
      'https://harbourwire.invalid/markets/chip-stocks-steady',
    ]);
    expect(file.names).toEqual([]);
  }, 60_000);

  it('refuses a missing file, writing nothing', () => {
    const before = statSync(join(ROOT, PACK_JSON)).mtimeMs;
    const out = join(tmp(), 'x.json');
    const run = pack(['--add', 'no/such.txt', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot add no\/such\.txt: no such file/);
    expect(run.stderr).toContain('nothing was written');
    expect(existsSync(out)).toBe(false);
    expect(statSync(join(ROOT, PACK_JSON)).mtimeMs).toBe(before);
  }, 60_000);
});

describe('articles from files', () => {
  it('reads a .txt as written, its metadata from FILE.meta.json', () => {
    expect(loadArticleFile(join(ROOT, TXT), '2025-02-05T00:00:00.000Z')).toEqual({
      title: 'Chip stocks steady after DeepSeek sell-off',
      outlet: 'Harbour Wire',
      byline: null,
      date: '2025-02-04',
      language: 'en',
      text: readFileSync(join(ROOT, TXT), 'utf8'),
      url: 'https://harbourwire.invalid/markets/chip-stocks-steady',
      addedAt: '2025-02-05T00:00:00.000Z',
    });
  });

  it('reads an .html through the extraction, its metadata from the page', () => {
    const source = loadArticleFile(join(ROOT, HTML), '2025-02-05T00:00:00.000Z');
    expect(source).toMatchObject({ outlet: 'Harbour Wire', date: '2025-02-03', language: 'en-GB' });
    expect(source.text).toContain('Nvidia lost $589 billion in market value on Monday');
  });

  it('refuses a file of another kind', () => {
    expect(() => loadArticleFile(join(ROOT, 'package.json'), '2025-02-05T00:00:00Z')).toThrow(
      /only \.txt and \.html files can be added/,
    );
  });

  it('refuses a sidecar with a bad field, naming the file and the field', () => {
    const txt = join(tmp(), 'story.txt');
    writeFileSync(txt, 'DeepSeek said it spent $5.6 million to train its model.');
    writeFileSync(`${txt}.meta.json`, JSON.stringify({ date: 'Feb 4' }));
    expect(() => loadArticleFile(txt, '2025-02-05T00:00:00Z')).toThrow(
      `${txt}.meta.json: date: must be YYYY-MM-DD or null`,
    );
  });
});

describe('npm run pack arguments', () => {
  it.each([
    [['--add', 'a.txt', 'b.html', '--out', 'p.json'], { add: ['a.txt', 'b.html'], out: 'p.json' }],
    [
      ['--add', 'a.txt', '--add', 'b.html', '--library', 'l.json'],
      { add: ['a.txt', 'b.html'], library: 'l.json' },
    ],
    [['--check'], { check: true, add: [] }],
    [[], { check: false, out: null, library: null, add: [] }],
  ])('%j', (argv, expected) => {
    expect(parsePackArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [['--add', 'a.txt'], /--add needs --out PACK\.json or --library OUT\.json/],
    [['--library', 'x.json'], /--library needs --add FILE/],
    [['--add', 'a.txt', '--out', 'p', '--library', 'l'], /do not go together/],
    [['--check', '--out', 'p'], /--check goes alone/],
    [['stray'], /unexpected argument stray/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j', (argv, message) => {
    expect(() => parsePackArgs(argv)).toThrow(UsageError);
    expect(() => parsePackArgs(argv)).toThrow(message);
  });
});
