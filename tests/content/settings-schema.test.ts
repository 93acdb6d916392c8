/**
 * Stored settings are read field by field (issue 19): a field that does not hold falls
 * back to its default with a warning; the others are kept.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings-defaults';
import { parseSettings, repairedSettings } from '../../lib/settings-schema';

const good: Settings = {
  enabled: false,
  kinds: ['person', 'figure'],
  gating: false,
  highlightStyle: 'outline',
  firstOccurrenceOnly: true,
  hoverDelayMs: 500,
  disabledSites: ['news.example'],
  historyEnabled: false,
  historyDays: 30,
};

describe('parseSettings', () => {
  it('keeps a good value as it is, with no problem', () => {
    expect(parseSettings(good)).toEqual({ settings: good, problems: [] });
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it.each<[string, Record<string, unknown>, Partial<Settings>, RegExp]>([
    ['null sites', { disabledSites: null }, { disabledSites: [] }, /^disabledSites: null/],
    [
      'kinds as a string',
      { kinds: 'person' },
      { kinds: DEFAULT_SETTINGS.kinds },
      /^kinds: "person"/,
    ],
    ['a delay as a string', { hoverDelayMs: '500' }, { hoverDelayMs: 350 }, /^hoverDelayMs: "500"/],
    ['a delay out of range', { hoverDelayMs: 99_999 }, { hoverDelayMs: 350 }, /^hoverDelayMs/],
    ['NaN days', { historyDays: Number.NaN }, { historyDays: 90 }, /^historyDays/],
    [
      'an unknown style',
      { highlightStyle: 'blink' },
      { highlightStyle: 'underline' },
      /^highlightStyle/,
    ],
    ['a switch as a number', { gating: 1 }, { gating: true }, /^gating: number/],
    [
      'first-only as a string',
      { firstOccurrenceOnly: 'yes' },
      { firstOccurrenceOnly: false },
      /^firstOccurrenceOnly: "yes"/,
    ],
  ])('repairs %s and says so', (_why, patch, repaired, problem) => {
    const value = { ...good, ...patch };
    if (patch.enabled === undefined && 'enabled' in patch)
      delete (value as Record<string, unknown>).enabled;
    const { settings, problems } = parseSettings(value);
    expect(settings).toEqual({ ...good, ...repaired });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('keeps the good items of a list, drops the rest, and says how many', () => {
    const { settings, problems } = parseSettings({
      ...good,
      kinds: ['person', 'bogus', 7, 'person', 'figure'],
      disabledSites: [' News.Example ', null, '', 'a.test'],
    });
    expect(settings.kinds).toEqual(['person', 'figure']);
    expect(settings.disabledSites).toEqual(['news.example', 'a.test']);
    expect(problems).toEqual(['kinds: 2 items dropped', 'disabledSites: 2 items dropped']);
  });

  it('fills a missing field with its default', () => {
    const { enabled: _, ...partial } = good;
    const { settings, problems } = parseSettings(partial);
    expect(settings).toEqual({ ...good, enabled: true });
    expect(problems).toEqual(['enabled: missing, the default used instead']);
  });

  it('reads a value stored before "first occurrence only" existed as off, with no problem', () => {
    const { firstOccurrenceOnly: _, ...older } = good;
    expect(parseSettings(older)).toEqual({
      settings: { ...good, firstOccurrenceOnly: false },
      problems: [],
    });
    expect(DEFAULT_SETTINGS.firstOccurrenceOnly).toBe(false);
  });

  it('reads a value that holds as it is (extra keys dropped, lists copied), and repairs a near miss as before', () => {
    const stored = { ...good, extra: 1, kinds: [...good.kinds], disabledSites: ['a.test'] };
    const { settings } = parseSettings(stored);
    expect(settings).toEqual({ ...good, disabledSites: ['a.test'] });
    expect(Object.keys(settings)).toEqual(Object.keys(good));
    expect(settings.kinds).not.toBe(stored.kinds);
    // Each of these misses the quick read by one thing; the schema repairs it.
    expect(parseSettings({ ...good, kinds: ['person', 'person'] }).settings.kinds).toEqual([
      'person',
    ]);
    expect(parseSettings({ ...good, disabledSites: ['A.test'] }).settings.disabledSites).toEqual([
      'a.test',
    ]);
    // biome-ignore lint/suspicious/noSparseArray: a hole in a stored list
    const sparse = parseSettings({ ...good, kinds: [, 'person'] });
    expect(sparse.settings.kinds).toEqual(['person']);
    expect(sparse.problems).toEqual(['kinds: 1 item dropped']);
  });

  it('rounds a fraction rather than refusing it', () => {
    expect(parseSettings({ ...good, hoverDelayMs: 250.6 }).settings.hoverDelayMs).toBe(251);
  });

  it.each([
    ['a string', 'on'],
    ['a list', [1, 2]],
    ['a number', 5],
    ['true', true],
  ])('takes %s for all defaults', (_why, value) => {
    const { settings, problems } = parseSettings(value);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
  });
});

describe('repairedSettings', () => {
  it('warns once per problem, however often the value is read', () => {
    const warn = vi.fn();
    const bad = { ...good, disabledSites: 'example.com', enabled: 'yes' };
    repairedSettings(bad, warn);
    repairedSettings(bad, warn);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      expect.stringMatching(/stored settings: enabled/),
      expect.stringMatching(/stored settings: disabledSites/),
    ]);
  });
});
