import { describe, expect, it } from 'vitest';
import {
  cpuTable,
  evaluateTargets,
  median,
  type PageCpu,
  shortName,
  stats,
  verdict,
} from '../../scripts/bench/cpu-report';

function page(over: Partial<PageCpu> & Pick<PageCpu, 'key' | 'name'>): PageCpu {
  return {
    textChars: 10_240,
    extMs: [2, 1, 3],
    busyWithMs: [40, 42, 44],
    busyWithoutMs: [38, 39, 40],
    floorMs: [0.5, 0.5, 0.5],
    highlights: [0, 0, 0],
    self: [],
    inStack: [],
    ...over,
  };
}

describe('median and stats', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(stats([7, 2, 9])).toEqual({ median: 7, min: 2, max: 9 });
    expect(stats([])).toBeNull();
  });
});

describe('targets', () => {
  it('marks met, met with the aim missed, missed and not measured', () => {
    expect(verdict(2, 10, 3)).toBe('met');
    expect(verdict(7, 10, 3)).toBe('met (must); aim missed');
    expect(verdict(11, 10, 3)).toBe('missed');
    expect(verdict(null, 10, 3)).toBe('not measured');
    expect(verdict(4, 4, null)).toBe('met');
  });

  it('judges each page by its median, the 5 MB page against the floor', () => {
    const results = evaluateTargets([
      page({ key: 'news', name: 'news', extMs: [2, 9, 2.5] }),
      page({ key: 'deepseek-news', name: 'DeepSeek news', extMs: [60, 40, 45] }),
      page({ key: '5mb', name: 'generated 5mb', extMs: [100, 130, 120], floorMs: [30, 25, 35] }),
    ]);
    expect(results.map((r) => [r.target.key, r.value, r.verdict])).toEqual([
      ['news', 2.5, 'met'],
      ['deepseek-news', 45, 'met (must); aim missed'],
      ['5mb', 4, 'met'],
    ]);
    const missing = evaluateTargets([page({ key: '5mb', name: '5mb', floorMs: [] })]);
    expect(missing.map((r) => r.verdict)).toEqual(['not measured', 'not measured', 'not measured']);
  });
});

describe('shortName', () => {
  it('keeps the file name and function of a mapped frame', () => {
    expect(shortName('readNumeric (lib/quantity/parse.ts:114)')).toBe('parse.ts readNumeric');
    expect(shortName('content-script.js:1:10 (anonymous)')).toBe(
      'content-script.js:1:10 (anonymous)',
    );
  });
});

describe('cpuTable', () => {
  const pages = [
    page({
      key: 'news',
      name: 'news, no core term',
      extMs: [7.4, 6.1, 9.9],
      self: [{ name: 'settings (lib/content/first-stage.ts:63)', ms: 1.8 }],
      inStack: [{ name: 'content-script.js (script evaluation)', ms: 4.4 }],
    }),
    page({
      key: 'deepseek-news',
      name: 'DeepSeek news',
      extMs: [118, 90, 150],
      highlights: [80, 82, 81],
    }),
  ];
  const text = cpuTable(['header line'], pages, [
    { file: 'content-script.js', loaded: 'every page', raw: 22_835, gzip: 7_885 },
  ]);
  const lines = text.split('\n');

  it('prints one row per page with the median and range, page CPU with and without', () => {
    expect(lines[0]).toBe('header line');
    expect(text).toMatch(
      /^news, no core term\s+10\.0\s+7\.4 \(6\.1-9\.9\)\s+42\.0 \/ 39\.0\s+0\s+first-stage\.ts settings 1\.8$/m,
    );
    expect(text).toMatch(
      /^DeepSeek news\s+10\.0\s+118\.0 \(90\.0-150\.0\)\s+42\.0 \/ 39\.0\s+81\s+-$/m,
    );
  });

  it('states each target with its verdict, and the files’ sizes', () => {
    expect(lines).toContain(
      '- page with no core term: 7.4 ms, target <= 3 ms (must: <= 10 ms): met (must); aim missed',
    );
    expect(lines).toContain(
      '- DeepSeek news page: 118.0 ms, target <= 20 ms (must: <= 50 ms): missed',
    );
    expect(lines).toContain('- generated 5 MB page: n/a, target <= 4x the floor: not measured');
    expect(lines).toContain('- content-script.js (every page): 22.3 KB raw, 7.7 KB gzip');
  });

  it('lists the top functions by self time and by stack', () => {
    const at = lines.indexOf(
      'Top extension functions, news, no core term (ms per load, mean over the loads):',
    );
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 5)).toEqual([
      '  self (innermost extension frame, the built-ins it calls included):',
      '       1.8  settings (lib/content/first-stage.ts:63)',
      '  stack holds:',
      '       4.4  content-script.js (script evaluation)',
    ]);
    expect(text).toContain(
      'Top extension functions, DeepSeek news (ms per load, mean over the loads):\n  (no extension samples)',
    );
  });
});
