import type { FileRef, Message } from '@confab/protocol';
import { describe, expect, it } from 'vitest';
import { fakeXhrFactory } from './__tests__/fake-xhr.js';
import { fakeFetch, fakeIo, settle } from './__tests__/fakes.js';
import { ME, conversation, user } from './__tests__/fixtures.js';
import { createChatClient } from './client.js';
import { formatBytes } from './files.js';

const PNG_REF: FileRef = { id: 'f_AAAAAAAAAAAAAAAA', name: 'cat.png', size: 1200, mimeType: 'image/png', width: 64, height: 40, sha256: 'ab'.repeat(32) };

async function loggedIn(maxFileBytes?: number) {
  let now = 10_000;
  const server = fakeFetch({
    'POST /auth/login': () => ({ body: { user: user(ME, 'Me'), token: 't1', expiresAt: 9_000_000 } }),
    'GET /conversations': () => ({ body: { conversations: [conversation({ id: 'c1' })] } }),
    'GET /friends': () => ({ body: { friends: [] } }),
    'GET /requests': () => ({ body: { requests: [] } }),
    'GET /files/f_AAAAAAAAAAAAAAAA/url': () => ({ body: { url: `/api/v1/files/${PNG_REF.id}/content?exp=${Math.floor(now / 1000) + 3600}&sig=s${now}`, expiresAt: now + 3_600_000 } }),
  });
  const sockets = fakeIo();
  const uploads = fakeXhrFactory();
  let ids = 0;
  const client = createChatClient({ url: 'http://chat.test', fetch: server.fetch, io: sockets.io, xhr: uploads.xhr, now: () => now, createId: () => `id-${++ids}`, maxFileBytes });
  await client.login('me', 'password1');
  sockets.socket.open();
  return { client, server, sockets, uploads, advance: (ms: number) => (now += ms) };
}

// The core is typed without DOM or Node globals; Node 20 has File and FormData at run time.
const { File } = globalThis as unknown as { File: new (parts: Uint8Array[], name: string, options: { type: string }) => { name: string; size: number; type: string } };
const file = (size = 1200, name = 'cat.png', type = 'image/png') => new File([new Uint8Array(size)], name, { type });
const stored = (ref: FileRef): Message => ({ id: 'm1', conversationId: 'c1', seq: 1, senderId: ME, clientMsgId: 'id-1', type: 'image', content: { file: ref }, createdAt: 11_000 });

describe('sendFile', () => {
  it('shows the pending file with upload progress, then sends an image message carrying only the file id', async () => {
    const { client, sockets, uploads } = await loggedIn();
    sockets.socket.acks['message:send'] = () => ({ ok: true, message: stored(PNG_REF) });
    const progress: number[] = [];
    const sending = client.sendFile('c1', file(), { onProgress: ({ loaded }) => progress.push(loaded) });

    expect(uploads.last.url).toBe('http://chat.test/api/v1/files');
    expect(uploads.last.headers.authorization).toBe('Bearer t1');
    expect((uploads.last.body as { get(name: string): unknown }).get('file')).toMatchObject({ name: 'cat.png', size: 1200 });
    expect(client.getState().messages.c1?.items[0]).toMatchObject({ state: 'sending', message: { type: 'image', content: { file: { id: '', name: 'cat.png' } } } });

    uploads.last.progress(600, 1400);
    expect(client.getState().messages.c1?.items[0]?.upload).toEqual({ loaded: 600, total: 1400 });
    uploads.last.progress(1400, 1400);
    uploads.last.respond(201, { file: PNG_REF });

    await expect(sending).resolves.toEqual(stored(PNG_REF));
    expect(progress).toEqual([600, 1400]);
    expect(sockets.socket.emitted.at(-1)).toEqual({ event: 'message:send', payload: { conversationId: 'c1', clientMsgId: 'id-1', type: 'image', content: { fileId: PNG_REF.id } } });
    expect(client.getState().messages.c1?.items).toEqual([{ message: stored(PNG_REF), state: 'sent' }]);
  });

  it('sends a file the server did not find to be an image as a file message', async () => {
    const { client, sockets, uploads } = await loggedIn();
    const ref = { ...PNG_REF, mimeType: 'application/octet-stream', width: undefined, height: undefined };
    sockets.socket.acks['message:send'] = (payload) => ({ ok: true, message: { ...stored(ref), type: (payload as Message).type } });
    const sending = client.sendFile('c1', file(50, 'fake.png'));
    uploads.last.respond(201, { file: ref });
    expect((await sending).type).toBe('file');
  });

  it('refuses a file over the limit with TOO_LARGE before any upload starts', async () => {
    const { client, uploads } = await loggedIn(1000);
    await expect(client.sendFile('c1', file(1001))).rejects.toMatchObject({ code: 'TOO_LARGE', message: '"cat.png" is larger than the 1000 B limit.' });
    expect(uploads.made).toHaveLength(0);
    expect(client.getState().messages.c1).toBeUndefined();
  });

  it('cancels an upload: the request is aborted and the pending message leaves the timeline', async () => {
    const { client, uploads } = await loggedIn();
    const sending = client.sendFile('c1', file());
    client.cancelUpload('c1', 'id-1');
    await expect(sending).rejects.toMatchObject({ code: 'ABORTED' });
    expect(uploads.last.aborted).toBe(true);
    expect(client.getState().messages.c1?.items).toEqual([]);
  });

  it('marks a failed upload as failed with the server error, and retry uploads again', async () => {
    const { client, sockets, uploads } = await loggedIn();
    sockets.socket.acks['message:send'] = () => ({ ok: true, message: stored(PNG_REF) });
    const sending = client.sendFile('c1', file());
    uploads.last.respond(413, { error: { code: 'TOO_LARGE', message: 'A file holds at most 1000 bytes' } });
    await expect(sending).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(client.getState().messages.c1?.items[0]).toMatchObject({ state: 'failed', error: { code: 'TOO_LARGE' } });

    const retried = client.retry('c1', 'id-1');
    expect(uploads.made).toHaveLength(2);
    uploads.last.respond(201, { file: PNG_REF });
    await expect(retried).resolves.toEqual(stored(PNG_REF));
    await settle();
  });
});

describe('fileUrl', () => {
  it('caches a signed URL until shortly before it expires, and fetches a fresh one on demand', async () => {
    const { client, server, advance } = await loggedIn();
    const first = await client.fileUrl(PNG_REF.id);
    expect(first).toBe(`http://chat.test/api/v1/files/${PNG_REF.id}/content?exp=3610&sig=s10000`);
    advance(1000);
    expect(await client.fileUrl(PNG_REF.id)).toBe(first);
    expect(await client.fileUrl(PNG_REF.id, { fresh: true })).toContain('sig=s11000');
    advance(3_600_000);
    expect(await client.fileUrl(PNG_REF.id)).toContain('sig=s3611000');
    expect(server.calls.filter((call) => call.path.startsWith('/files/'))).toHaveLength(3);
  });
});

describe('formatBytes', () => {
  it('writes sizes for people', () => {
    expect([0, 812, 1024, 3030, 4300, 20 * 1024 * 1024, 1536 * 1024 * 1024].map(formatBytes)).toEqual(['0 B', '812 B', '1 KB', '3 KB', '4.2 KB', '20 MB', '1.5 GB']);
  });
});
