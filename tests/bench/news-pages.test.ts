import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { createCoreMatcher } from '../../lib/content/core-matcher';
import coreForms from '../../lib/pack/generated/core-names.json';
import { deepSeekNewsPage, noCoreNewsPage } from '../../scripts/bench/news-pages';

function bodyText(html: string): { text: string; doc: Document } {
  const window = new Window();
  const doc = window.document as unknown as Document;
  doc.write(html);
  return { text: doc.body.textContent ?? '', doc };
}

const holdsCore = createCoreMatcher(coreForms);

describe('news pages', () => {
  it('are the same bytes each time', () => {
    expect(noCoreNewsPage().html).toBe(noCoreNewsPage().html);
    expect(deepSeekNewsPage().html).toBe(deepSeekNewsPage().html);
    expect(noCoreNewsPage(3).html).not.toBe(noCoreNewsPage().html);
  });

  it('the ordinary page names no core term; the DeepSeek page does, with the story’s figures', () => {
    const plain = bodyText(noCoreNewsPage().html);
    expect(holdsCore(plain.text)).toBe(false);
    expect(holdsCore(plain.doc.title)).toBe(false);
    const story = bodyText(deepSeekNewsPage().html).text;
    expect(holdsCore(story)).toBe(true);
    for (const term of [
      'Liang Wenfeng',
      'High-Flyer',
      'Nvidia',
      'H800',
      '$5.6 million',
      '2,000 chips',
      'Jan. 20',
    ]) {
      expect(story).toContain(term);
    }
  });

  it('have the same shape: about 45 KB, a 1,500-word article, 300 related links, comments', () => {
    for (const p of [noCoreNewsPage(), deepSeekNewsPage()]) {
      const bytes = Buffer.byteLength(p.html);
      expect(bytes).toBeGreaterThan(43_000);
      expect(bytes).toBeLessThan(51_000);
      expect(p.articleWords).toBeGreaterThan(1_400);
      expect(p.articleWords).toBeLessThan(1_700);
      const { doc } = bodyText(p.html);
      expect(doc.querySelectorAll('aside.related li a')).toHaveLength(300);
      expect(doc.querySelectorAll('.comment')).toHaveLength(p.comments);
      expect(doc.querySelector('header nav')).not.toBeNull();
      expect(doc.querySelector('footer')).not.toBeNull();
    }
  });
});
