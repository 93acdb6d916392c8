// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { listenTermKeys, termStepOf } from '../../lib/content/term-keys';

const none = { altKey: false, shiftKey: false, ctrlKey: false, metaKey: false };

describe('termStepOf', () => {
  it.each([
    [{ ...none, altKey: true, shiftKey: true, code: 'Period' }, 1],
    [{ ...none, altKey: true, shiftKey: true, code: 'Comma' }, -1],
    [{ ...none, code: 'Period' }, 0],
    [{ ...none, altKey: true, code: 'Period' }, 0],
    [{ ...none, altKey: true, shiftKey: true, ctrlKey: true, code: 'Period' }, 0],
    [{ ...none, altKey: true, shiftKey: true, metaKey: true, code: 'Comma' }, 0],
    [{ ...none, altKey: true, shiftKey: true, code: 'KeyS' }, 0],
  ])('%o gives %i', (event, want) => {
    expect(termStepOf(event)).toBe(want);
  });
});

describe('listenTermKeys', () => {
  function harness(step: (dir: 1 | -1) => boolean) {
    let listener: ((e: unknown) => void) | null = null;
    const win = {
      addEventListener: (_type: string, fn: (e: unknown) => void) => {
        listener = fn;
      },
    } as unknown as Window;
    listenTermKeys({ win, step, signal: new AbortController().signal });
    return (code: string, target: Record<string, unknown> = {}, isTrusted = true) => {
      const el = Object.assign(Object.create(Element.prototype), {
        isContentEditable: false,
        matches: () => false,
        ...target,
      });
      const e = {
        ...none,
        altKey: true,
        shiftKey: true,
        code,
        isTrusted,
        composedPath: () => [el],
        preventDefault: vi.fn(),
        stopImmediatePropagation: vi.fn(),
      };
      listener?.(e);
      return e;
    };
  }

  it('steps and keeps the key from the page only when there was a term', () => {
    const step = vi.fn((dir: 1 | -1) => dir === 1);
    const press = harness(step);
    const next = press('Period');
    expect(step).toHaveBeenLastCalledWith(1);
    expect(next.preventDefault).toHaveBeenCalled();
    expect(next.stopImmediatePropagation).toHaveBeenCalled();
    const previous = press('Comma'); // no previous term: the key is the page's
    expect(step).toHaveBeenLastCalledWith(-1);
    expect(previous.preventDefault).not.toHaveBeenCalled();
  });

  it('leaves keys typed into a field, and keys the page made up, alone', () => {
    const step = vi.fn(() => true);
    const press = harness(step);
    press('Period', { matches: (s: string) => s.includes('textarea') });
    press('Period', { isContentEditable: true });
    press('Period', {}, false);
    press('KeyS');
    expect(step).not.toHaveBeenCalled();
  });
});
