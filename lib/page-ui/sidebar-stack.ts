/**
 * The sidebar's navigation and data: a stack of what it shows (a term, or null for the
 * page's list of terms), with Back, and the term detail and "seen before" of the top entry,
 * fetched as it becomes the top; an answer for an entry no longer on top is dropped. The
 * controller (controller.tsx) renders what `current()` says whenever `onChange` fires.
 */
import type { TermDetail, TermDetailRequest } from '../knowledge/types';
import type { SeenBefore } from '../messages';
import type { Occurrence } from '../page/page-marks';

export interface SidebarEntry {
  req: TermDetailRequest;
  /** The page's own text of a figure term, shown beside the sources' figures. */
  pageFigure: string | null;
}

export interface SidebarView {
  /** Null: the page's list of terms. */
  entry: SidebarEntry | null;
  /** Undefined while loading; null when the pack has nothing for it. */
  detail: TermDetail | null | undefined;
  seen: SeenBefore | null;
  canGoBack: boolean;
}

export interface SidebarData {
  detail: (req: TermDetailRequest) => Promise<TermDetail | null>;
  seen: (id: string) => Promise<SeenBefore | null>;
  onChange: () => void;
}

/** What the sidebar asks the background about a marked occurrence. */
export function entryFor(o: Occurrence): SidebarEntry {
  const m = o.match;
  const req: TermDetailRequest = { id: m.id, kind: m.kind };
  if (m.value !== undefined) req.pageValue = m.value;
  if (m.unit !== undefined) req.pageUnit = m.unit;
  if (m.qualifier !== undefined) req.pageQualifier = m.qualifier;
  if (m.subjectId !== undefined) req.pageSubjectId = m.subjectId;
  return { req, pageFigure: m.kind === 'figure' ? m.text : null };
}

export function createSidebarStack(data: SidebarData) {
  let stack: (SidebarEntry | null)[] = [];
  let detail: TermDetail | null | undefined;
  let seen: SeenBefore | null = null;

  const top = () => stack[stack.length - 1] ?? null;

  function load(entry: SidebarEntry | null): void {
    detail = undefined;
    seen = null;
    if (!entry) return;
    data.detail(entry.req).then(
      (d) => {
        if (top() !== entry) return;
        detail = d;
        data.onChange();
      },
      () => {
        if (top() !== entry) return;
        detail = null;
        data.onChange();
      },
    );
    data.seen(entry.req.id).then((s) => {
      if (top() !== entry) return;
      seen = s;
      data.onChange();
    });
  }

  return {
    /** Whether the sidebar is open. */
    open: () => stack.length > 0,
    current: (): SidebarView => ({
      entry: top(),
      detail: top() ? detail : null,
      seen: top() ? seen : null,
      canGoBack: stack.length > 1,
    }),
    push(entry: SidebarEntry | null): void {
      stack.push(entry);
      load(entry);
    },
    /** False when there is nothing to go back to. */
    back(): boolean {
      if (stack.length < 2) return false;
      stack.pop();
      load(top());
      return true;
    },
    clear(): void {
      stack = [];
      detail = undefined;
      seen = null;
    },
  };
}
