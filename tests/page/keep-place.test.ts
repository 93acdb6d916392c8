// @vitest-environment happy-dom
/** The reader's place while the sidebar's room re-wraps the page. */
import { afterEach, expect, it, vi } from 'vitest';
import { keepPlace } from '../../lib/page/keep-place';

/** happy-dom has no caret API: the test stands in for it. */
type CaretDoc = { caretPositionFromPoint?: unknown };

function page(scrollY: number) {
  document.body.replaceChildren();
  const banner = document.createElement('div');
  banner.style.position = 'sticky';
  banner.append('Breaking news banner');
  const p = document.createElement('p');
  p.append('The text the reader is at');
  document.body.append(banner, p);
  Object.defineProperty(window, 'scrollY', { value: scrollY, configurable: true });
  // The first point down the window falls on the sticky banner, the next on the paragraph.
  let calls = 0;
  (document as unknown as CaretDoc).caretPositionFromPoint = () => {
    calls++;
    const node = calls === 1 ? banner.firstChild : p.firstChild;
    return { offsetNode: node as Node, offset: 4 };
  };
  let top = 300; // where the paragraph's text is; the change moves it
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    const inBanner = this.startContainer === banner.firstChild;
    return new DOMRect(10, inBanner ? 0 : top, 8, 18);
  });
  const scrollBy = vi.spyOn(window, 'scrollBy').mockImplementation(() => {});
  return { scrollBy, move: (to: number) => (top = to) };
}

afterEach(() => {
  vi.restoreAllMocks();
  delete (document as unknown as CaretDoc).caretPositionFromPoint;
});

it('scrolls the text at the reading point back to where it was, passing over sticky text', () => {
  const { scrollBy, move } = page(1200);
  keepPlace(() => move(660));
  expect(scrollBy).toHaveBeenCalledWith({ top: 360, behavior: 'instant' });
});

it('leaves a page at its top alone: the top stays in view', () => {
  const { scrollBy, move } = page(0);
  keepPlace(() => move(660));
  expect(scrollBy).not.toHaveBeenCalled();
});

it('does not scroll when the change moved nothing', () => {
  const { scrollBy } = page(800);
  keepPlace(() => {});
  expect(scrollBy).not.toHaveBeenCalled();
});
