/**
 * Reads `data/` from disk (Node only): the vendored sources with their metadata, the entity
 * catalog (every `data/catalog/*.json` but `topics.json` and `questions.json`), the topic rules
 * and the curated questions. Everything is
 * schema-checked here and cross-checked in validate.ts; nothing is written.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { PackInputError } from './errors';
import {
  type CatalogEntity,
  CatalogFileSchema,
  type QuestionsFile,
  QuestionsFileSchema,
  type SourceMeta,
  SourceMetaFileSchema,
  type TopicsFile,
  TopicsFileSchema,
} from './schema';
import type { SourceOrigin } from './types';

export interface LoadedSource extends SourceMeta {
  text: string;
  /** A reader's own source (lib/library), passed through to `Source.added`. */
  added?: SourceOrigin;
}

export interface LoadedEntity {
  entity: CatalogEntity;
  /** Path relative to the data folder, for error messages. */
  file: string;
}

export interface PackInput {
  sources: LoadedSource[];
  entities: LoadedEntity[];
  topics: TopicsFile;
  topicsFile: string;
  /** The curated questions; none when absent (a data folder without a questions file). */
  questions?: QuestionsFile;
  questionsFile?: string;
}

export const META_FILE = 'sources/meta.json';
export const TOPICS_FILE = 'catalog/topics.json';
export const QUESTIONS_FILE = 'catalog/questions.json';

function readJson(dataDir: string, file: string): unknown {
  const path = join(dataDir, file);
  if (!existsSync(path)) throw new PackInputError(file, null, null, 'file is missing');
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new PackInputError(file, null, null, `is not valid JSON (${(e as Error).message})`);
  }
}

/** The first schema issue as file / entry / field, e.g. `people.json: entity "x": field "kind"`. */
function fail(file: string, raw: unknown, issues: v.BaseIssue<unknown>[]): never {
  const issue = issues[0] as v.BaseIssue<unknown>;
  const keys = (issue.path ?? []).map((p) => p.key as string | number);
  let entry: string | null = null;
  let field: string | null = null;
  let node: unknown = raw;
  for (const [i, key] of keys.entries()) {
    node = (node as Record<string | number, unknown> | undefined)?.[key];
    if (entry === null && typeof key === 'number' && node && typeof node === 'object') {
      const id = (node as { id?: unknown }).id;
      entry = typeof id === 'string' ? id : `#${key}`;
      field = keys.slice(i + 1).join('.') || null;
    }
  }
  if (entry === null) field = keys.join('.') || null;
  const problem =
    issue.kind === 'schema' && issue.received === 'undefined' ? 'is missing' : issue.message;
  const kind =
    file === TOPICS_FILE
      ? 'topic'
      : file === QUESTIONS_FILE
        ? 'question'
        : file === META_FILE
          ? 'source'
          : 'entity';
  throw new PackInputError(file, entry, field, problem, kind);
}

export function loadPackInput(dataDir: string): PackInput {
  const metaRaw = readJson(dataDir, META_FILE);
  const meta = v.safeParse(SourceMetaFileSchema, metaRaw);
  if (!meta.success) fail(META_FILE, metaRaw, meta.issues);
  const sources = meta.output.sources.map((s) => {
    const path = join(dataDir, 'sources', s.file);
    if (!existsSync(path)) {
      throw new PackInputError(
        META_FILE,
        s.id,
        'file',
        `source file sources/${s.file} is missing`,
        'source',
      );
    }
    return { ...s, text: readFileSync(path, 'utf8') };
  });

  const catalogFiles = readdirSync(join(dataDir, 'catalog'))
    .filter((f) => f.endsWith('.json') && ![TOPICS_FILE, QUESTIONS_FILE].includes(`catalog/${f}`))
    .sort();
  const entities: LoadedEntity[] = [];
  for (const name of catalogFiles) {
    const file = `catalog/${name}`;
    const raw = readJson(dataDir, file);
    const parsed = v.safeParse(CatalogFileSchema, raw);
    if (!parsed.success) fail(file, raw, parsed.issues);
    for (const entity of parsed.output) entities.push({ entity, file });
  }

  const topicsRaw = readJson(dataDir, TOPICS_FILE);
  const topics = v.safeParse(TopicsFileSchema, topicsRaw);
  if (!topics.success) fail(TOPICS_FILE, topicsRaw, topics.issues);

  // Questions are optional: a data folder of one's own sources may have none yet.
  let questions: QuestionsFile = { questions: [] };
  if (existsSync(join(dataDir, QUESTIONS_FILE))) {
    const raw = readJson(dataDir, QUESTIONS_FILE);
    const parsed = v.safeParse(QuestionsFileSchema, raw);
    if (!parsed.success) fail(QUESTIONS_FILE, raw, parsed.issues);
    questions = parsed.output;
  }
  return {
    sources,
    entities,
    topics: topics.output,
    topicsFile: TOPICS_FILE,
    questions,
    questionsFile: QUESTIONS_FILE,
  };
}
