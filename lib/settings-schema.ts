/**
 * What a stored settings value means, field by field. Storage can hold anything: an older
 * or hand-edited value, another extension's write, a bug (`{ enabled: true }`,
 * `disabledSites: null`). Each field is checked on its own with valibot; one that does not
 * hold is replaced by its default (a list loses only its bad items) and named in a warning,
 * so the content script still marks with the rest and the options page shows what it can
 * and lets the reader save it whole again (issue 19). The stored shape is unchanged, so
 * there is no migration: a bad field is repaired on read, and for good on the next save.
 */
import * as v from 'valibot';
import { ENTITY_KINDS } from './pack/types';
import {
  DEFAULT_SETTINGS,
  type HighlightStyle,
  type MarkKind,
  type Settings,
} from './settings-defaults';

const MARK_KINDS: readonly MarkKind[] = [...ENTITY_KINDS, 'figure'];
const STYLES: readonly HighlightStyle[] = ['underline', 'background', 'outline'];

/** Whole numbers in a range; a fraction is rounded rather than refused. */
const wholeIn = (min: number, max: number) =>
  v.pipe(v.number(), v.finite(), v.transform(Math.round), v.minValue(min), v.maxValue(max));

/**
 * Each field's schema; lists are checked item by item (`items`). Built on first use: every
 * page reads the settings, and a value that holds never needs them (`alreadyValid`).
 */
const schemas = () => (built ??= buildSchemas());
let built: ReturnType<typeof buildSchemas> | null = null;

const buildSchemas = () => ({
  fields: {
    enabled: v.boolean(),
    kinds: v.array(v.unknown()),
    gating: v.boolean(),
    highlightStyle: v.picklist(STYLES),
    // Newer than the stored format: a value saved before it has none, which is no problem.
    firstOccurrenceOnly: v.optional(v.boolean(), DEFAULT_SETTINGS.firstOccurrenceOnly),
    hoverDelayMs: wholeIn(0, 3000),
    disabledSites: v.array(v.unknown()),
    historyEnabled: v.boolean(),
    historyDays: wholeIn(1, 3650),
  } satisfies { [K in keyof Settings]: v.GenericSchema },
  items: {
    kinds: v.picklist(MARK_KINDS),
    disabledSites: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1), v.maxLength(253)),
  },
});

export interface ParsedSettings {
  settings: Settings;
  /** One line per field that did not hold, naming it and what was used instead. */
  problems: string[];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}

/** A list field: the items that hold, in order, without repeats. */
function listOf<T>(name: 'kinds' | 'disabledSites', items: unknown[], problems: string[]): T[] {
  const out: T[] = [];
  let dropped = 0;
  for (const item of items) {
    const r = v.safeParse(schemas().items[name], item);
    if (!r.success) dropped++;
    else if (!out.includes(r.output as T)) out.push(r.output as T);
  }
  if (dropped > 0) problems.push(`${name}: ${dropped} item${dropped === 1 ? '' : 's'} dropped`);
  return out;
}

/** The settings a stored value stands for, repaired field by field. Never throws. */
export function parseSettings(value: unknown): ParsedSettings {
  const problems: string[] = [];
  if (value === undefined || value === null) return { settings: DEFAULT_SETTINGS, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      settings: DEFAULT_SETTINGS,
      problems: [`not a settings object (${describe(value)}): all defaults`],
    };
  }
  const raw = value as Record<string, unknown>;
  const valid = alreadyValid(raw);
  if (valid) return { settings: valid, problems };
  const out: Record<string, unknown> = {};
  const fields = schemas().fields;
  for (const key of Object.keys(fields) as (keyof Settings)[]) {
    const r = v.safeParse(fields[key], raw[key]);
    if (!r.success) {
      out[key] = DEFAULT_SETTINGS[key];
      problems.push(
        `${key}: ${key in raw ? describe(raw[key]) : 'missing'}, the default used instead`,
      );
    } else if (key === 'kinds' || key === 'disabledSites') {
      out[key] = listOf(key, r.output as unknown[], problems);
    } else out[key] = r.output;
  }
  return { settings: out as unknown as Settings, problems };
}

const wholeInRange = (n: unknown, min: number, max: number): n is number =>
  Number.isInteger(n) && (n as number) >= min && (n as number) <= max;

/** A list whose items all pass `ok`, with no repeats. */
function distinctList<T>(list: unknown, ok: (item: unknown) => boolean): list is T[] {
  if (!Array.isArray(list)) return false;
  // Index by index: `every` would skip the holes of a sparse list.
  for (let i = 0; i < list.length; i++) {
    if (!ok(list[i]) || list.indexOf(list[i]) !== i) return false;
  }
  return true;
}

const isSite = (s: unknown): boolean =>
  typeof s === 'string' && s.length >= 1 && s.length <= 253 && s === s.trim().toLowerCase();

/**
 * A stored value every field of which holds as it is (what the options page saves): the
 * settings `parseSettings` would make of it, without valibot. Every page reads the
 * settings at load, and the schema's first run cost about 2 ms there (issue 15). Null
 * when any field needs a closer look: the schema then decides.
 */
function alreadyValid(raw: Record<string, unknown>): Settings | null {
  const {
    enabled,
    kinds,
    gating,
    highlightStyle,
    firstOccurrenceOnly,
    hoverDelayMs,
    disabledSites,
    historyEnabled,
    historyDays,
  } = raw;
  if (
    typeof enabled !== 'boolean' ||
    typeof gating !== 'boolean' ||
    typeof historyEnabled !== 'boolean' ||
    (firstOccurrenceOnly !== undefined && typeof firstOccurrenceOnly !== 'boolean') ||
    !STYLES.includes(highlightStyle as HighlightStyle) ||
    !wholeInRange(hoverDelayMs, 0, 3000) ||
    !wholeInRange(historyDays, 1, 3650) ||
    !distinctList<MarkKind>(kinds, (k) => MARK_KINDS.includes(k as MarkKind)) ||
    !distinctList<string>(disabledSites, isSite)
  ) {
    return null;
  }
  // In the fields' order, as the schema's path builds it.
  return {
    enabled,
    kinds: [...kinds],
    gating,
    highlightStyle: highlightStyle as HighlightStyle,
    firstOccurrenceOnly: firstOccurrenceOnly ?? DEFAULT_SETTINGS.firstOccurrenceOnly,
    hoverDelayMs,
    disabledSites: [...disabledSites],
    historyEnabled,
    historyDays,
  };
}

const warned = new Set<string>();

/**
 * `parseSettings(value).settings`, with one console warning per problem per page (a page
 * reads the settings once and again on every change; the same problem is said once).
 */
export function repairedSettings(value: unknown, warn = console.warn): Settings {
  const { settings, problems } = parseSettings(value);
  for (const p of problems) {
    if (warned.has(p)) continue;
    warned.add(p);
    warn(`[sourcelight] stored settings: ${p}`);
  }
  return settings;
}
