/**
 * Two ordinary news pages of the same shape for `npm run bench:cpu` (issue 15): a header
 * with section navigation, an article of about 1,500 words, a rail of 300 related links,
 * reader comments and a footer, about 45 KB of HTML. One article is about a city's tram
 * line and names nothing of the DeepSeek story (what almost every page a reader opens is
 * like); the other is wire copy about DeepSeek (scripts/bench/deepseek-wire.ts). The
 * chrome around the article is generated from a seed: same seed, same bytes.
 */
import { rng } from '../bench-text';
import { DEEPSEEK_HEADLINE, DEEPSEEK_PARAGRAPHS, DEEPSEEK_STANDFIRST } from './deepseek-wire';

export interface NewsPage {
  html: string;
  /** Words in the article's paragraphs. */
  articleWords: number;
  relatedLinks: number;
  comments: number;
}

type Rnd = () => number;
const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const SECTIONS = [
  'News',
  'World',
  'Business',
  'Markets',
  'Politics',
  'Science',
  'Health',
  'Climate',
  'Culture',
  'Books',
  'Film',
  'Music',
  'Sport',
  'Football',
  'Cricket',
  'Travel',
  'Food',
  'Opinion',
  'Letters',
  'Obituaries',
  'Weather',
  'Puzzles',
  'Podcasts',
  'Video',
];

// Headline parts for the related-links rail: everyday news, nothing of the story.
const HEAD_SUBJECTS = [
  'Council',
  'Ministers',
  'Farmers',
  'Nurses',
  'Teachers',
  'Regulator',
  'City hall',
  'Residents',
  'Port workers',
  'Airline',
  'Museum',
  'Orchestra',
  'Coastguard',
  'Union',
  'Retailers',
  'Landlords',
  'Cyclists',
  'Brewers',
  'Fishermen',
  'Students',
  'Court',
];
const HEAD_VERBS = [
  'backs',
  'rejects',
  'delays',
  'approves',
  'warns over',
  'questions',
  'celebrates',
  'pauses',
  'expands',
  'reviews',
  'cuts',
  'defends',
  'plans',
  'opens',
  'closes',
];
const HEAD_OBJECTS = [
  'new bridge tolls',
  'school meal budget',
  'river clean-up',
  'winter fuel payments',
  'harbour redevelopment',
  'library opening hours',
  'flood barrier plan',
  'rent controls',
  'bus timetable changes',
  'summer festival',
  'hospital car parks',
  'housing targets',
  'wind farm lease',
  'pension reform',
  'rail fares',
  'water bills',
  'parking permits',
  'allotment waiting lists',
  'market square revamp',
  'ferry contract',
  'recycling rules',
];
const HEAD_TAILS = [
  '',
  '',
  '',
  ' after long debate',
  ' amid protests',
  ' in surprise vote',
  ' for second year',
  ': what it means for you',
  ' as costs rise',
  ' despite objections',
  ' - live updates',
];

function headline(rnd: Rnd): string {
  return `${pick(rnd, HEAD_SUBJECTS)} ${pick(rnd, HEAD_VERBS)} ${pick(rnd, HEAD_OBJECTS)}${pick(rnd, HEAD_TAILS)}`;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 36);
}

// The other article: a tram extension, written from templates.
const TRAM_OPENERS = [
  'The city’s transport committee said on Tuesday that',
  'According to figures published by the council,',
  'Officials told a public meeting in the town hall that',
  'In a statement released on Monday evening, the operator said',
  'Engineers working on the route said',
  'Residents who attended the consultation said',
  'A spokesperson for the mayor’s office said',
  'The project’s latest progress report shows that',
];
const TRAM_CLAIMS = [
  'the eastern extension of the tram line would open in the spring of next year',
  'work on the viaduct over the canal was about six weeks behind schedule',
  'the budget for the project had risen to 412 million euros from an estimate of 350 million',
  'the new depot at the old goods yard would house 24 additional vehicles',
  'trams would run every six minutes at peak times and every ten minutes in the evening',
  'the stop outside the general hospital had been moved 80 metres after objections from staff',
  'two of the five new bridges had passed their final load tests',
  'ticket prices would stay frozen until the end of the financial year',
  'about 18,000 passengers a day were expected to use the extension in its first year',
  'local shops along the route would receive compensation for months of roadworks',
  'the track bed had been laid on rubber mats to reduce vibration in nearby houses',
  'the signalling contract had been awarded to a consortium of three regional firms',
  'the old bus route 14 would be withdrawn once the trams were running',
  'night services at weekends were being considered for the second phase',
  'trees felled for the route would be replaced by 600 new ones along the boulevard',
  'the overhead wires would be left out on the historic square, where trams run on batteries',
];
const TRAM_FOLLOWS = [
  'The opposition group on the council has asked for an independent audit of the costs.',
  'Cycling groups welcomed the segregated lanes planned alongside the tracks.',
  'Business owners on Station Road said trade had fallen by a third during the works.',
  'The regional government is paying for about half of the project.',
  'A petition calling for an extra stop near the university has gathered 4,200 signatures.',
  'Similar schemes in neighbouring cities took between four and seven years to complete.',
  'The first test runs on the completed section are planned for the autumn.',
  'Campaigners for older residents asked that every platform be step-free from the first day.',
  'The operator is recruiting 60 drivers, who will train on a simulator before the line opens.',
  'Diversions for buses and cars will remain in place until the final section is finished.',
];
const TRAM_QUOTES = [
  '“We know the works have been hard on people who live and trade along the route,” the councillor said.',
  '“This line will change how the east side of the city connects to the centre,” said the project director.',
  '“Every month of delay costs money, and we want to know who pays for it,” said the opposition leader.',
  '“My customers cannot reach the door, and I still pay full rent,” said a café owner on the boulevard.',
  '“The trams are quiet, and the stops are close to where people actually live,” said one resident.',
];

function tramParagraph(rnd: Rnd): string {
  const parts = [`${pick(rnd, TRAM_OPENERS)} ${pick(rnd, TRAM_CLAIMS)}.`];
  const extra = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < extra; i++) {
    parts.push(rnd() < 0.3 ? pick(rnd, TRAM_QUOTES) : pick(rnd, TRAM_FOLLOWS));
  }
  return parts.join(' ');
}

const COMMENTERS = [
  'marta_k',
  'oldtown resident',
  'JH',
  'commuter77',
  'Pieter V.',
  'lena',
  'NorthsideNeighbour',
  'r.okafor',
  'anon',
  'Grace T',
  'busdriver',
  'DT from the valley',
];
const COMMENT_LINES = [
  'Finally some progress, though I will believe the opening date when I see it.',
  'The costs keep rising and nobody is held responsible. Same every time.',
  'I use this route every day and the diversions have added twenty minutes each way.',
  'Good reporting, thank you for the detail on the budget.',
  'Why is there no stop near the sports centre? Hundreds of people go there every evening.',
  'We had the same debate twenty years ago. Glad it is finally happening.',
  'The shops on the boulevard deserve more help than they are getting.',
  'Can anyone explain why the depot could not go on the other side of the river?',
  'Quiet, clean and on time would be a welcome change from the buses.',
  'Please cover the night services plan when it is published.',
];

function words(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

interface Shape {
  title: string;
  standfirst: string;
  byline: string;
  paragraphs: readonly string[];
  seed: number;
  /** Rail headlines; the rail keeps the page near its target size. */
  links: number;
}

function render(shape: Shape): NewsPage {
  const rnd = rng(shape.seed);
  const out: string[] = [];
  out.push(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(shape.title)} | The Daily Ledger</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<style>body{font:16px/1.5 Georgia,serif;margin:0}header,footer{background:#f4f1ea;padding:8px 16px}nav ul,aside ul,footer ul{list-style:none;padding:0;margin:0}nav li,footer li{display:inline-block;margin-right:12px}main{display:flex;gap:32px;padding:16px}article{flex:3;max-width:42em}aside{flex:1;font-size:14px}aside li{margin:4px 0}.comments{max-width:42em;padding:16px}</style>',
    '</head><body><header><a class="logo" href="/">The Daily Ledger</a><nav aria-label="Sections"><ul>',
  );
  for (const s of SECTIONS) out.push(`<li><a href="/${slug(s)}/">${s}</a></li>`);
  out.push('</ul></nav></header><main><article>');
  out.push(`<h1>${esc(shape.title)}</h1><p class="standfirst">${esc(shape.standfirst)}</p>`);
  out.push(`<p class="byline">${esc(shape.byline)}</p>`);
  let articleWords = 0;
  shape.paragraphs.forEach((p, i) => {
    if (i === 6) out.push('<h2>How it happened</h2>');
    if (i === 14) out.push('<h2>What comes next</h2>');
    out.push(`<p>${esc(p)}</p>`);
    articleWords += words(p);
  });
  out.push(
    '<p class="tags">Topics: <a href="/news/">News</a>, <a href="/business/">Business</a></p>',
  );
  out.push('</article><aside class="related"><h2>More from the Ledger</h2><ul>');
  for (let i = 0; i < shape.links; i++) {
    const h = headline(rnd);
    out.push(`<li><a href="/n/${slug(h).slice(0, 28)}-${i}">${esc(h)}</a></li>`);
  }
  out.push('</ul></aside></main><section class="comments"><h2>Comments</h2>');
  const comments = 14;
  for (let i = 0; i < comments; i++) {
    const lines = [pick(rnd, COMMENT_LINES)];
    if (rnd() < 0.5) lines.push(pick(rnd, COMMENT_LINES));
    out.push(
      `<div class="comment"><p class="who">${esc(pick(rnd, COMMENTERS))} · ${1 + Math.floor(rnd() * 23)}h ago</p><p>${esc(lines.join(' '))}</p><button type="button">Reply</button></div>`,
    );
  }
  out.push('</section><footer><ul>');
  for (const s of [
    'About us',
    'Contact',
    'Careers',
    'Advertise',
    'Privacy',
    'Cookies',
    'Terms',
    'Accessibility',
    'Newsletters',
    'Archive',
  ]) {
    out.push(`<li><a href="/${slug(s)}">${s}</a></li>`);
  }
  out.push(
    '</ul><p>© The Daily Ledger. All rights reserved.</p></footer>',
    '<script>document.documentElement.dataset.ready = "1";</script></body></html>',
  );
  return { html: out.join(''), articleWords, relatedLinks: shape.links, comments };
}

/** Paragraphs about the tram line until the article reaches `targetWords`. */
function tramArticle(seed: number, targetWords: number): string[] {
  const rnd = rng(seed * 7 + 1);
  const paragraphs: string[] = [];
  let n = 0;
  while (n < targetWords) {
    const p = tramParagraph(rnd);
    paragraphs.push(p);
    n += words(p);
  }
  return paragraphs;
}

/** An ordinary news page that names nothing of the story (no core name). */
export function noCoreNewsPage(seed = 11): NewsPage {
  return render({
    title: 'Eastern tram extension delayed again as costs climb',
    standfirst:
      'The city says the new line will still open next year, but traders along the route want more help',
    byline: 'By our city affairs correspondent · 14 March 2025, 07:40',
    paragraphs: tramArticle(seed, 1500),
    seed,
    links: 300,
  });
}

/** The same shape with wire copy about DeepSeek as the article. */
export function deepSeekNewsPage(seed = 12): NewsPage {
  return render({
    title: DEEPSEEK_HEADLINE,
    standfirst: DEEPSEEK_STANDFIRST,
    byline: 'By the technology desk · 28 January 2025, 09:15',
    paragraphs: DEEPSEEK_PARAGRAPHS,
    seed,
    links: 300,
  });
}
