/**
 * The test probe (tests/e2e/probe/probe.js): a tiny extension loaded beside Sourcelight
 * that reads the page from an isolated world, including our closed shadow root, and runs
 * axe-core there. This module builds it for each browser and asks it questions.
 */
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';
import type { BrowserName, E2EPage } from './session';

export const PROBE_GECKO_ID = 'sourcelight-probe@tests.invalid';

/** An unpacked probe extension for one browser, in a fresh temp folder. */
export async function buildProbe(browser: BrowserName): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `sourcelight-probe-${browser}-`));
  await mkdir(dir, { recursive: true });
  await copyFile(join(REPO_ROOT, 'tests/e2e/probe/probe.js'), join(dir, 'probe.js'));
  await copyFile(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), join(dir, 'axe.min.js'));
  const contentScript = {
    matches: ['http://127.0.0.1/*'],
    js: ['axe.min.js', 'probe.js'],
    run_at: 'document_start',
  };
  // Chromium 156 loads MV3 only; Firefox grants MV2 content scripts their hosts at install.
  const manifest =
    browser === 'chromium'
      ? {
          manifest_version: 3,
          name: 'Sourcelight test probe',
          version: '1.0',
          content_scripts: [contentScript],
        }
      : {
          manifest_version: 2,
          name: 'Sourcelight test probe',
          version: '1.0',
          browser_specific_settings: { gecko: { id: PROBE_GECKO_ID } },
          content_scripts: [contentScript],
        };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

export interface HighlightRange {
  /** The highlight's registered name, e.g. "sourcelight-underline-person". */
  name: string;
  text: string;
  /** False when the range no longer fits its nodes (the browser does not paint it). */
  valid: boolean;
  /** Inside an input, textarea or contenteditable. */
  editable: boolean;
  tag: string | null;
  /** Also in the link tint's highlight (a mark inside a link). */
  inLink: boolean;
  path: number[] | null;
  offset: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ElementInfo {
  tag: string;
  text: string;
  role: string | null;
  label: string | null;
  className: string | null;
  visible: boolean;
  rect: Rect;
}

export interface UiState {
  hosts: number;
  hasShadow: boolean;
  mode: 'open' | 'closed' | null;
  text: string;
  active: ElementInfo | null;
  documentActive: string | null;
}

export interface PageSnapshot {
  tree: unknown;
  hosts: { parent: string | null; attributes: string[]; childNodes: number }[];
  title: string;
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  targets: string[];
}

interface ProbeOps {
  ping: [Record<string, never>, true];
  highlights: [Record<string, never>, HighlightRange[]];
  snapshot: [Record<string, never>, PageSnapshot];
  /** The snapshot taken at DOMContentLoaded, before Sourcelight's content script ran. */
  initialSnapshot: [Record<string, never>, PageSnapshot | null];
  query: [{ selector: string; text?: string; scroll?: boolean }, ElementInfo[]];
  ui: [Record<string, never>, UiState];
  axe: [Record<string, never>, AxeViolation[]];
  animating: [Record<string, never>, number];
  /** Computed text colour and the colour behind the first match in our UI. */
  colors: [{ selector: string }, { background: string | null; color: string } | null];
  markRect: [{ text: string; nth?: number; scroll?: boolean }, Rect | null];
  /** The range "On this page" flashed, and the viewport (without its scrollbar). */
  flashRect: [
    Record<string, never>,
    {
      rect: Rect;
      text: string;
      viewport: { width: number; height: number };
      /** The range's top in the document, and the document's height. */
      docY: number;
      docHeight: number;
    } | null,
  ];
}

let nextId = 1;

/** Ask the probe in `page`; fails with the probe's own error when it throws. */
export async function probe<K extends keyof ProbeOps>(
  page: E2EPage,
  op: K,
  args: ProbeOps[K][0] = {} as ProbeOps[K][0],
): Promise<ProbeOps[K][1]> {
  const id = `${Date.now()}-${nextId++}`;
  // Written without array methods: on the hostile fixture they throw in the page's world.
  const reply = await page.evaluate(
    (req: string) =>
      new Promise<string>((resolve) => {
        const want = JSON.parse(req).id;
        const timer = setTimeout(
          () => resolve(JSON.stringify({ id: want, ok: false, error: 'the probe did not answer' })),
          15_000,
        );
        const onReply = (event: Event) => {
          const detail = String((event as CustomEvent).detail);
          if (JSON.parse(detail).id !== want) return;
          clearTimeout(timer);
          document.removeEventListener('sourcelight-probe:reply', onReply);
          resolve(detail);
        };
        document.addEventListener('sourcelight-probe:reply', onReply);
        document.dispatchEvent(new CustomEvent('sourcelight-probe:ask', { detail: req }));
      }),
    JSON.stringify({ id, op, args }),
  );
  const parsed = JSON.parse(reply) as { ok: boolean; value?: unknown; error?: string };
  if (!parsed.ok) throw new Error(`probe ${op}: ${parsed.error}`);
  return parsed.value as ProbeOps[K][1];
}
