/** The `scan` command, run as a user runs it: a child process, files on disk, stdin. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Match } from '../../lib/detect/types';
import { fixturePack } from './fixtures/pack';

const ROOT = join(import.meta.dirname, '..', '..');
let dir = '';
let packFile = '';

function scan(args: string[], input?: string) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts/scan.ts'), ...args],
    {
      cwd: ROOT,
      input,
      encoding: 'utf8',
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const STORY =
  'DeepSeek\u2019s founder Liang\u00a0Wenfeng said training cost $5.6 million on 2,000 chips.\nNvidia fell.';
const OFF_TOPIC = 'The Rivian R1T and R1S. Joe Biden signed a $600 billion budget; a high flyer.';
const PAGE = `<!doctype html><html><head><title>DeepSeek</title>
<style>.DeepSeek { color: red }</style><script>const s = "Liang Wenfeng";</script></head>
<body><h1>DeepSeek rises</h1><p>Founder Liang <b>Wenfeng</b> spent $5.6 million.</p>
<template><p>Nvidia</p></template><textarea>Nvidia</textarea><input value="Nvidia">
<select><option>Nvidia</option></select><div hidden>Nvidia</div><pre>Nvidia</pre>
<div contenteditable="true">Nvidia</div><p>Then Nvidia fell.</p></body></html>`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scan-test-'));
  packFile = file('pack.json', JSON.stringify(fixturePack));
});

// Each case starts Node and tsx, which takes seconds on a busy machine.
describe('scan', { timeout: 60_000 }, () => {
  it('prints a readable table for a text file', () => {
    const r = scan(['--pack', packFile, file('story.txt', STORY)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^offsets\s+kind\s+tier\s+id\s+text\s+topic\s+verdict\s+label$/);
    expect(lines[1]).toMatch(/^0-8\s+organization\s+core\s+deepseek\s+"DeepSeek"\s+DeepSeek$/);
    expect(r.stdout).toContain('"$5.6 million"');
    expect(lines.at(-1)).toBe('5 matches: 3 distinct entities, 2 figures');
  });

  it('prints only a JSON array with --json, offsets into the text as read', () => {
    const r = scan(['--json', '--pack', packFile, file('story2.txt', STORY)]);
    expect(r.code).toBe(0);
    const matches = JSON.parse(r.stdout) as Match[];
    expect(matches.map((m) => m.text)).toEqual([
      'DeepSeek',
      'Liang\u00a0Wenfeng',
      '$5.6 million',
      '2,000 chips',
      'Nvidia',
    ]);
    for (const m of matches) expect(STORY.slice(m.start, m.end)).toBe(m.text);
  });

  it('gates by default and not with --all', () => {
    const path = file('off.txt', OFF_TOPIC);
    expect(JSON.parse(scan(['--json', '--pack', packFile, path]).stdout)).toEqual([]);
    const all = JSON.parse(scan(['--json', '--all', '--pack', packFile, path]).stdout) as Match[];
    expect(all.map((m) => m.text)).toEqual(['Joe Biden', '$600 billion']);
  });

  it('reads only the visible text of an HTML file', () => {
    const r = scan(['--json', '--pack', packFile, file('page.html', PAGE)]);
    expect(r.code).toBe(0);
    const matches = JSON.parse(r.stdout) as Match[];
    expect(matches.map((m) => m.text)).toEqual([
      'DeepSeek',
      'Liang Wenfeng',
      '$5.6 million',
      'Nvidia',
    ]);
    // Offsets are into the visible blocks joined by a blank line.
    const text = 'DeepSeek rises\n\nFounder Liang Wenfeng spent $5.6 million.\n\nThen Nvidia fell.';
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('reads standard input with -', () => {
    const r = scan(['--json', '--pack', packFile, '-'], STORY);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Match[]).map((m) => m.id)).toContain('liang-wenfeng');
    const html = scan(['--json', '--pack', packFile, '-'], PAGE);
    expect((JSON.parse(html.stdout) as Match[]).map((m) => m.text)).not.toContain('DeepSeek rises');
    expect(JSON.parse(html.stdout)).toHaveLength(4);
  });

  it('files a page figure under its topic with a verdict, in the JSON and the table', () => {
    // Written for this test: a wire story that rounds Nvidia's loss differently.
    const story =
      'NEW YORK - Nvidia lost $589 billion in market value on Monday after the Chinese ' +
      'start-up DeepSeek released a cheap AI model. Nvidia stock closed at $118.42, down 17%.';
    const path = file('nvidia.txt', story);
    const matches = JSON.parse(scan(['--json', path]).stdout) as Match[];
    const figures = matches.filter((m) => m.kind === 'figure');
    expect(figures.map((m) => [m.text, m.topicId, m.verdict])).toEqual([
      ['$589 billion', 'nvidia-market-value-loss', 'close'],
    ]);
    for (const m of matches.filter((x) => x.kind === 'entity')) expect(m.topicId).toBeUndefined();
    const row = scan([path])
      .stdout.split('\n')
      .find((l) => l.includes('"$589 billion"'));
    expect(row).toMatch(
      /"\$589 billion"\s+nvidia-market-value-loss\s+close\s+Nvidia's lost market value$/,
    );
  });

  it('uses the generated pack by default', () => {
    const source = join(ROOT, 'data/sources/004_78f1340a6b633b16.txt');
    const r = scan(['--json', source]);
    expect(r.code).toBe(0);
    const matches = JSON.parse(r.stdout) as Match[];
    const ids = new Set(matches.map((m) => m.id));
    for (const id of ['deepseek', 'liang-wenfeng', 'high-flyer', 'deepseek-training-cost']) {
      expect(ids).toContain(id);
    }
  });

  it.each<[string, () => string[], RegExp]>([
    [
      'a missing file',
      () => [join(dir, 'nope.txt')],
      /^scan: cannot read .*nope\.txt: no such file\n$/,
    ],
    ['a directory', () => [dir], /^scan: cannot read .*: is a directory\n$/],
    [
      'a binary file',
      () => [file('bin.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]))],
      /^scan: .* looks binary, not text\n$/,
    ],
    [
      'invalid UTF-8',
      () => [file('latin1.txt', Buffer.from([0x44, 0xe9, 0x65]))],
      /^scan: .* is not UTF-8 text\n$/,
    ],
    ['no file at all', () => [], /^scan: give exactly one FILE/],
    ['an unknown option', () => ['--fast', 'x.txt'], /^scan: unknown option --fast/],
    ['a flag without its value', () => ['x.txt', '--pack'], /^scan: --pack needs a value\. usage:/],
  ])('fails with one line and code 2 on %s', (_name, args, message) => {
    const r = scan(['--pack', packFile, ...args()]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints its help with --help, and exits 0', () => {
    const r = scan(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^usage: npm run -s scan -- /);
    for (const flag of ['--json', '--all', '--html', '--text', '--pack FILE']) {
      expect(r.stdout).toContain(`\n  ${flag} `);
    }
  });
});
