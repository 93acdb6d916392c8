/**
 * Generated articles and names for `npm run bench:library`: seeded, so every run reads the
 * same text. Sentences in news, wire and forum styles, built from templates with the
 * story's names and figures, invented organisations and people, and other numbers, so the
 * pack build finds claims, figures and topics in them as it would in real reporting.
 */
import { rng } from '../bench-text';

const SYLLABLES = 'ka ren to vi sol mar den lu qua xen bor tal ix ve na shi pro gen dor fy'.split(
  ' ',
);
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const STORY = [
  'DeepSeek',
  'Nvidia',
  'Liang Wenfeng',
  'High-Flyer',
  'OpenAI',
  'the H800',
  'Hangzhou',
];
const ADJECTIVES = [
  'plausible',
  'surprising',
  'hard to check',
  'a turning point',
  'overblown',
  'real',
];

export interface Generator {
  word(): string;
  person(): string;
  org(): string;
  article(words: number): { title: string; paragraphs: string[] };
  html(words: number, url: string): string;
}

export function generator(seed: number): Generator {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const word = () => {
    let w = '';
    for (let i = int(2, 3); i > 0; i--) w += pick(SYLLABLES);
    return `${w[0]?.toUpperCase()}${w.slice(1)}`;
  };
  const person = () => `${word()} ${word()}`;
  const org = () =>
    `${word()} ${pick(['Capital', 'Labs', 'Securities', 'Advisory', 'AI', 'Research'])}`;
  const money = () =>
    pick([
      `$${int(2, 9)}.${int(0, 9)} million`,
      `about $${int(5, 9)} million`,
      `less than $${int(6, 9)} million`,
    ]);
  const sentence = (): string =>
    pick<() => string>([
      () => `DeepSeek said on ${pick(DAYS)} that it spent ${money()} to train its latest model.`,
      () =>
        `According to ${person()}, DeepSeek trained the model on ${int(18, 26) * 100} Nvidia H800 chips.`,
      () => `${person()}, an analyst at ${org()}, called the cost "${pick(ADJECTIVES)}".`,
      () =>
        `Shares of ${org()} fell ${int(2, 19)}.${int(0, 9)}% on ${pick(DAYS)} after the report.`,
      () => `Nvidia lost about $${int(550, 640)} billion in market value, ${org()} estimated.`,
      () =>
        `DeepSeek's team of about ${int(120, 200)} people built the model in ${int(2, 4)} months.`,
      () => `${pick(STORY)} was mentioned ${int(3, 40)} times in ${org()}'s note to clients.`,
      () => `${org()} said it would raise $${int(10, 900)} million from ${org()} and ${org()}.`,
      () => `honestly the ${money()} number from deepseek sounds ${pick(ADJECTIVES)} lol`,
      () => `In ${int(2015, 2024)}, ${person()} joined ${pick(STORY)} from ${org()}.`,
      () =>
        `Liang Wenfeng told ${person()} that High-Flyer had bought chips before the export rules.`,
      () =>
        `The market for the chips could reach $${int(1, 3)} trillion, ${person()} of ${org()} said.`,
      // Most of an article is prose around the figures.
      () => `${person()} said the company had not shared how it tested the model.`,
      () => `"We are watching closely," said ${person()}, who leads research at ${org()}.`,
      () => 'The app was among the most downloaded in several countries last week.',
      () => `Critics at ${org()} questioned whether the results could be repeated independently.`,
      () => `${org()} did not respond to a request for comment on ${pick(DAYS)}.`,
      () => 'Some users reported that the chatbot declined to answer questions on politics.',
      () => 'Regulators in several countries said they were reviewing how the app handles data.',
      () => `${person()} wrote on social media that the release "changes the conversation".`,
      () => 'The company has published the weights of its models under an open licence.',
      () => `Investors will look for clues in quarterly reports from ${org()} and ${org()}.`,
      () => `it's ${pick(ADJECTIVES)} tbh, ${person().toLowerCase()} posted in a forum thread.`,
      () => `Engineers at ${org()} said they had started testing the model internally.`,
    ])();
  const article = (words: number) => {
    const paragraphs: string[] = [];
    let count = 0;
    while (count < words) {
      const p: string[] = [];
      for (let i = int(2, 5); i > 0; i--) p.push(sentence());
      const text = p.join(' ');
      count += text.split(/\s+/).length;
      paragraphs.push(text);
    }
    return { title: `${org()} and DeepSeek: ${pick(ADJECTIVES)} week for chips`, paragraphs };
  };
  const html = (words: number, url: string) => {
    const a = article(words);
    // Built as text: the titles and sentences hold no markup characters.
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${a.title}</title>
<meta property="og:site_name" content="Bench Wire"><meta name="author" content="${person()}">
<meta property="article:published_time" content="2025-02-${String(int(1, 28)).padStart(2, '0')}T08:00:00Z">
<link rel="canonical" href="${url}"></head><body><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<article><h1>${a.title}</h1>${a.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<aside><h3>Related</h3><ul><li><a href="/x">Other story</a></li></ul></aside><footer>Bench Wire</footer></body></html>`;
  };
  return { word, person, org, article, html };
}
