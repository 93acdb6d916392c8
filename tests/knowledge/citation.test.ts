import { describe, expect, it } from 'vitest';
import { citationText } from '../../lib/knowledge/citation';
import type { SourceRef } from '../../lib/knowledge/types';

const ASIANFIN: SourceRef = {
  id: 's004',
  label: 'AsianFin',
  title: null,
  outlet: 'AsianFin',
  date: null,
};

describe('copy with citation', () => {
  it('keeps the quote verbatim in quotation marks, then the label, date and reader address', () => {
    expect(
      citationText({
        quote: 'DeepSeek has climbed to the sixth spot.',
        source: { ...ASIANFIN, date: '2025-01-29' },
        readerAddress: 'chrome-extension://abc/reader.html?source=s004&claim=c1',
      }),
    ).toBe(
      [
        '“DeepSeek has climbed to the sixth spot.”',
        '— AsianFin, 2025-01-29',
        'Read in Sourcelight: chrome-extension://abc/reader.html?source=s004&claim=c1',
      ].join('\n'),
    );
  });

  it('adds no marks to a quote that carries its own, and leaves out what is unknown', () => {
    const quote = '“DeepSeek will undoubtedly be a key member,” he stated.';
    expect(citationText({ quote, source: ASIANFIN, readerAddress: null })).toBe(
      `${quote}\n— AsianFin`,
    );
  });

  it("carries a source's caveat, and a reader's source its original address", () => {
    const text = citationText({
      quote: 'Thus, bidet administration increased limitations.',
      source: {
        id: 's002',
        label: 'BBC News',
        caveat: 'Machine-garbled English credited to BBC News.',
        title: null,
        outlet: 'BBC News',
        date: null,
        added: { url: 'https://news.example/a', addedAt: '2025-02-03T10:00:00Z' },
      },
    });
    expect(text.split('\n')).toEqual([
      '“Thus, bidet administration increased limitations.”',
      '— BBC News',
      'Note: Machine-garbled English credited to BBC News.',
      'Original page: https://news.example/a',
    ]);
  });
});
