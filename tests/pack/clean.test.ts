import { describe, expect, it } from 'vitest';
import { pack } from '../../lib/pack/bundled';
import { cleanSource, JUNK_RULES, lines } from '../../lib/pack/clean';

// Exactly the lines the cleaning drops from each source, with the rule that drops them.
const DROPPED: Record<string, [rule: string, line: string][]> = {
  s000: [
    ['dateline', 'Friday, January 31'],
    ['headline', 'China heralds DeepSeek as a symbol of AI advancements amid U.S. restrictions'],
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
    ['more-links', 'MORE ARTICLES'],
    ['more-links', 'MORE NEWS'],
  ],
  s002: [
    ['site-banner', 'Breaking News'],
    ['headline', 'As Chinese ‘ai heroes’ prevailed us to refrain from stunning the silicon valley'],
    ['photo-credit', 'Getty Images'],
    ['photo-credit', 'CCTV'],
    ['photo-credit', 'Getty Images'],
    ['photo-credit', 'Getty Images'],
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
    ['source-label', '来源:钛媒体APP'],
  ],
};

describe('cleaning the sources', () => {
  it.each(pack.sources.map((s) => [s.id, s] as const))('%s drops exactly these lines', (id, s) => {
    const { excluded } = cleanSource(s.text, s);
    expect(excluded.map((x) => [x.rule, s.text.slice(x.start, x.end)])).toEqual(DROPPED[id]);
  });

  it('keeps every other non-blank line, untouched', () => {
    for (const s of pack.sources) {
      const { kept, excluded } = cleanSource(s.text, s);
      const nonBlank = lines(s.text).filter((l) => s.text.slice(l.start, l.end).trim() !== '');
      expect(kept.length + excluded.length).toBe(nonBlank.length);
    }
  });

  it('keeps bylines, captions and a headline-like line that is not the headline', () => {
    const text = 'Title\n\nFan Wang and João da Silva\nBBC News\nTitle\nSee also  x';
    const { kept, excluded } = cleanSource(text, { title: 'Title', dateAsPrinted: null });
    expect(kept.map((l) => text.slice(l.start, l.end))).toEqual([
      'Fan Wang and João da Silva',
      'BBC News',
      'Title',
    ]);
    expect(excluded.map((x) => x.rule)).toEqual(['headline', 'see-also']);
  });

  it('names every rule and says why', () => {
    for (const r of JUNK_RULES) {
      expect(r.name).toMatch(/^[a-z-]+$/);
      expect(r.why.length).toBeGreaterThan(5);
    }
  });
});
