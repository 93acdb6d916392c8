/**
 * The walk of a scan: the blocks under each root in turn, then under the open shadow roots
 * found there (read as roots of their own), in order; or from an element on (page-marks.ts
 * stops a walk at the page's budget, and walks again from there when the reader gets
 * there). Yields `undefined` between steps of the search for shadow roots, so a scheduler
 * can slice it.
 */
import { openShadowRoots } from './shadow-roots';
import { type ScanRoot, type SkipCache, type TextBlock, walkBlocks } from './text-blocks';

export interface RootWalk {
  /** Roots already walked or queued, shadow roots included: none is walked twice. */
  queued: Set<ScanRoot>;
  /** Filled by the walk: its roots in order (shadow roots as found), and the one it is in. */
  queue?: ScanRoot[];
  index?: number;
  /** Told of each open shadow root found, so that its changes can be watched too. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** While it says so, plain blocks are passed unread (`walkBlocks`). */
  unread?: () => boolean;
}

export function* walkRoots(
  roots: readonly ScanRoot[],
  cache: SkipCache,
  walk: RootWalk,
  from: Element | null = null,
): Generator<TextBlock | undefined, void, undefined> {
  // Walking again from `from`: the roots before the one that holds it were walked already.
  const at = from ? roots.findIndex((r) => r.contains(from)) : -1;
  const queue = at > 0 ? roots.slice(at) : [...roots];
  walk.queue = queue;
  for (const r of roots) walk.queued.add(r);
  for (let i = 0; i < queue.length; i++) {
    walk.index = i;
    const root = queue[i] as ScanRoot;
    if (!root.isConnected) continue;
    yield* walkBlocks(root, cache, walk.unread, i === 0 && at >= 0 ? from : null);
    queue.push(...(yield* shadowRootsUnder(root, walk)));
  }
}

/** Open shadow roots under `root` (before `until`, if given) not walked or queued yet. */
export function* shadowRootsUnder(
  root: ScanRoot,
  walk: RootWalk,
  until: Node | null = null,
): Generator<undefined, ShadowRoot[], undefined> {
  const all = yield* openShadowRoots(root, until);
  const found = all.filter((r) => !walk.queued.has(r));
  for (const r of found) {
    walk.queued.add(r);
    walk.onShadowRoot?.(r);
  }
  return found;
}
