/**
 * The first stage's read of the page's text, for its core-name test: in chunks of about
 * CHUNK_CHARS, text node by text node (a TreeWalker with no filter callback, the fastest
 * walk), stopping at the first chunk that holds a name. Most pages about the story name it
 * in their first chunk; a page that never does is read to its end in slices of at most
 * SLICE_MS, so even a 20 MB page makes no long task (one `body.textContent` and test was
 * 180 ms there). Chunks overlap by OVERLAP_CHARS, so a name across a chunk's edge is found.
 */
export const CHUNK_CHARS = 65_536;
const OVERLAP_CHARS = 128;
const SLICE_MS = 8;

export interface ReadOptions {
  signal: AbortSignal;
  /** Resolves when the next slice may run (default: a macrotask). */
  nextSlice?: () => Promise<void>;
  now?: () => number;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Whether `test` holds for some chunk of `root`'s text; false when aborted. */
export async function pageHolds(
  root: Node,
  test: (text: string) => boolean,
  options: ReadOptions,
): Promise<boolean> {
  const { signal } = options;
  const nextSlice = options.nextSlice ?? macrotask;
  const now = options.now ?? (() => performance.now());
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let carry = '';
  let sliceStart = now();
  let node = walker.nextNode();
  // Where reading stands in `node`: a 10 MB text node is read a chunk at a time too.
  let offset = 0;
  for (;;) {
    let chunk = carry;
    while (node !== null && chunk.length < CHUNK_CHARS) {
      const data = (node as Text).data;
      const take = data.slice(offset, offset + CHUNK_CHARS - chunk.length);
      chunk += take;
      offset += take.length;
      if (offset >= data.length) {
        node = walker.nextNode();
        offset = 0;
      }
    }
    if (test(chunk)) return true;
    if (node === null) return false;
    carry = chunk.slice(-OVERLAP_CHARS);
    if (now() - sliceStart >= SLICE_MS) {
      await nextSlice();
      if (signal.aborted) return false;
      sliceStart = now();
    }
  }
}
