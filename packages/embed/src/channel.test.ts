import { afterEach, describe, expect, it } from 'vitest';
import { createPortChannel, type PortChannel } from './channel.js';

const open: PortChannel[] = [];
afterEach(() => {
  for (const channel of open.splice(0)) channel.close();
});

function pair(methodsB: Record<string, (...params: never[]) => unknown>, timeoutMs = 200) {
  const { port1, port2 } = new MessageChannel();
  const eventsB: [string, unknown][] = [];
  const a = createPortChannel(port1, {}, () => undefined, timeoutMs);
  const b = createPortChannel(port2, methodsB, (event, payload) => eventsB.push([event, payload]), timeoutMs);
  open.push(a, b);
  return { a, b, eventsB };
}

describe('the port channel', () => {
  it('answers requests by id, in any order, with results and errors', async () => {
    const { a } = pair({
      slow: async (value: number) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return value * 2;
      },
      fast: (value: number) => value + 1,
      refuse: () => {
        throw { code: 'NOT_FOUND', message: 'no groups' };
      },
    });
    const [slow, fast] = await Promise.all([a.request('slow', 21), a.request('fast', 1)]);
    expect([slow, fast]).toEqual([42, 2]);
    await expect(a.request('refuse')).rejects.toEqual({ code: 'NOT_FOUND', message: 'no groups' });
    await expect(a.request('toString')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Unknown method toString' });
  });

  it('times out a request that gets no answer', async () => {
    const { a } = pair({ never: () => new Promise(() => undefined) }, 50);
    await expect(a.request('never')).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('delivers events, and rejects pending requests with DESTROYED on close', async () => {
    const { a, eventsB } = pair({ never: () => new Promise(() => undefined) }, 5_000);
    a.emit('unread', { total: 3 });
    await expect.poll(() => eventsB).toEqual([['unread', { total: 3 }]]);
    const pending = a.request('never');
    a.close();
    await expect(pending).rejects.toMatchObject({ code: 'DESTROYED' });
  });

  it('ignores foreign and other-version messages on the port', async () => {
    const { port1, port2 } = new MessageChannel();
    const events: string[] = [];
    open.push(createPortChannel(port2, {}, (event) => events.push(event)));
    port1.postMessage({ type: 'confab:event', v: 99, event: 'forged', payload: {} });
    port1.postMessage({ type: 'event', event: 'forged' });
    port1.postMessage({ type: 'confab:event', v: 1, event: 'real', payload: {} });
    await expect.poll(() => events).toEqual(['real']);
    port1.close();
  });
});
