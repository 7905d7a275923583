// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, type ConfabWidget } from './mount.js';

// A frame that never says hello: what a browser does with a frame refused by frame-ancestors.
describe('mount without a handshake', () => {
  let widget: ConfabWidget | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    widget?.destroy();
    vi.useRealTimers();
  });

  it('emits HANDSHAKE_TIMEOUT naming CONFAB_EMBED_ORIGINS and rejects queued and later calls with TIMEOUT', async () => {
    const errors: Array<{ code: string; message: string }> = [];
    widget = mount({ server: 'https://chat.invalid', getToken: () => 'token', timeoutMs: 2_000 });
    widget.on('error', (error) => errors.push(error));
    const queued = widget.setTheme('dark');
    const outcome = queued.then(() => 'resolved', (error: { code: string }) => error.code);

    await vi.advanceTimersByTimeAsync(1_999);
    expect(errors).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('HANDSHAKE_TIMEOUT');
    expect(errors[0]!.message).toContain('CONFAB_EMBED_ORIGINS');
    expect(errors[0]!.message).toContain(location.origin);
    expect(await outcome).toBe('TIMEOUT');
    await expect(widget.logout()).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('uses 10 s by default and stays quiet once destroyed', async () => {
    const errors: unknown[] = [];
    widget = mount({ server: 'https://chat.invalid', getToken: () => 'token' });
    widget.on('error', (error) => errors.push(error));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(errors).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(errors).toHaveLength(1);

    const second = mount({ server: 'https://chat.invalid', getToken: () => 'token' });
    const seen: unknown[] = [];
    second.on('error', (error) => seen.push(error));
    second.destroy();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(seen).toHaveLength(0);
  });
});
