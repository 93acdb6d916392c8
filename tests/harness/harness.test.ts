/**
 * The end-to-end harness's pure parts: what counts as staying on 127.0.0.1, when a missing
 * browser skips or fails, and the unpacked-extension id Chrome derives from a path.
 */
import { describe, expect, it } from 'vitest';
import { unpackedExtensionId } from '../e2e/harness/chromium';
import { luminance } from '../e2e/harness/colors';
import { NetworkLog, staysLocal } from '../e2e/harness/network';
import { gateBrowser, isCI } from '../e2e/harness/suite';

describe('staysLocal', () => {
  it.each([
    ['http://127.0.0.1:4321/fixtures/plain.html', true],
    ['ws://127.0.0.1:9/socket', true],
    ['data:text/plain,hi', true],
    ['blob:http://127.0.0.1:4321/1d2e', true],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html', true],
    ['moz-extension://0b7c2a52-1f8e-4a43-9a5e-9d9e0c6a1b11/popup.html', true],
    ['127.0.0.1:443', true],
    ['http://localhost:4321/', false],
    ['http://127.0.0.2/', false],
    ['https://update.googleapis.com/service/update2/json', false],
    ['https://firefox.settings.services.mozilla.com:443/', false],
    ['http://127.0.0.1.nip.io/', false],
    ['update.googleapis.com:443', false],
  ])('%s -> %s', (url, local) => {
    expect(staysLocal(url)).toBe(local);
  });

  it('lists only the offenders', () => {
    const log = new NetworkLog();
    log.record({ url: 'http://127.0.0.1:1/a', witness: 'wire' });
    log.record({ url: 'https://example.com/', witness: 'protocol', from: 'page' });
    expect(log.offenders()).toEqual([
      { url: 'https://example.com/', witness: 'protocol', from: 'page' },
    ]);
    expect(log.count('wire')).toBe(1);
  });
});

describe('gateBrowser', () => {
  const absent = () => false;
  const present = () => true;

  it('runs an installed browser', () => {
    expect(gateBrowser('firefox', {}, present)).toMatchObject({ skip: false, problem: null });
  });

  it('skips a missing browser outside CI, naming the install command', () => {
    const gate = gateBrowser('chromium', {}, absent);
    expect(gate.skip).toBe(true);
    expect(gate.problem).toContain('sudo apt-get install -y chromium firefox-esr');
  });

  it('fails (does not skip) a missing browser in CI', () => {
    const gate = gateBrowser('firefox', { CI: 'true' }, absent);
    expect(gate.skip).toBe(false);
    expect(gate.problem).toMatch(/Firefox ESR is not installed/);
  });

  it('reads CI from the environment', () => {
    expect(isCI({ CI: 'true' })).toBe(true);
    expect(isCI({ CI: '1' })).toBe(true);
    expect(isCI({})).toBe(false);
  });
});

describe('unpackedExtensionId', () => {
  it('is 32 letters a-p, stable for a path and different for another', () => {
    const id = unpackedExtensionId('/work/main/.output/chrome-mv3');
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(unpackedExtensionId('/work/main/.output/chrome-mv3')).toBe(id);
    expect(unpackedExtensionId('/tmp/other')).not.toBe(id);
  });
});

describe('luminance', () => {
  it('orders black, grey and white', () => {
    expect(luminance('rgb(0, 0, 0)')).toBe(0);
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgba(128, 128, 128, 1)')).toBeCloseTo(0.216, 2);
  });
});
