/**
 * Figures for the popup and history: how long the background takes to build the search
 * index over the bundled pack and to answer a query, and how the history store does
 * (recording a page of terms, "pages where I saw X") on fake-indexeddb in Node. The
 * IndexedDB numbers are an upper bound of the store's own work, not of a browser's disk.
 *
 *   npx tsx scripts/bench-around.ts
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { pack } from '../lib/pack/bundled';
import { buildSearchIndex, searchPack } from '../lib/search/pack-search';
import { openHistoryStore, type TermOnPage } from '../lib/store/history-store';

const QUERIES = [
  'liang',
  '梁文锋',
  'deepseek',
  'h800',
  '$5.6 million',
  'nvidia',
  'app store',
  'x',
  'zzz',
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(fn: () => void, runs: number): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

const build = time(() => buildSearchIndex(pack), 20);
const index = buildSearchIndex(pack);
console.log(
  `pack: ${pack.entities.length} entities, ${pack.claims.length} claims, ${pack.figures.length} figures, ${pack.topics.length} topics`,
);
console.log(`search index build: ${build.toFixed(2)} ms (median of 20)`);
for (const q of QUERIES) {
  const ms = time(() => searchPack(index, q), 200);
  console.log(
    `search ${JSON.stringify(q).padEnd(16)} ${searchPack(index, q).hits.length} hits  ${(ms * 1000).toFixed(0)} µs (median of 200)`,
  );
}

const terms: TermOnPage[] = pack.entities.slice(0, 30).map((e) => ({
  termId: e.id,
  label: e.label,
  kind: 'entity',
  entityKind: e.kind,
  occurrences: 2,
}));
const store = await openHistoryStore();
const PAGES = 500;
let t = performance.now();
for (let i = 0; i < PAGES; i++) {
  await store.record({ url: `https://news.test/${i}`, title: `Story ${i}` }, terms, Date.now());
}
const recordMs = (performance.now() - t) / PAGES;
t = performance.now();
const seen = await store.pagesFor('deepseek');
const lookupMs = performance.now() - t;
console.log(
  `history record (30 terms per page): ${recordMs.toFixed(2)} ms per page over ${PAGES} pages`,
);
console.log(`history pagesFor over ${seen.length} pages: ${lookupMs.toFixed(1)} ms`);
store.close();
