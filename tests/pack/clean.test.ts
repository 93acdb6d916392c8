import { describe, expect, it } from 'vitest';
import { pack } from '../../lib/pack/bundled';
import { cleanSource, JUNK_RULES, LAYOUT_RULES, lines } from '../../lib/pack/clean';

// Exactly the lines the cleaning drops from each source, with the rule that drops them.
const DROPPED: Record<string, [rule: string, line: string][]> = {
  s000: [
    ['dateline', 'Friday, January 31'],
    ['headline', 'China heralds DeepSeek as a symbol of AI advancements amid U.S. restrictions'],
    ['lead-dateline', 'Hong Kong'],
    [
      'see-also',
      'See also\u00a0 Big Lots initiates going-out-of-business sales at remaining locations',
    ],
    [
      'see-also',
      "See also\u00a0 They're here to finance climate action. But COP29 is more about bickering",
    ],
    ['see-also', 'See also\u00a0 Israeli soccer fans attacked in Amsterdam'],
    ['comment-form', 'Leave a Reply'],
    ['comment-form', 'Your email address will not be published. Required fields are marked *'],
  ],
  s001: [
    ['dateline', 'Wednesday, January 29, 2025'],
    ['headline', 'DeepSeek: China’s AI Breakthrough Stuns Silicon Valley'],
    ['heading', 'The Challenge'],
    ['heading', 'The Talent'],
    ['heading', 'The New AI Heroes'],
    ['more-links', 'MORE ARTICLES'],
    ['more-links', 'MORE NEWS'],
  ],
  s002: [
    ['site-banner', 'Breaking News'],
    ['headline', 'As Chinese ‘ai heroes’ prevailed us to refrain from stunning the silicon valley'],
    ['byline', 'Fan Wang and João da Silva'],
    ['outlet', 'BBC News'],
    ['photo-credit', 'Getty Images'],
    ['heading', 'Challenge'],
    ['photo-credit', 'CCTV'],
    ['photo-caption', 'Founder Deepseeka Liang Wenfung (R) at a recent Government meeting'],
    ['heading', 'Talent'],
    ['photo-credit', 'Getty Images'],
    [
      'photo-caption',
      'Hangzhou, where Deepseek is headquartered, is also a home of other technological giants like Alibaba',
    ],
    ['heading', 'New AI heroes'],
    ['photo-credit', 'Getty Images'],
    ['photo-caption', 'The success of Deepseek is cheered up in China during his biggest rest'],
    ['source-link', 'Source link'],
    ['comment-form', 'Leave a Reply'],
    ['comment-form', 'Your email address will not be published. Required fields are marked *'],
    ['back-to-top', 'Back to top button'],
    ['plugin', 'Social Media Auto Publish Powered By : XYZScripts.com'],
  ],
  s003: [['further-reading', 'Further Reading:']],
  s004: [
    [
      'summary-label',
      '摘要:AsianFin -- Chinese tech start-up DeepSeek is causing a stir in the U.S. AI sector with its open-source approach and affordable mo',
    ],
    ['photo-credit', '(Image Source: Shutterstock US)'],
    ['lead-dateline', 'AsianFin --'],
    ['source-label', '来源:钛媒体APP'],
  ],
};

describe('cleaning the sources', () => {
  // The catalog's places, as the build passes them, for the lead dateline.
  const places = pack.entities.filter((e) => e.kind === 'place').flatMap((e) => e.aliases);

  it.each(pack.sources.map((s) => [s.id, s] as const))('%s drops exactly these lines', (id, s) => {
    const { excluded } = cleanSource(s.text, s, places);
    expect(excluded.map((x) => [x.rule, s.text.slice(x.start, x.end)])).toEqual(DROPPED[id]);
  });

  it('keeps every other non-blank line, untouched', () => {
    for (const s of pack.sources) {
      const { kept, excluded } = cleanSource(s.text, s, places);
      const nonBlank = lines(s.text).filter((l) => s.text.slice(l.start, l.end).trim() !== '');
      // A lead dateline cuts the start of a kept line; every other rule drops whole lines.
      const whole = excluded.filter((x) => x.rule !== 'lead-dateline');
      expect(kept.length + whole.length).toBe(nonBlank.length);
      for (const x of excluded.filter((e) => e.rule === 'lead-dateline')) {
        const line = kept.find((l) => l.start > x.end && l.start - x.end <= 2);
        expect(line, `${s.id}: the line after its dateline is kept`).toBeDefined();
      }
    }
  });

  it('drops byline and outlet lines only before the article starts', () => {
    const text =
      'Title\n\nFan Wang\nBBC News\nBBC News reported it first.\nFan Wang\nTitle\nSee also  x';
    const meta = { title: 'Title', dateAsPrinted: null, byline: 'Fan Wang', outlet: 'BBC News' };
    const { kept, excluded } = cleanSource(text, meta);
    expect(kept.map((l) => text.slice(l.start, l.end))).toEqual(['BBC News reported it first.']);
    // Later, a short line like these is layout of another kind (a heading), not metadata.
    expect(excluded.map((x) => x.rule)).toEqual([
      'headline',
      'byline',
      'outlet',
      'heading',
      'heading',
      'see-also',
    ]);
  });

  it.each([
    // [lines, what is kept]
    [['The Talent', 'He studied AI.'], ['He studied AI.']],
    [['Getty Images', 'Founder Liang at a recent meeting', 'It rained.'], ['It rained.']],
    // A caption ends without a full stop; a sentence after a credit is the article.
    [
      ['Getty Images', 'When Chatgpt broke in, what followed?'],
      ['When Chatgpt broke in, what followed?'],
    ],
    // A short line with sentence punctuation is a sentence, not a heading.
    [
      ['Talent matters.', 'Seven words here make no heading at all'],
      ['Talent matters.', 'Seven words here make no heading at all'],
    ],
    // Lower-case start: a fragment, not a heading.
    [
      ['and more', 'Then.'],
      ['and more', 'Then.'],
    ],
  ])('layout: %j keeps %j', (input, expected) => {
    const text = input.join('\n');
    const { kept } = cleanSource(text, { title: null, dateAsPrinted: null });
    expect(kept.map((l) => text.slice(l.start, l.end))).toEqual(expected);
  });

  it.each([
    ['Hong Kong China’s lab grew.', ['Hong Kong'], 'China’s lab grew.'],
    ['HONG KONG (AP) — China’s lab grew.', ['Hong Kong', 'HONG KONG'], 'China’s lab grew.'],
    ['Hong Kong is a city.', ['Hong Kong'], 'Hong Kong is a city.'], // the place is the subject
    ['Hong Kong China’s lab grew.', [], 'Hong Kong China’s lab grew.'], // no places known
    ['Beijing’s answer came late.', ['Beijing'], 'Beijing’s answer came late.'],
  ])('lead dateline: %s', (line, places, expected) => {
    const { kept, excluded } = cleanSource(line, { title: null, dateAsPrinted: null }, places);
    expect(kept.map((l) => line.slice(l.start, l.end))).toEqual([expected]);
    expect(excluded.every((x) => x.rule === 'lead-dateline')).toBe(true);
  });

  it('reads the outlet credit before the first sentence as a dateline, the outlet elsewhere not', () => {
    const text = 'AsianFin -- Chinese start-up DeepSeek grew.\nAsianFin -- Later it fell.';
    const meta = { title: null, dateAsPrinted: null, outlet: 'AsianFin' };
    const { kept } = cleanSource(text, meta);
    expect(kept.map((l) => text.slice(l.start, l.end))).toEqual([
      'Chinese start-up DeepSeek grew.',
      'AsianFin -- Later it fell.',
    ]);
  });

  it('names every layout rule and says why', () => {
    for (const [name, why] of Object.entries(LAYOUT_RULES)) {
      expect(name).toMatch(/^[a-z-]+$/);
      expect(why.length).toBeGreaterThan(5);
    }
    const used = new Set(pack.sources.flatMap((s) => (s.excluded ?? []).map((x) => x.rule)));
    for (const name of Object.keys(LAYOUT_RULES)) expect(used.has(name), name).toBe(true);
  });

  it('names every rule and says why', () => {
    for (const r of JUNK_RULES) {
      expect(r.name).toMatch(/^[a-z-]+$/);
      expect(r.why.length).toBeGreaterThan(5);
    }
  });
});
