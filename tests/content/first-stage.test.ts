// @vitest-environment happy-dom
/**
 * The content script's first stage on a page's document, with the extension's storage on
 * the fake browser and the second stage as a spy: which pages load the session (and which
 * never do), what the tab's messages get, and what settings and the reader's library change.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtensionApi } from '../../lib/content/extension-api';
import { type StartSession, startFirstStage } from '../../lib/content/first-stage';
import type { PageSession } from '../../lib/content/session';
import { NAMES_KEY, PUBLISHED_VERSION } from '../../lib/library/published';
import { envelope, type TermCount } from '../../lib/messages';
import coreNames from '../../lib/pack/generated/core-names.json';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../lib/settings-defaults';

let answer: ((message: unknown) => Promise<unknown> | undefined) | null;
let alive: boolean;
let abort: AbortController;

const api: ExtensionApi = {
  alive: () => alive,
  getURL: (path) => path,
  local: fakeBrowser.storage.local,
  sendMessage: (message) => fakeBrowser.runtime.sendMessage(message),
  serve: (a) => {
    answer = a;
  },
};

function fakeSession() {
  const session: PageSession & { signal?: AbortSignal } = {
    terms: vi.fn((): TermCount[] => [
      { id: 'deepseek', label: 'DeepSeek', kind: 'entity', entityKind: 'organization', count: 1 },
    ]),
    openSidebar: vi.fn(),
    settingsChanged: vi.fn(),
  };
  const start = vi.fn<StartSession>(async ({ signal }) => {
    session.signal = signal;
    return session;
  });
  return { session, start, load: vi.fn(async () => start) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

async function stage(body: string, settings?: Partial<Settings>) {
  document.body.textContent = body;
  if (settings)
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, ...settings } });
  const s = fakeSession();
  const extract = vi.fn(async () => () => {
    throw Object.assign(new Error('No article was found on this page.'), {
      name: 'ExtractionError',
    });
  });
  await startFirstStage({
    api,
    coreForms: coreNames,
    loadSession: s.load,
    loadExtractor: extract,
    signal: abort.signal,
  });
  await flush();
  return { ...s, extract };
}

const ask = (name: 'tab:terms' | 'tab:open-sidebar' | 'tab:extract', payload = {}) =>
  answer?.(envelope(name, payload as never));

beforeEach(() => {
  fakeBrowser.reset();
  answer = null;
  alive = true;
  abort = new AbortController();
});
afterEach(() => abort.abort());

describe('the first stage', () => {
  it('loads nothing on a page without a core name, and answers that nothing is marked', async () => {
    const s = await stage('The council voted to repave Main Street. Nvidia shares rose.');
    expect(s.load).not.toHaveBeenCalled();
    expect(await ask('tab:terms')).toEqual([]);
  });

  it('loads the session once on a page that names DeepSeek, in any case', async () => {
    const s = await stage('ngl deepseek is wild');
    expect(s.load).toHaveBeenCalledOnce();
    expect(s.start).toHaveBeenCalledWith(
      expect.objectContaining({ api, settings: DEFAULT_SETTINGS }),
    );
    expect(await ask('tab:terms')).toEqual([expect.objectContaining({ id: 'deepseek' })]);
  });

  it('loads it when the page adds a core name later (an SPA route), and stops watching', async () => {
    const s = await stage('Loading…');
    const p = document.createElement('p');
    p.textContent = '梁文锋 said on Monday';
    document.body.append(p);
    await flush();
    expect(s.load).toHaveBeenCalledOnce();
    const q = document.createElement('p');
    q.textContent = 'DeepSeek again';
    document.body.append(q);
    await flush();
    expect(s.load).toHaveBeenCalledOnce();
  });

  it('keeps watching after document.open() replaced the document', async () => {
    const s = await stage('Loading…');
    document.open();
    // biome-ignore lint/nursery/noJsRestrictedProperties: the test plays a page rewriting itself
    document.write('<!doctype html><html><body><p>Weather for the weekend</p></body></html>');
    document.close();
    await flush();
    expect(s.load).not.toHaveBeenCalled();
    const p = document.createElement('p');
    p.textContent = 'DeepSeek tops the App Store';
    document.body.append(p);
    await flush();
    expect(s.load).toHaveBeenCalledOnce();
  });

  it('hears text changed in place (characterData)', async () => {
    const s = await stage('Ticker: markets');
    (document.body.firstChild as Text).data = 'Ticker: DeepSeek shock';
    await flush();
    expect(s.load).toHaveBeenCalledOnce();
  });

  it('does nothing on a site the reader switched off, or with the master switch off', async () => {
    const off = await stage('DeepSeek', { disabledSites: [location.hostname] });
    expect(off.load).not.toHaveBeenCalled();
    abort.abort();
    abort = new AbortController();
    const master = await stage('DeepSeek', { enabled: false });
    expect(master.load).not.toHaveBeenCalled();
  });

  it('loads the session on every page with gating off', async () => {
    const s = await stage('The council voted.', { gating: false });
    expect(s.load).toHaveBeenCalledOnce();
  });

  it('opens the sidebar on a quiet page when the reader asks (the shortcut)', async () => {
    const s = await stage('The council voted.');
    await ask('tab:open-sidebar', { id: 'deepseek' });
    expect(s.session.openSidebar).toHaveBeenCalledWith('deepseek');
  });

  it('answers tab:extract itself, with the extraction loaded only then', async () => {
    const s = await stage('The council voted.');
    expect(s.extract).not.toHaveBeenCalled();
    expect(await ask('tab:extract')).toEqual({
      ok: false,
      error: 'No article was found on this page.',
    });
    expect(s.extract).toHaveBeenCalledOnce();
    expect(s.load).not.toHaveBeenCalled();
  });

  it('ignores messages that are not ours', async () => {
    await stage('x');
    expect(answer?.({ name: 'tab:terms' })).toBeUndefined();
    expect(answer?.('hello')).toBeUndefined();
  });

  it('hands settings on, and stops the session when the site is switched off', async () => {
    const s = await stage('DeepSeek');
    const next = { ...DEFAULT_SETTINGS, highlightStyle: 'outline' as const };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: next });
    await flush();
    expect(s.session.settingsChanged).toHaveBeenCalledWith(next);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...next, enabled: false } });
    await flush();
    expect(s.session.signal?.aborted).toBe(true);
  });

  it('loads when the reader tracks a name the page holds', async () => {
    const s = await stage('Kestrel Advisory said on Monday');
    expect(s.load).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({
      [NAMES_KEY]: { v: PUBLISHED_VERSION, rev: 'r1', forms: ['Kestrel Advisory'] },
    });
    await flush();
    expect(s.load).toHaveBeenCalledOnce();
  });

  it('stops for good once the extension is gone, whatever the page adds', async () => {
    const s = await stage('Loading…');
    alive = false;
    const p = document.createElement('p');
    p.textContent = 'DeepSeek';
    document.body.append(p);
    await flush();
    expect(s.load).not.toHaveBeenCalled();
    expect(ask('tab:terms')).toBeUndefined();
  });

  it('is not stopped by anything the page posts or dispatches', async () => {
    const s = await stage('Loading…');
    window.postMessage({ type: 'wxt:content-script-started' }, '*');
    document.dispatchEvent(new CustomEvent('wxt:content-script-started'));
    await flush();
    const p = document.createElement('p');
    p.textContent = 'DeepSeek';
    document.body.append(p);
    await flush();
    expect(s.load).toHaveBeenCalledOnce();
  });
});
