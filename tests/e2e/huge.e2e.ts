/**
 * Pages built to freeze a tab (issue 19): one huge text node, a tree 50,000 elements deep,
 * a ticker rewriting 5,000 nodes every 50 ms, 10,000 "$6 million" in one paragraph. Each
 * must end up marked near the viewport, with a bounded number of marks; in Chromium the
 * trace also shows no extension task long enough to freeze the page. The limit is the
 * issue's 50 ms in CPU time, doubled for a machine shared with other work: the tasks these
 * pages made were 0.4 to 9 s (`npm run bench:huge` prints the measured times).
 */
import { expect, it } from 'vitest';
import { type ExtTasks, tracedOpen } from './harness/ext-tasks';
import type { E2EPage } from './harness/session';
import { forEachBrowser } from './harness/suite';

const CPU_LIMIT_MS = 100;
/** A page's own marks: more than this many on one huge block means it was not windowed. */
const MARKS_LIMIT = 2000;

interface Marks {
  total: number;
  /** The text of ranges painted inside the viewport (up to 200). */
  inView: string[];
}

/** Our highlight ranges, read from the page's own registry (both browsers expose it). */
function marks(): Marks {
  let total = 0;
  const inView: string[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!String(name).startsWith('sourcelight-')) continue;
    for (const r of highlight) {
      total++;
      if (inView.length >= 200) continue;
      const range = document.createRange();
      try {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
      } catch {
        continue;
      }
      const box = range.getBoundingClientRect();
      if (box.width > 0 && box.bottom > 0 && box.top < innerHeight) inView.push(range.toString());
    }
  }
  return { total, inView };
}

/** Waits for the fixture to finish changing itself, then for marks in view to hold still. */
async function settled(page: E2EPage, timeoutMs = 30_000): Promise<Marks> {
  await page.waitFor(
    'the fixture to finish',
    () => (window as { __fixtureDone?: boolean }).__fixtureDone === true,
    undefined,
    timeoutMs,
  );
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let same = 0;
  for (;;) {
    const now = await page.evaluate(marks);
    const key = JSON.stringify(now);
    same = key === last && now.inView.length > 0 ? same + 1 : 0;
    last = key;
    if (same >= 2) return now;
    if (Date.now() > deadline) throw new Error(`marks did not settle: ${key.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 400));
  }
}

function expectNoFreeze(tasks: ExtTasks | null): void {
  if (!tasks) return; // Firefox: behaviour only
  expect(tasks.longestCpuMs ?? tasks.longestMs, tasks.top.join('; ')).toBeLessThanOrEqual(
    CPU_LIMIT_MS,
  );
}

forEachBrowser('huge and deep pages', (session) => {
  it('a 2 MB text node: marked around the reader, and again where the reader scrolls', async () => {
    const { browser, server } = session();
    let seen: Marks = { total: 0, inView: [] };
    const { page, tasks } = await tracedOpen(
      browser,
      server.url('/fixtures/huge-text.html'),
      async (p) => {
        seen = await settled(p);
      },
    );
    expect(seen.inView).toContain('Liang Wenfeng');
    expect(seen.inView).toContain('$5.6 million');
    // About 45,000 terms in the node; only those around the reader are marked.
    expect(seen.total).toBeLessThanOrEqual(MARKS_LIMIT);
    expectNoFreeze(tasks);
    // The middle of the node: its marks follow the reader there.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    const there = await settled(page);
    expect(there.inView).toContain('Liang Wenfeng');
    expect(there.total).toBeLessThanOrEqual(MARKS_LIMIT);
    await page.close();
  });

  it('a tree 50,000 elements deep before the article: the article is marked', async () => {
    const { browser, server } = session();
    let seen: Marks = { total: 0, inView: [] };
    const { page, tasks } = await tracedOpen(
      browser,
      server.url('/fixtures/deep.html'),
      async (p) => {
        seen = await settled(p);
      },
    );
    expect(seen.inView).toEqual(
      expect.arrayContaining(['DeepSeek', 'Liang Wenfeng', 'High-Flyer', 'Hangzhou']),
    );
    expectNoFreeze(tasks);
    await page.close();
  });

  it('a ticker rewriting 5,000 nodes every 50 ms: the article is marked, and no task while it storms is long', async () => {
    const { browser, server } = session();
    let seen: Marks = { total: 0, inView: [] };
    const { page, tasks } = await tracedOpen(
      browser,
      server.url('/fixtures/storm.html'),
      async (p) => {
        // Marked once (start-up is behind us), then measured while the storm goes on.
        await p.waitFor('the article marked', () => {
          for (const [n, h] of CSS.highlights)
            if (String(n).startsWith('sourcelight-') && h.size > 0) return true;
          return false;
        });
        await p.evaluate(() => performance.mark('sl-test:storm'));
        seen = await settled(p);
      },
      'sl-test:storm',
    );
    expect(seen.inView).toEqual(
      expect.arrayContaining(['DeepSeek', 'Liang Wenfeng', 'High-Flyer']),
    );
    // While the page churns, the extension's work comes in small pieces: the 50 ms.
    if (tasks) {
      expect(tasks.longestCpuMs ?? tasks.longestMs, tasks.top.join('; ')).toBeLessThanOrEqual(50);
    }
    await page.close();
  });

  it('10,000 "$6 million" in one paragraph: a bounded run of them marked, the sentence above too', async () => {
    const { browser, server } = session();
    let seen: Marks = { total: 0, inView: [] };
    const { page, tasks } = await tracedOpen(
      browser,
      server.url('/fixtures/six-million.html'),
      async (p) => {
        seen = await settled(p);
      },
    );
    expect(seen.inView).toContain('less than $6 million');
    expect(seen.inView).toContain('$6 million');
    expect(seen.total).toBeLessThanOrEqual(MARKS_LIMIT);
    expectNoFreeze(tasks);
    await page.close();
  });
});
