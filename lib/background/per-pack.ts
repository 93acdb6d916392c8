/**
 * What the background derives from a pack (search index, summary, the knowledge handlers),
 * made once per pack and kept while that pack is current: the bundled pack at first, then
 * each build of the reader's library. A pack that is replaced is dropped with its entries.
 */
import type { Pack } from '../pack/types';

export function perPack<T>(make: (pack: Pack) => T): (pack: Pack) => T {
  const cache = new WeakMap<Pack, T>();
  return (pack) => {
    let value = cache.get(pack);
    if (value === undefined) {
      value = make(pack);
      cache.set(pack, value);
    }
    return value;
  };
}

type AnyHandler = (payload: never, sender: never) => unknown;

/**
 * Handlers made from a pack (`knowledgeHandlers(pack)`), answering from whichever pack is
 * current when each message arrives. The handler names are read from `base` once, so
 * whatever handlers the factory gains are wrapped too.
 */
perPack.handlers = function handlers<H extends Record<string, AnyHandler>>(
  make: (pack: Pack) => H,
  base: Pack,
  current: () => Promise<Pack>,
): H {
  const made = perPack(make);
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(made(base))) {
    out[name] = async (payload: never, sender: never) =>
      (made(await current())[name] as AnyHandler)(payload, sender);
  }
  return out as H;
};
