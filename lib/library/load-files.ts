/**
 * Articles from files, for `npm run pack -- --add` (Node only, like lib/pack/load.ts).
 * `.txt` is taken as written; `.html` goes through the extension's own extraction
 * (extract.ts: Readability and the page's metadata) on a happy-dom document with scripts
 * and loading turned off. A sidecar `FILE.meta.json` may give or correct the metadata and
 * the address; fields it leaves out stay as found, or null.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Window } from 'happy-dom';
import * as v from 'valibot';
import { ExtractionError, extractArticle } from './extract';
import { isSourceAddress } from './file';
import type { LibrarySource, PageMetadata } from './types';

/** A file that cannot be added, named with what is wrong. */
export class AddFileError extends Error {
  override name = 'AddFileError';
}

const Nullable = v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.minLength(1))));

export const SidecarSchema = v.strictObject({
  title: Nullable,
  outlet: Nullable,
  byline: Nullable,
  date: v.optional(v.nullable(v.pipe(v.string(), v.isoDate('must be YYYY-MM-DD or null')))),
  language: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag')),
  ),
  url: v.optional(
    v.pipe(v.string(), v.check(isSourceAddress, 'must be an http(s) or file address')),
  ),
});

function readSidecar(file: string): v.InferOutput<typeof SidecarSchema> {
  const path = `${file}.meta.json`;
  if (!existsSync(path)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new AddFileError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = v.safeParse(SidecarSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0] as v.BaseIssue<unknown>;
    const field = (issue.path ?? []).map((p) => String(p.key)).join('.') || 'the file';
    throw new AddFileError(`${path}: ${field}: ${issue.message}`);
  }
  return parsed.output;
}

/** An HTML file as a document, read but never run: no scripts, no fetches, no navigation. */
export function parseHtml(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const NO_METADATA: PageMetadata = {
  title: null,
  outlet: null,
  byline: null,
  date: null,
  language: 'und',
};

/** One file as a library source, added at `addedAt`. */
export function loadArticleFile(file: string, addedAt: string): LibrarySource {
  if (!existsSync(file)) throw new AddFileError(`${file}: no such file`);
  const ext = extname(file).toLowerCase();
  if (ext !== '.txt' && ext !== '.html' && ext !== '.htm') {
    throw new AddFileError(`${file}: only .txt and .html files can be added`);
  }
  const raw = readFileSync(file);
  if (raw.includes(0)) throw new AddFileError(`${file}: looks binary, not text`);
  const content = raw.toString('utf8');
  const sidecar = readSidecar(file);
  const url = sidecar.url ?? new URL(`file:///${encodeURIComponent(basename(file))}`).href;
  let text: string;
  let found: PageMetadata;
  if (ext === '.txt') {
    text = content;
    found = NO_METADATA;
  } else {
    try {
      const page = extractArticle(parseHtml(content, url), url);
      text = page.text;
      found = page.metadata;
    } catch (e) {
      if (e instanceof ExtractionError) throw new AddFileError(`${file}: ${e.message}`);
      throw e;
    }
  }
  if (!text.trim()) throw new AddFileError(`${file}: holds no text`);
  const pick = <K extends keyof PageMetadata>(key: K): PageMetadata[K] =>
    (sidecar[key] === undefined ? found[key] : sidecar[key]) as PageMetadata[K];
  return {
    url,
    addedAt,
    title: pick('title'),
    outlet: pick('outlet'),
    byline: pick('byline'),
    date: pick('date'),
    language: sidecar.language ?? found.language,
    text,
  };
}
