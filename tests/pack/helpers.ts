import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPack } from '../../lib/pack/build';
import { loadPackInput } from '../../lib/pack/load';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DATA = join(ROOT, 'data');

export function freshPack() {
  return buildPack(loadPackInput(DATA));
}

/** A scratch copy of `data/` to break on purpose. */
export function copyData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sourcelight-data-'));
  cpSync(DATA, dir, { recursive: true });
  return dir;
}

// biome-ignore lint/suspicious/noExplicitAny: fixtures are broken on purpose, any shape goes
export function editJson(dir: string, file: string, edit: (json: any) => void): void {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
}
