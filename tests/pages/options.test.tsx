// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '../../components/options/Options';
import type { HistoryApi } from '../../components/shared/history-api';
import { createSettingsApi } from '../../components/shared/settings-api';
import { DEFAULT_SETTINGS, settingsItem } from '../../lib/settings';

let history: HistoryApi;

beforeEach(() => {
  fakeBrowser.reset();
  history = {
    list: vi.fn(async () => ({ available: false as const })),
    clear: vi.fn(async () => ({ available: true })),
  };
});
afterEach(cleanup);

const stored = () => settingsItem.getValue();

async function renderOptions() {
  render(<Options settings={createSettingsApi()} history={history} />);
  await screen.findByRole('heading', { name: 'Sourcelight options' });
}

describe('options page', () => {
  it('shows the stored settings', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, gating: false, hoverDelayMs: 500 });
    await renderOptions();
    expect(
      (screen.getByLabelText(/only on pages about DeepSeek/) as HTMLInputElement).checked,
    ).toBe(false);
    expect((screen.getByLabelText('Hover delay') as HTMLInputElement).value).toBe('500');
  });

  it('saves a kind turned off at once, keeping the order of the rest', async () => {
    await renderOptions();
    fireEvent.click(screen.getByLabelText('Chips'));
    await waitFor(async () => expect((await stored()).kinds).not.toContain('chip'));
    fireEvent.click(screen.getByLabelText('Chips'));
    await waitFor(async () => expect((await stored()).kinds).toEqual(DEFAULT_SETTINGS.kinds));
  });

  it('saves gating, highlight style and the master switch', async () => {
    await renderOptions();
    fireEvent.click(screen.getByLabelText(/only on pages about DeepSeek/));
    fireEvent.click(screen.getByLabelText('Dotted underline'));
    fireEvent.click(screen.getByRole('switch', { name: /Mark names and figures/ }));
    await waitFor(async () =>
      expect(await stored()).toMatchObject({
        gating: false,
        highlightStyle: 'outline',
        enabled: false,
      }),
    );
  });

  it('saves a valid hover delay and refuses a bad one with a reason', async () => {
    await renderOptions();
    const delay = screen.getByLabelText('Hover delay');
    fireEvent.change(delay, { target: { value: '800' } });
    await waitFor(async () => expect((await stored()).hoverDelayMs).toBe(800));
    fireEvent.change(delay, { target: { value: '-5' } });
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toContain(
      'Enter a whole number from 0 to 3000.',
    );
    expect((await stored()).hoverDelayMs).toBe(800);
  });

  it('turns a site off and back on', async () => {
    await renderOptions();
    fireEvent.input(screen.getByLabelText('Turn off on a site'), {
      target: { value: 'https://www.BBC.com/news/x' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await stored()).disabledSites).toEqual(['www.bbc.com']));
    const list = await screen.findByRole('list', { name: 'Sites turned off' });
    fireEvent.click(within(list).getByRole('button', { name: /back on for www.bbc.com/ }));
    await waitFor(async () => expect((await stored()).disabledSites).toEqual([]));
  });

  it('refuses a site that is not a hostname and keeps the list', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledSites: ['a.test'] });
    await renderOptions();
    fireEvent.input(screen.getByLabelText('Turn off on a site'), {
      target: { value: 'not a site' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(
      (await screen.findAllByRole('alert')).some((a) =>
        /is not a site name/.test(a.textContent ?? ''),
      ),
    ).toBe(true);
    expect((await stored()).disabledSites).toEqual(['a.test']);
  });

  it('saves history on/off and the days kept', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('switch', { name: 'Keep reading history' }));
    fireEvent.change(screen.getByLabelText('Keep history for'), { target: { value: '30' } });
    await waitFor(async () =>
      expect(await stored()).toMatchObject({ historyEnabled: false, historyDays: 30 }),
    );
  });

  it('follows a change saved elsewhere (the popup)', async () => {
    await renderOptions();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledSites: ['news.test'] });
    expect(await screen.findByText('news.test')).toBeTruthy();
  });

  it('clears history only after a second click', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Clear all history' }));
    expect(history.clear).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, clear all' }));
    await waitFor(() => expect(history.clear).toHaveBeenCalledOnce());
    expect(await screen.findByText('Reading history cleared.')).toBeTruthy();
  });

  it('says export is impossible when history is unavailable', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Export history as JSON' }));
    expect(await screen.findByText(/unavailable: nothing to export/)).toBeTruthy();
  });
});

describe('options page with bad stored settings (issue 19)', () => {
  it('loads, shows the defaults for what is bad, and saves the whole value repaired', async () => {
    const bad = { enabled: false, disabledSites: null, kinds: 'person', hoverDelayMs: 'slow' };
    await fakeBrowser.storage.local.set({ settings: bad });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await renderOptions();
    const alert = await screen.findByRole('alert', { name: /stored settings were not valid/ });
    expect(alert.textContent).toMatch(/disabledSites: null/);
    expect(alert.textContent).toMatch(/hoverDelayMs: "slow"/);
    // What was good is kept; the rest shows its default.
    expect(
      (screen.getByRole('switch', { name: /Mark names and figures/ }) as HTMLInputElement).checked,
    ).toBe(false);
    expect((screen.getByLabelText('Hover delay') as HTMLInputElement).value).toBe('350');
    fireEvent.click(within(alert).getByRole('button', { name: 'Save these settings' }));
    await waitFor(async () => {
      const raw = (await fakeBrowser.storage.local.get('settings')).settings;
      expect(raw).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    });
    await waitFor(() =>
      expect(screen.queryByRole('alert', { name: /stored settings were not valid/ })).toBeNull(),
    );
  });
});
