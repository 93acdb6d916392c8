/** Seeded, deterministic news-like text for the detector benchmark. */

/** mulberry32: small, fast, and the same sequence everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `the of and to in a is that for on with as was by it said at from his an be has have
are its which were this market company companies government analysts week year new report
investors shares according after more than but also who their would could while over into
technology model models chips billion million percent research industry startup officials
market value price prices trade export controls data center users app developers people
first last quarter growth cost costs training compute power energy policy security China
United States Europe Washington Beijing Tuesday Monday announced reported expected rose fell
however because before during between about against under several many other such only`
  .split(/\s+/)
  .filter(Boolean);
const NAMES = `Sarah Chen|Michael Brown|the Commerce Department|Reuters|Bloomberg|Wall Street|
Microsoft|Amazon|Tesla|Samsung|TSMC|Sequoia|the Financial Times|Tokyo|Shanghai|Paris`
  .split('|')
  .map((s) => s.trim());
/** Figures the story's sources state: an article about DeepSeek repeats some of them. */
const STORY_FIGURES = [
  '$6 million',
  '2,000 chips',
  '$600 billion',
  'fewer than 140 people',
  '$5.6 million',
];

/** A number as news prints them: mostly amounts, shares and years of other stories. */
function randomNumber(r: () => number): string {
  const n = 1 + Math.floor(r() * 999);
  const forms = [
    () => `$${n} million`,
    () => `$${(n / 10).toFixed(1)} billion`,
    () => `${(n / 10).toFixed(1)}%`,
    () => `in ${1990 + (n % 36)}`,
    () => `${n} people`,
    () => `${n},000`,
    () => `${n}`,
  ];
  return (forms[Math.floor(r() * forms.length)] as () => string)();
}

/** News-like paragraphs: common words, other names, numbers, and now and then a pack alias. */
export function generateText(aliases: string[], bytes: number, seed: number): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words: string[] = [];
    const n = 12 + Math.floor(r() * 18);
    for (let i = 0; i < n; i++) {
      const x = r();
      if (x < 0.02) words.push(pick(aliases));
      else if (x < 0.05) words.push(pick(NAMES));
      else if (x < 0.062) words.push(randomNumber(r));
      else if (x < 0.065) words.push(pick(STORY_FIGURES));
      else words.push(pick(WORDS));
    }
    const s = words.join(' ');
    const sentence = `${s[0]?.toUpperCase()}${s.slice(1)}.${r() < 0.15 ? '\n\n' : ' '}`;
    out.push(sentence);
    size += sentence.length;
  }
  return out.join('');
}
