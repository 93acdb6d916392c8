/**
 * The second stage asks the background with the browser's own `sendMessage` (no polyfill):
 * in Chrome a handler's failure then arrives as the background polyfill's reply object, and
 * must reject, as the polyfill's own `sendMessage` would, not be taken for an answer.
 */
import { describe, expect, it } from 'vitest';
import { backgroundSender } from '../lib/background-sender';

describe('backgroundSender', () => {
  it('sends our envelope and resolves with the answer', async () => {
    const sent: unknown[] = [];
    const send = backgroundSender(async (message) => {
      sent.push(message);
      return { available: true, count: 2 };
    });
    await expect(
      send('history:seen', { id: 'deepseek', url: 'https://a.example/' }),
    ).resolves.toEqual({
      available: true,
      count: 2,
    });
    expect(sent).toEqual([
      expect.objectContaining({ payload: { id: 'deepseek', url: 'https://a.example/' } }),
    ]);
  });

  it("rejects with the background's message when a handler failed", async () => {
    const send = backgroundSender(async () => ({
      __mozWebExtensionPolyfillReject__: true,
      message: 'term:detail: invalid request',
    }));
    await expect(send('term:detail', { id: 'deepseek', kind: 'entity' })).rejects.toThrow(
      'term:detail: invalid request',
    );
  });
});
