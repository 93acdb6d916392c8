/**
 * The word tables the quantity parser reads, and the unit vocabulary it writes. Kept apart
 * from the parser so the detector and the pack can show or check units without pulling in
 * the scanner.
 */

/**
 * Every unit `parseQuantities` can return, with what it means. Currency prices per token
 * are written `CUR/1M tokens` (also `1K`, `1B`): the scale belongs to the unit, so
 * "$0.10 per million tokens" is 0.1 `USD/1M tokens`, directly comparable to "$4.40 per
 * million tokens".
 */
export const QUANTITY_UNITS = {
  USD: 'US dollars ("$5.6 million", "US$6 million", "6 million dollars", "5.6亿美元")',
  CNY: 'Chinese yuan ("100 billion yuan", "¥5 billion", "RMB 5 billion", "40亿元")',
  EUR: 'euros ("€5 million", "5 million euros")',
  GBP: 'pounds sterling ("£5 million")',
  HKD: 'Hong Kong dollars ("HK$5 million")',
  'USD/1M tokens': 'a price per million tokens ("$0.10 per million tokens"); also CNY, 1K, 1B',
  chips: 'a number of chips or GPUs ("2,000 chips", "50,000 H100s", "16,000 specialized chips")',
  people: 'a number of people ("fewer than 140 people", "50 engineers")',
  users: 'a number of users ("100 million users")',
  tokens: 'a number of tokens ("14.8 trillion tokens")',
  parameters: 'a number of model parameters ("671 billion parameters")',
  downloads: 'a number of downloads',
  percent: 'a percentage ("17%", "17 percent", "17 per cent")',
  year: 'a calendar year ("in 2023", "by 2030")',
  date: 'a calendar date: YYYYMMDD ("January 29, 2025" = 20250129), or MMDD with no year ("January 20" = 120)',
  rank: 'a position in a ranking ("sixth spot", "No. 2", "ranked second")',
  years: 'a duration or age in years ("four years", "40-year-old")',
  months: 'a duration in months ("two months")',
  weeks: 'a duration in weeks',
  days: 'a duration in days',
  hours: 'a duration in hours',
  minutes: 'a duration in minutes ("a 40-minute video")',
  decades: 'a duration in decades',
  count: 'a bare number with no unit word ("10,000 to 50,000", "2,000 of them")',
} as const;

/** Words and marks that scale the number before them. */
export const SCALE_WORDS: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  mn: 1e6,
  bn: 1e9,
  tn: 1e12,
  万: 1e4,
  亿: 1e8,
  万亿: 1e12,
  千: 1e3,
};

/** One-letter scales ("$6M", "$8b", "$5k"), only read after a currency sign. */
export const LETTER_SCALES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/** Currency written before the number, longest first. */
export const CURRENCY_PREFIXES: readonly (readonly [string, string])[] = [
  ['U.S.$', 'USD'],
  ['US$', 'USD'],
  ['HK$', 'HKD'],
  ['USD', 'USD'],
  ['RMB', 'CNY'],
  ['CNY', 'CNY'],
  ['EUR', 'EUR'],
  ['GBP', 'GBP'],
  ['$', 'USD'],
  ['¥', 'CNY'],
  ['￥', 'CNY'],
  ['€', 'EUR'],
  ['£', 'GBP'],
];

/** Currency written after the number (and its scale), matched as whole words. */
export const CURRENCY_SUFFIXES: Record<string, string> = {
  'us dollars': 'USD',
  'u.s. dollars': 'USD',
  dollars: 'USD',
  dollar: 'USD',
  usd: 'USD',
  yuan: 'CNY',
  rmb: 'CNY',
  renminbi: 'CNY',
  euros: 'EUR',
  euro: 'EUR',
  美元: 'USD',
  元: 'CNY',
  人民币: 'CNY',
  元人民币: 'CNY',
};

/** Nouns that give a count its unit; the lookahead may skip a few words to reach them. */
export const NOUN_UNITS: Record<string, string> = {
  chip: 'chips',
  chips: 'chips',
  gpu: 'chips',
  gpus: 'chips',
  card: 'chips',
  cards: 'chips',
  processors: 'chips',
  accelerators: 'chips',
  semiconductors: 'chips',
  people: 'people',
  persons: 'people',
  employees: 'people',
  staff: 'people',
  staffers: 'people',
  engineers: 'people',
  researchers: 'people',
  scientists: 'people',
  workers: 'people',
  developers: 'people',
  talents: 'people',
  users: 'users',
  tokens: 'tokens',
  parameters: 'parameters',
  downloads: 'downloads',
};

/** Time words, read right after the number ("two months", "40-year-old"). */
export const TIME_UNITS: Record<string, string> = {
  year: 'years',
  years: 'years',
  month: 'months',
  months: 'months',
  week: 'weeks',
  weeks: 'weeks',
  day: 'days',
  days: 'days',
  hour: 'hours',
  hours: 'hours',
  minute: 'minutes',
  minutes: 'minutes',
  decade: 'decades',
  decades: 'decades',
};

/** Number words, read only when a unit or scale follows ("two months", "a billion people"). */
export const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};

export const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

/** Words that may sit between a count and its noun only as the first word ("2,000 of ..."). */
export const LOOKAHEAD_STOP_WORDS = new Set([
  'and',
  'or',
  'but',
  'to',
  'than',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'that',
  'which',
  'who',
  'whom',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'as',
  'per',
  'if',
  'while',
  'when',
  'them',
  'these',
  'those',
  'this',
  'it',
  'they',
  'we',
  'you',
  'he',
  'she',
]);
