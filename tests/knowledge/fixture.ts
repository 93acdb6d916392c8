/**
 * A small pack built from the real vendored sources: every quote is located in its source
 * text here, so the tests hold the same invariant as the real pack (quote === slice).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceLabel } from '../../lib/pack/source-label';
import type { Claim, Figure, Pack, Source } from '../../lib/pack/types';

const DIR = join(import.meta.dirname, '../../data/sources');

function source(id: string, file: string, meta: Partial<Source>): Source {
  const s = {
    id,
    file,
    title: null,
    date: null,
    dateAsPrinted: null,
    outlet: null,
    byline: null,
    language: 'en',
    text: readFileSync(join(DIR, file), 'utf8'),
    ...meta,
  };
  return { ...s, label: sourceLabel(s) };
}

const sources = [
  source('s000', '000_bd6d019c7dd83926.txt', {
    title: 'China heralds DeepSeek as a symbol of AI advancements amid U.S. restrictions',
    dateAsPrinted: 'Friday, January 31',
  }),
  source('s001', '001_26f2138eca27c278.txt', {
    title: "DeepSeek: China's AI Breakthrough Stuns Silicon Valley",
    date: '2025-01-29',
  }),
  source('s004', '004_78f1340a6b633b16.txt', { outlet: 'AsianFin' }),
];

function claim(id: string, sourceId: string, quote: string, entityIds: string[]): Claim {
  const text = (sources.find((s) => s.id === sourceId) as Source).text;
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`fixture quote not in ${sourceId}: ${quote}`);
  return { id, sourceId, start, end: start + quote.length, quote, entityIds };
}

const claims = [
  claim(
    'c1',
    's000',
    'Founded in 2023 by Liang Wenfeng, the creator of the AI-driven trading strategy hedge fund High-Flyer, DeepSeek is headquartered in Hangzhou, a Chinese innovation powerhouse.',
    ['liang-wenfeng', 'high-flyer', 'deepseek'],
  ),
  claim(
    'c2',
    's001',
    'DeepSeek founder Liang Wenfeng identified the chip ban as their primary obstacle, yet the firm strategically stockpiled Nvidia A100 chips beforehand.',
    ['liang-wenfeng', 'deepseek'],
  ),
  claim(
    'c3',
    's004',
    'Unlike the years of work and billions of dollars invested by American tech giants, DeepSeek has reportedly achieved its breakthrough in just two months, spending only $5.6 million, CNBC reported.',
    ['deepseek'],
  ),
  claim('c4', 's000', 'cost less than $6 million', ['deepseek']),
  // A sentence that names nobody, about the person the sentence before it names.
  {
    ...claim(
      'c5',
      's000',
      'He told the Chinese media site 36Kr in May 2023 that the company was seeking people who were curious and down to earth',
      [],
    ),
  },
  claim(
    'c6',
    's000',
    'The Chinese social media site WeChat posted in July that High-Flyer had purchased 10,000 of Nvidia’s high-performance A100 graphics processor chips by 2022.',
    ['high-flyer'],
  ),
];
{
  const c5 = claims[4] as Claim;
  c5.references = [
    {
      entityId: 'liang-wenfeng',
      via: 'reference',
      start: c5.start,
      end: c5.start + 2,
      antecedentClaimId: 'c1',
    },
  ];
}

function figure(id: string, claimId: string, text: string, rest: Partial<Figure>): Figure {
  const c = claims.find((x) => x.id === claimId) as Claim;
  const start = c.start + c.quote.indexOf(text);
  return {
    id,
    sourceId: c.sourceId,
    start,
    end: start + text.length,
    text,
    value: 0,
    unit: 'USD',
    qualifier: null,
    claimId,
    topicId: 'training-cost',
    subjectId: 'deepseek',
    ...rest,
  };
}

export const pack: Pack = {
  version: 1,
  sources,
  entities: [
    {
      id: 'liang-wenfeng',
      label: 'Liang Wenfeng',
      kind: 'person',
      tier: 'core',
      aliases: ['Liang Wenfeng', '梁文锋', 'Liang'],
      aliasRules: {},
      description: 'Founder of DeepSeek and of the hedge fund High-Flyer.',
      basis: [],
      related: ['deepseek', 'high-flyer', 'missing-id'],
    },
    {
      id: 'deepseek',
      label: 'DeepSeek',
      kind: 'organization',
      tier: 'core',
      aliases: ['DeepSeek', '深度求索'],
      aliasRules: {},
      description: 'Chinese AI start-up based in Hangzhou.',
      basis: [],
      related: ['liang-wenfeng'],
    },
    {
      id: 'high-flyer',
      label: 'High-Flyer',
      kind: 'organization',
      tier: 'core',
      aliases: ['High-Flyer', 'High Flyer'],
      aliasRules: {},
      description: 'Hedge fund founded by Liang Wenfeng.',
      basis: [],
      related: [],
    },
  ],
  claims,
  figures: [
    figure('f1', 'c3', '$5.6 million', { value: 5_600_000 }),
    figure('f2', 'c4', '$6 million', { value: 6_000_000, qualifier: 'less than' }),
  ],
  topics: [
    {
      id: 'training-cost',
      label: "DeepSeek's training cost",
      subjectId: 'deepseek',
      figureIds: ['f1', 'f2'],
      disagree: true,
      compatible: true,
      varies: false,
      verdict: 'compatible',
    },
  ],
  questions: [
    {
      id: 'chip-buyer',
      question: 'Who bought the chips?',
      entityIds: ['deepseek', 'high-flyer'],
      answers: [
        { claimIds: ['c2'], gist: 'the firm strategically stockpiled Nvidia A100 chips' },
        { claimIds: ['c6'], gist: 'High-Flyer had purchased' },
      ],
      verdict: 'conflict',
    },
    {
      id: 'founder',
      question: 'Who founded DeepSeek?',
      entityIds: ['deepseek'],
      answers: [{ claimIds: ['c1', 'c2'], gist: 'DeepSeek founder Liang Wenfeng' }],
      verdict: 'agree',
    },
  ],
};
