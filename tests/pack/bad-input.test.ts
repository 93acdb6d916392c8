import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPack } from '../../lib/pack/build';
import { PackInputError } from '../../lib/pack/errors';
import { loadPackInput } from '../../lib/pack/load';
import { PACK_JSON } from '../../lib/pack/paths';
import { copyData, editJson, ROOT } from './helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function broken(edit: (dir: string) => void): string {
  const dir = copyData();
  dirs.push(dir);
  edit(dir);
  return dir;
}

function buildError(dir: string): PackInputError {
  try {
    buildPack(loadPackInput(dir));
  } catch (e) {
    if (e instanceof PackInputError) return e;
    throw e;
  }
  throw new Error('the build accepted bad input');
}

// biome-ignore lint/suspicious/noExplicitAny: a catalog file as parsed JSON
const byId = (entities: any[], id: string) => entities.find((e) => e.id === id);
/** Outside knowledge the sources never print: "Swiss" and "1971" are in no claim of Davos. */
const PLANTED = 'Swiss town of the World Economic Forum since 1971.';

// Each way the catalog can be wrong, and the file, entry and field the error must name.
const CASES: [
  name: string,
  edit: (dir: string) => void,
  file: string,
  entry: string,
  field: string,
][] = [
  [
    'a missing field',
    (d) => editJson(d, 'catalog/people.json', (j) => delete j[0].description),
    'catalog/people.json',
    'entity "feng-ji"',
    'field "description"',
  ],
  [
    'an unknown kind',
    (d) => editJson(d, 'catalog/people.json', (j) => (j[1].kind = 'robot')),
    'catalog/people.json',
    'entity "zhou-hongyi"',
    'field "kind"',
  ],
  [
    'a duplicate id',
    (d) => editJson(d, 'catalog/places.json', (j) => j.push({ ...j[0] })),
    'catalog/places.json',
    'entity "china"',
    'field "id"',
  ],
  [
    'an alias claimed by two entities',
    (d) => editJson(d, 'catalog/organizations.json', (j) => j[0].aliases.push('Apple')),
    'catalog/organizations.json',
    'entity',
    'field "aliases"',
  ],
  [
    'a related id that does not exist',
    (d) => editJson(d, 'catalog/chips.json', (j) => j[0].related.push('nvidia-a101')),
    'catalog/chips.json',
    'entity "nvidia-a100"',
    'field "related.3"',
  ],
  [
    'a source file missing',
    (d) => rmSync(join(d, 'sources/001_26f2138eca27c278.txt')),
    'sources/meta.json',
    'source "s001"',
    'field "file"',
  ],
  [
    'a description without its basis',
    (d) => editJson(d, 'catalog/people.json', (j) => delete j[0].basis),
    'catalog/people.json',
    'entity "feng-ji"',
    'field "basis"',
  ],
  [
    'a basis sentence that no claim contains',
    (d) => editJson(d, 'catalog/people.json', (j) => (j[0].basis[1] = 's000: no such sentence')),
    'catalog/people.json',
    'entity "feng-ji"',
    'field "basis[1]"',
  ],
  [
    'a basis sentence that names several claims',
    (d) => editJson(d, 'catalog/people.json', (j) => j[0].basis.push('s000: Liang')),
    'catalog/people.json',
    'entity "feng-ji"',
    'field "basis[2]"',
  ],
  [
    'a basis that cites one sentence twice',
    (d) => editJson(d, 'catalog/people.json', (j) => j[0].basis.push(j[0].basis[0])),
    'catalog/people.json',
    'entity "feng-ji"',
    'field "basis[2]"',
  ],
  [
    'a description that states a name its sources do not',
    (d) => editJson(d, 'catalog/places.json', (j) => (byId(j, 'davos').description = PLANTED)),
    'catalog/places.json',
    'entity "davos"',
    'field "description"',
  ],
  [
    'a topic naming an unknown entity',
    (d) => editJson(d, 'catalog/topics.json', (j) => (j.topics[0].subjectId = 'deepsek')),
    'catalog/topics.json',
    'topic "deepseek-training-cost"',
    'field "subjectId"',
  ],
  [
    'a question with an unknown verdict',
    (d) => editJson(d, 'catalog/questions.json', (j) => (j.questions[0].verdict = 'disagree')),
    'catalog/questions.json',
    'question "deepseek-chip-models"',
    'field "verdict"',
  ],
  [
    'a question citing a sentence no source has',
    (d) =>
      editJson(d, 'catalog/questions.json', (j) => {
        j.questions[5].answers[1].claims[0] = 's002: an associate professor at Sydney Universty';
      }),
    'catalog/questions.json',
    'question "marina-zhang-university"',
    'field "answers.1.claims.0"',
  ],
  [
    'a gist that is not in the cited sentences',
    (d) =>
      editJson(d, 'catalog/questions.json', (j) => {
        j.questions[5].answers[1].gist = 'University of Sydney';
      }),
    'catalog/questions.json',
    'question "marina-zhang-university"',
    'field "answers.1.gist"',
  ],
  [
    'a question naming an unknown entity',
    (d) => editJson(d, 'catalog/questions.json', (j) => j.questions[0].entityIds.push('deepsek')),
    'catalog/questions.json',
    'question "deepseek-chip-models"',
    'field "entityIds.3"',
  ],
  [
    'a disagreement with one answer',
    (d) => editJson(d, 'catalog/questions.json', (j) => j.questions[5].answers.pop()),
    'catalog/questions.json',
    'question "marina-zhang-university"',
    'field "answers"',
  ],
  [
    'one sentence giving two answers',
    (d) =>
      editJson(d, 'catalog/questions.json', (j) => {
        j.questions[5].answers[1].claims.push('s001: Marina Zhang from the University');
      }),
    'catalog/questions.json',
    'question "marina-zhang-university"',
    'field "answers"',
  ],
  [
    'a question without a question mark',
    (d) => editJson(d, 'catalog/questions.json', (j) => (j.questions[0].question = 'Chips.')),
    'catalog/questions.json',
    'question "deepseek-chip-models"',
    'field "question"',
  ],
];

describe('bad input fails the build, naming the file, the entry and the field', () => {
  it.each(CASES)('%s', (_name, edit, file, entry, field) => {
    const err = buildError(broken(edit));
    expect(err.message).toContain(file);
    expect(err.message).toContain(entry);
    expect(err.message).toContain(field);
  });

  it('names the word a description states without grounds, and each such word', () => {
    const err = buildError(
      broken((d) =>
        editJson(d, 'catalog/places.json', (j) => (byId(j, 'davos').description = PLANTED)),
      ),
    );
    expect(err.message).toContain('states "Swiss", "1971"');
  });

  it('says why a basis sentence does not resolve', () => {
    const none = buildError(
      broken((d) =>
        editJson(d, 'catalog/people.json', (j) => (j[0].basis[1] = 's000: no such sentence')),
      ),
    );
    expect(none.message).toContain('no claim of s000 contains "no such sentence"');
    const several = buildError(
      broken((d) => editJson(d, 'catalog/people.json', (j) => j[0].basis.push('s000: Liang'))),
    );
    expect(several.message).toMatch(/"Liang" is in \d+ claims of s000/);
  });

  it('keeps the basis in the full pack as claim ids', () => {
    const pack = buildPack(loadPackInput(join(ROOT, 'data')));
    const fengJi = pack.entities.find((e) => e.id === 'feng-ji');
    const quotes = fengJi?.basis.map((id) => pack.claims.find((c) => c.id === id)?.quote);
    expect(quotes).toEqual([
      expect.stringContaining('According to Feng Ji, creator and CEO of Game Science'),
      expect.stringContaining('In a post on the Chinese social media site Weibo'),
    ]);
  });

  it('allows a shared alias when both entities say so', () => {
    const dir = broken((d) =>
      editJson(d, 'catalog/organizations.json', (j) => {
        const apple = j.find((e: { id: string }) => e.id === 'apple');
        const nvidia = j.find((e: { id: string }) => e.id === 'nvidia');
        nvidia.aliases.push('Apple');
        nvidia.aliasRules = { Apple: { case: 'sensitive', shared: true } };
        apple.aliasRules = { Apple: { case: 'sensitive', shared: true } };
      }),
    );
    expect(() => buildPack(loadPackInput(dir))).not.toThrow();
  });
});

const TSX = join(ROOT, 'node_modules/.bin/tsx');
function runPack(args: string[], dataDir: string) {
  return spawnSync(TSX, ['scripts/pack.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, SOURCELIGHT_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

describe('npm run pack on bad input', () => {
  it('exits non-zero, says what is wrong and writes nothing', () => {
    const dir = broken((d) => editJson(d, 'catalog/people.json', (j) => (j[1].kind = 'robot')));
    const out = join(tmpdir(), `sourcelight-pack-${process.pid}.json`);
    const before = statSync(join(ROOT, PACK_JSON)).mtimeMs;
    for (const args of [['--out', out], []]) {
      const run = runPack(args, dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('catalog/people.json: entity "zhou-hongyi": field "kind"');
      expect(run.stderr).toContain('nothing was written');
    }
    expect(existsSync(out)).toBe(false);
    expect(statSync(join(ROOT, PACK_JSON)).mtimeMs).toBe(before);
  }, 30_000);

  it('fails on a planted ungrounded description, naming the entity and the word', () => {
    const dir = broken((d) =>
      editJson(d, 'catalog/places.json', (j) => (byId(j, 'davos').description = PLANTED)),
    );
    const before = statSync(join(ROOT, PACK_JSON)).mtimeMs;
    const run = runPack([], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'catalog/places.json: entity "davos": field "description": states "Swiss", "1971"',
    );
    expect(run.stderr).toContain('nothing was written');
    expect(statSync(join(ROOT, PACK_JSON)).mtimeMs).toBe(before);
  }, 30_000);

  it('--check says the committed pack is stale when the data changed', () => {
    const dir = broken((d) =>
      // Still grounded (every name is in feng-ji's claims), so the build runs and differs.
      editJson(
        d,
        'catalog/people.json',
        (j) => (j[0].description = 'CEO of Game Science, changed.'),
      ),
    );
    const run = runPack(['--check'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/pack\.json is stale \(line \d+: committed .*Game Science, changed/);
  }, 30_000);

  it('--out - writes the full pack to standard output and nothing else', () => {
    const run = runPack(['--out', '-'], join(ROOT, 'data'));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(ROOT, PACK_JSON), 'utf8'));
  }, 30_000);
});
