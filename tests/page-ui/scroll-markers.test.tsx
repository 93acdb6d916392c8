// @vitest-environment happy-dom
/**
 * The scrollbar markers and the sidebar's room, as the controller drives them: ticks for
 * the card's term, for every term on the sidebar's page list, none once both are closed.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { createKnowledge } from '../../lib/knowledge/term-detail';
import type { MarkSpot } from '../../lib/page/scroll-ticks';
import { HOST_SELECTOR, ROOM_ATTR } from '../../lib/page/skip-rules';
import { createPageUi } from '../../lib/page-ui/controller';
import { pack } from '../knowledge/fixture';
import { catchShadow, liangIn } from './fixture';

const knowledge = createKnowledge(pack);

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));

function setup() {
  document.body.replaceChildren();
  const p = document.createElement('p');
  p.append('Founder Liang Wenfeng said');
  document.body.append(p);
  Object.defineProperty(document.documentElement, 'scrollHeight', {
    value: 4000,
    configurable: true,
  });
  const occurrence = liangIn(p);
  const spots: Record<string, MarkSpot[]> = {
    'liang-wenfeng': [
      { id: 'liang-wenfeng', nth: 0, y: 100 },
      { id: 'liang-wenfeng', nth: 1, y: 3000 },
    ],
    deepseek: [{ id: 'deepseek', nth: 0, y: 2000 }],
  };
  const markSpots = vi.fn((id: string | null) =>
    id === null ? Object.values(spots).flat() : (spots[id] ?? []),
  );
  const showOnPage = vi.fn();
  const controller = new AbortController();
  const ui = createPageUi({
    signal: controller.signal,
    detail: async (req) => knowledge.detail(req),
    seen: async () => ({ available: true, count: 0 }),
    readSource: vi.fn(),
    terms: () => [],
    showOnPage,
    markSpots,
    isTrusted: () => true,
  });
  return { ui, occurrence, markSpots, showOnPage, stop: () => controller.abort() };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

it("marks where the card's term is on the page; a tick shows that occurrence", async () => {
  const shadow = catchShadow();
  const { ui, occurrence, markSpots, showOnPage, stop } = setup();
  ui.showCard(occurrence);
  await frame();
  expect(markSpots).toHaveBeenLastCalledWith('liang-wenfeng');
  const ticks = [...shadow().querySelectorAll<HTMLElement>('.scroll-marks .tick')];
  expect(ticks.map((t) => t.style.top)).toEqual(['2.500%', '75.000%']);
  expect(shadow().querySelector('.scroll-marks')?.getAttribute('aria-hidden')).toBe('true');
  ticks[1]?.click();
  expect(showOnPage).toHaveBeenCalledWith('liang-wenfeng', 1);
  stop();
});

it("makes room and marks every term while the sidebar lists the page's terms; closing undoes both", async () => {
  const shadow = catchShadow();
  const { ui, markSpots, stop } = setup();
  ui.openSidebar(null);
  const host = document.querySelector(HOST_SELECTOR) as HTMLElement;
  expect(host.hasAttribute(ROOM_ATTR)).toBe(true);
  await frame();
  expect(markSpots).toHaveBeenLastCalledWith(null);
  expect(shadow().querySelectorAll('.scroll-marks.beside .tick')).toHaveLength(3);
  shadow().querySelector<HTMLButtonElement>('button[aria-label="Close sidebar"]')?.click();
  expect(host.hasAttribute(ROOM_ATTR)).toBe(false);
  expect(shadow().querySelector('.scroll-marks')).toBeNull();
  const calls = markSpots.mock.calls.length;
  window.dispatchEvent(new Event('resize'));
  await frame();
  expect(markSpots.mock.calls.length).toBe(calls); // nothing open: nothing measured
  stop();
});

it('measures again when the window is resized while markers show', async () => {
  const { ui, occurrence, markSpots, stop } = setup();
  ui.showCard(occurrence);
  await frame();
  const calls = markSpots.mock.calls.length;
  window.dispatchEvent(new Event('resize'));
  await frame();
  expect(markSpots.mock.calls.length).toBe(calls + 1);
  stop();
});

it("measures again when the page's marks change, not while nothing is open", async () => {
  const { ui, occurrence, markSpots, stop } = setup();
  ui.refresh();
  await frame();
  expect(markSpots).not.toHaveBeenCalled();
  ui.showCard(occurrence);
  await frame();
  const calls = markSpots.mock.calls.length;
  ui.refresh(); // a scan painted anew
  await frame();
  expect(markSpots.mock.calls.length).toBe(calls + 1);
  ui.refresh(false); // a scan that found the marks where they were
  await frame();
  expect(markSpots.mock.calls.length).toBe(calls + 1);
  stop();
});

function listUi(narrowWindow: boolean) {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (q) => ({ matches: !narrowWindow, media: q }) as MediaQueryList,
  );
  const showOnPage = vi.fn();
  const controller = new AbortController();
  const ui = createPageUi({
    detail: async (req) => knowledge.detail(req),
    seen: async () => ({ available: true, count: 0 }),
    readSource: vi.fn(),
    terms: () => [
      { id: 'deepseek', label: 'DeepSeek', kind: 'entity', entityKind: 'organization', count: 2 },
    ],
    showOnPage,
    isTrusted: () => true,
    signal: controller.signal,
  });
  return { ui, showOnPage, stop: () => controller.abort() };
}

it.each([
  ['steps aside in a window too narrow for room', true, false],
  ['stays open beside the page in a wide window', false, true],
])('"On this page" %s', (_why, narrowWindow, staysOpen) => {
  const shadow = catchShadow();
  const { ui, showOnPage, stop } = listUi(narrowWindow);
  ui.openSidebar(null);
  shadow().querySelector<HTMLButtonElement>('.term-row')?.click();
  expect(showOnPage).toHaveBeenCalledWith('deepseek');
  expect(shadow().querySelector('aside') !== null).toBe(staysOpen);
  stop();
});
