import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  attributeProfile,
  type CpuProfile,
  isExtensionUrl,
  meanFunctions,
  rawFrameName,
} from '../../scripts/bench/cpu-profile';

const profile = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/cpu-profile.json'), 'utf8'),
) as CpuProfile;
const EXT = ['chrome-extension://abc'];

describe('attributeProfile', () => {
  // Sample times: 1100 (program), 1300 (idle), 1600 (page), 2000 (built-in under our
  // callback), 2500 (scan in helper in scan), 3100 (helper in scan), 3800 (GC), 4600 (the
  // other extension), 5500 (idle); each stands until the next, the last until 6500.
  const a = attributeProfile(profile, EXT);

  it('counts a sample as the extension’s when any frame of its stack is', () => {
    // 0.5 (built-in called by our callback, itself called by the page) + 0.6 + 0.7.
    expect(a.extMs).toBeCloseTo(1.8, 6);
    expect(a.extSamples).toBe(3);
  });

  it('counts every non-idle sample as the page busy, and nothing of another origin as ours', () => {
    // 0.2 program + 0.4 page + 1.8 ours + 0.8 GC + 0.9 the other extension.
    expect(a.busyMs).toBeCloseTo(4.1, 6);
    expect(a.totalMs).toBeCloseTo(5.5, 6);
    expect(a.samples).toBe(9);
    expect(a.maxGapMs).toBeCloseTo(1, 6);
  });

  it('gives self time to the innermost extension frame, stack time once per function', () => {
    expect(a.self).toEqual([
      { name: 'page-session.js:3:11 helper', ms: expect.closeTo(0.7, 6) },
      { name: 'page-session.js:1:51 scan', ms: expect.closeTo(0.6, 6) },
      { name: 'content-script.js:1:101 onMutation', ms: expect.closeTo(0.5, 6) },
    ]);
    // scan appears twice in one stack (recursion) and counts once.
    const inStack = Object.fromEntries(a.inStack.map((f) => [f.name, f.ms]));
    expect(inStack['page-session.js:1:51 scan']).toBeCloseTo(1.3, 6);
    expect(inStack['page-session.js:3:11 helper']).toBeCloseTo(1.3, 6);
    expect(inStack['content-script.js:1:101 onMutation']).toBeCloseTo(0.5, 6);
  });

  it('names frames with the given namer', () => {
    const b = attributeProfile(profile, EXT, (f) => `mapped ${f.functionName}`);
    expect(b.self.map((f) => f.name)).toEqual([
      'mapped helper',
      'mapped scan',
      'mapped onMutation',
    ]);
  });

  it('counts nothing without an extension origin', () => {
    const c = attributeProfile(profile, []);
    expect(c.extMs).toBe(0);
    expect(c.busyMs).toBeCloseTo(4.1, 6);
  });

  it('copes with a profile without samples', () => {
    const d = attributeProfile({ nodes: [], startTime: 0, endTime: 1000 }, EXT);
    expect(d).toMatchObject({ extMs: 0, busyMs: 0, samples: 0, totalMs: 1 });
  });
});

describe('isExtensionUrl', () => {
  it('matches the origin as a whole host, not a prefix of another', () => {
    expect(isExtensionUrl('chrome-extension://abc/x.js', EXT)).toBe(true);
    expect(isExtensionUrl('chrome-extension://abcd/x.js', EXT)).toBe(false);
    expect(isExtensionUrl('', EXT)).toBe(false);
  });
});

describe('rawFrameName', () => {
  it('says 1-based place and name, and calls a script’s top level its evaluation', () => {
    const frame = {
      functionName: '',
      url: 'chrome-extension://abc/page-session.js',
      lineNumber: 0,
      columnNumber: 0,
    };
    expect(rawFrameName(frame)).toBe('page-session.js (script evaluation)');
    expect(rawFrameName({ ...frame, columnNumber: 9 })).toBe('page-session.js:1:10 (anonymous)');
  });
});

describe('meanFunctions', () => {
  it('averages per load over all loads and keeps the top ones', () => {
    const top = meanFunctions(
      [
        [
          { name: 'a', ms: 4 },
          { name: 'b', ms: 1 },
        ],
        [{ name: 'a', ms: 2 }],
      ],
      1,
    );
    expect(top).toEqual([{ name: 'a', ms: 3 }]);
  });
});
