import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  allThreads,
  attributeThread,
  cpuDeltaToMs,
  extensionOriginsOn,
  pageThread,
  parseGeckoProfile,
  parseJsLocation,
} from '../../scripts/bench/gecko-profile';

const bytes = readFileSync(join(import.meta.dirname, 'fixtures/gecko-profile.json'));
const profile = parseGeckoProfile(bytes);
const OURS = ['moz-extension://ours'];
const PAGE = 'http://127.0.0.1:8080/page.html?load=2';
// The page's process starts its clock at 2000 (wall-clock ms): samples at 10..17 ms are
// inside this window, those at 5 and 30 ms are not.
const WINDOW = { startMs: 2010, endMs: 2020 };

function page() {
  const thread = pageThread(profile, PAGE);
  if (!thread) throw new Error('no page thread');
  return thread;
}

describe('parseGeckoProfile', () => {
  it('reads the JSON the profiler writes, and a gzipped copy', () => {
    expect(parseGeckoProfile(gzipSync(bytes))).toEqual(profile);
  });
});

describe('allThreads and pageThread', () => {
  it('walks child processes, each thread with its own process’s meta', () => {
    const threads = allThreads(profile);
    expect(threads.map((t) => [t.thread.processType, t.meta.startTime])).toEqual([
      ['default', 1000],
      ['tab', 2000],
      ['tab', 2000],
    ]);
  });

  it('finds the main thread of the process that held the page, and nothing for an unknown one', () => {
    expect(page().pageUrls).toContain(PAGE);
    expect(page().thread.stringTable.length).toBeGreaterThan(1);
    expect(pageThread(profile, 'http://127.0.0.1:8080/never.html')).toBeNull();
  });

  it('refuses the processed format rather than misreading it', () => {
    const processed = { ...profile, meta: { ...profile.meta, preprocessedProfileVersion: 50 } };
    expect(() => allThreads(processed)).toThrow(/processed/);
  });
});

describe('parseJsLocation', () => {
  it.each([
    [
      'scan (moz-extension://ours/page-session.js:1:51)[2]',
      {
        functionName: 'scan',
        url: 'moz-extension://ours/page-session.js',
        lineNumber: 0,
        columnNumber: 50,
      },
    ],
    [
      'get full (moz-extension://ours/page-session.js:1:900)[2]',
      {
        functionName: 'get full',
        url: 'moz-extension://ours/page-session.js',
        lineNumber: 0,
        columnNumber: 899,
      },
    ],
    [
      'moz-extension://other/intervention.js:2:7[4]',
      {
        functionName: '',
        url: 'moz-extension://other/intervention.js',
        lineNumber: 1,
        columnNumber: 6,
      },
    ],
    [
      'moz-extension://ours/content-script.js[3]',
      {
        functionName: '',
        url: 'moz-extension://ours/content-script.js',
        lineNumber: 0,
        columnNumber: 0,
      },
    ],
  ])('reads %s', (location, frame) => {
    expect(parseJsLocation(location)).toEqual(frame);
  });

  it('gives labels (C++ frames) no URL', () => {
    expect(parseJsLocation('EventDispatcher::Dispatch')).toBeNull();
    expect(parseJsLocation('(root)')).toBeNull();
    expect(parseJsLocation('PresShell::DoReflow (interruptible)')).toBeNull();
  });
});

describe('attributeThread', () => {
  const a = attributeThread(page(), WINDOW, OURS);

  it('weighs each sample by the thread CPU since the one before, inside the window only', () => {
    // 0.05 (idle: the wake-up) + 0.4 page + 0.6 + 0.5 + 0.9 other add-on + 0.7 + 0.2; the
    // last sample has no delta.
    expect(a.busyMs).toBeCloseTo(3.35, 6);
    expect(a.samples).toBe(8);
    expect(a.totalMs).toBe(10);
  });

  it('counts a sample as the extension’s when any frame of its stack is, not another add-on’s', () => {
    // helper under scan under the page's onLoad 0.6; a DOM call under our script's
    // evaluation 0.5; scan recursing 0.7; a getter 0.2.
    expect(a.extMs).toBeCloseTo(2.0, 6);
    expect(a.extSamples).toBe(4);
  });

  it('gives self time to the innermost extension frame, stack time once per function', () => {
    expect(a.self).toEqual([
      { name: 'page-session.js:1:51 scan', ms: expect.closeTo(0.7, 6) },
      { name: 'page-session.js:3:11 helper', ms: expect.closeTo(0.6, 6) },
      { name: 'content-script.js (script evaluation)', ms: expect.closeTo(0.5, 6) },
      { name: 'page-session.js:1:900 get full', ms: expect.closeTo(0.2, 6) },
    ]);
    const inStack = Object.fromEntries(a.inStack.map((f) => [f.name, f.ms]));
    expect(inStack['page-session.js:1:51 scan']).toBeCloseTo(1.3, 6);
    expect(inStack['page-session.js:3:11 helper']).toBeCloseTo(1.3, 6);
  });

  it('notes the longest gap between samples: a starved sampler shows there', () => {
    // The last sample, at 17, stands until the window ends at 20.
    expect(a.maxGapMs).toBeCloseTo(3, 6);
  });

  it('names frames with the given namer, in CDP’s 0-based places', () => {
    const b = attributeThread(page(), WINDOW, OURS, (f) => `${f.functionName}@${f.columnNumber}`);
    expect(b.self.map((f) => f.name)).toEqual(['scan@50', 'helper@10', '@0', 'get full@899']);
  });

  it('refuses a profile without thread CPU times rather than guess', () => {
    const thread = page().thread;
    const { threadCPUDelta: _, ...schema } = thread.samples.schema;
    const noCpu = { ...page(), thread: { ...thread, samples: { ...thread.samples, schema } } };
    expect(() => attributeThread(noCpu, WINDOW, OURS)).toThrow(/cpu feature/);
    const cycles = {
      ...page(),
      meta: { ...page().meta, sampleUnits: { threadCPUDelta: 'variable CPU cycles' } },
    };
    expect(() => attributeThread(cycles, WINDOW, OURS)).toThrow(/cpu feature/);
  });

  it('counts nothing as the extension’s without an origin, and copes with an empty window', () => {
    expect(attributeThread(page(), WINDOW, []).extMs).toBe(0);
    const empty = attributeThread(page(), { startMs: 5000, endMs: 6000 }, OURS);
    expect(empty).toMatchObject({ extMs: 0, busyMs: 0, samples: 0 });
  });
});

describe('cpuDeltaToMs and extensionOriginsOn', () => {
  it('converts the units the profiler names, and refuses CPU cycles', () => {
    expect(cpuDeltaToMs('ns')).toBe(1e-6);
    expect(cpuDeltaToMs('µs')).toBe(1e-3);
    expect(cpuDeltaToMs('variable CPU cycles')).toBeNull();
  });

  it('lists every add-on origin whose frames the thread holds', () => {
    expect(extensionOriginsOn(page().thread).sort()).toEqual([
      'moz-extension://other',
      'moz-extension://ours',
    ]);
  });
});
