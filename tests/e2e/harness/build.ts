/**
 * The real WXT build the suites load: `wxt build` (.output/chrome-mv3) and
 * `wxt build -b firefox` (.output/firefox-mv2). Built at most once per browser per run:
 * a build newer than every input is reused, so the second suite of a run (and a rerun
 * with nothing changed) starts at once.
 */
import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './paths';

const run = promisify(execFile);

export type Target = 'chrome' | 'firefox';

const OUTPUT: Record<Target, string> = {
  chrome: join(REPO_ROOT, '.output/chrome-mv3'),
  firefox: join(REPO_ROOT, '.output/firefox-mv2'),
};

const INPUT_DIRS = ['entrypoints', 'lib', 'components', 'data', 'public', 'assets', 'utils'];
const INPUT_FILES = ['wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

async function mtime(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

async function newestIn(dir: string): Promise<number> {
  let newest = 0;
  let names: string[];
  try {
    names = await readdir(dir, { recursive: true });
  } catch {
    return 0;
  }
  for (const name of names) newest = Math.max(newest, await mtime(join(dir, name)));
  return newest;
}

/** The newest modification time of anything the build reads. */
export async function newestInput(): Promise<number> {
  const times = await Promise.all([
    ...INPUT_DIRS.map((d) => newestIn(join(REPO_ROOT, d))),
    ...INPUT_FILES.map((f) => mtime(join(REPO_ROOT, f))),
  ]);
  return Math.max(...times);
}

/** Whether the build for a target exists and is newer than every input. */
export async function isFresh(target: Target): Promise<boolean> {
  const built = await mtime(join(OUTPUT[target], 'manifest.json'));
  return built > 0 && built >= (await newestInput());
}

/** The unpacked extension folder for a target, building it first when stale. */
export async function ensureBuild(target: Target): Promise<string> {
  if (await isFresh(target)) return OUTPUT[target];
  const args = target === 'firefox' ? ['build', '-b', 'firefox'] : ['build'];
  try {
    await run(join(REPO_ROOT, 'node_modules/.bin/wxt'), args, {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`wxt ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
  }
  if (!(await isFresh(target))) {
    throw new Error(`wxt ${args.join(' ')} ran but ${OUTPUT[target]}/manifest.json is missing`);
  }
  return OUTPUT[target];
}
