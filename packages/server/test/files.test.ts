import type { AuthResponse, FileRef } from '@confab/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUrlSigner } from '../src/files/signing.js';
import { PDF_BYTES, PNG_BYTES, download, sha256, upload } from './file-helpers.js';
import { api, clientMsgId, connect, emitWithAck, errorCode, nextEvent, registerUser, startServer, friendPair, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(async () => {
  await t.stop();
});

const pair = () => friendPair(t.url);

async function uploaded(user: AuthResponse, bytes: Uint8Array, name: string): Promise<FileRef> {
  const result = await upload(t.url, user.token, bytes, name);
  expect(result.status).toBe(201);
  return result.body.file;
}

async function signedUrl(user: AuthResponse, fileId: string): Promise<string> {
  const result = await api(t.url, 'GET', `/files/${fileId}/url`, { token: user.token });
  expect(result.status).toBe(200);
  return `${t.url}${result.body.url}`;
}

describe('uploading and downloading files', () => {
  it('stores a PNG with its sniffed type, size, dimensions and hash, and serves the same bytes inline', async () => {
    const { alice } = await pair();
    const file = await uploaded(alice, PNG_BYTES, 'photo.bin');
    expect(file).toEqual({ id: expect.stringMatching(/^f_/), name: 'photo.bin', size: PNG_BYTES.length, mimeType: 'image/png', width: 64, height: 40, sha256: sha256(PNG_BYTES) });

    const got = await download(await signedUrl(alice, file.id));
    expect(got.status).toBe(200);
    expect(got.bytes.equals(PNG_BYTES)).toBe(true);
    expect(sha256(got.bytes)).toBe(file.sha256);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(got.headers.get('content-disposition')).toBe(`inline; filename="photo.bin"; filename*=UTF-8''photo.bin`);
  });

  it('serves a PDF as an attachment, with a hostile name encoded per RFC 5987', async () => {
    const { alice } = await pair();
    const name = `<img src=x onerror=alert(1)>'; (é).pdf`;
    const file = await uploaded(alice, PDF_BYTES, name);
    expect(file).toMatchObject({ name, mimeType: 'application/pdf' });
    expect(file.width).toBeUndefined();
    const got = await download(await signedUrl(alice, file.id));
    expect(got.bytes.equals(PDF_BYTES)).toBe(true);
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="_img src_x onerror_alert_1____ ___.pdf"; filename*=UTF-8''%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%27%3B%20%28%C3%A9%29.pdf`,
    );
  });

  it('never serves an HTML file named .png as an image or as HTML, and refuses it in an image message', async () => {
    const { alice, conversationId } = await pair();
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
    const file = await uploaded(alice, html, 'cat.png');
    expect(file.mimeType).toBe('application/octet-stream');
    const got = await download(await signedUrl(alice, file.id));
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');

    const socket = await connect(t.url, alice.token);
    const asImage = await emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'image', content: { fileId: file.id } });
    expect(asImage).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const asFile = await emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'file', content: { fileId: file.id } });
    expect(asFile.ok).toBe(true);
    expect(asFile.message.content.file).toEqual(file);
  });

  it('answers a single byte range with 206 and the right Content-Range, and 416 past the end', async () => {
    const { alice } = await pair();
    const file = await uploaded(alice, PNG_BYTES, 'a.png');
    const url = await signedUrl(alice, file.id);
    const first = await download(url, { range: 'bytes=0-9' });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-9/${PNG_BYTES.length}`);
    expect(first.bytes.equals(PNG_BYTES.subarray(0, 10))).toBe(true);
    const tail = await download(url, { range: 'bytes=-5' });
    expect(tail.bytes.equals(PNG_BYTES.subarray(-5))).toBe(true);
    expect(tail.headers.get('content-range')).toBe(`bytes ${PNG_BYTES.length - 5}-${PNG_BYTES.length - 1}/${PNG_BYTES.length}`);
    const past = await download(url, { range: `bytes=${PNG_BYTES.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${PNG_BYTES.length}`);
  });

  it('refuses uploads without a token and requests without a file part', async () => {
    expect((await upload(t.url, null, PNG_BYTES, 'a.png')).status).toBe(401);
    const { alice } = await pair();
    const none = await api(t.url, 'POST', '/files', { token: alice.token, body: { file: 'x' } });
    expect(errorCode(none)).toBe('VALIDATION');
  });
});

describe('signed URLs', () => {
  it('refuses forged, swapped and expired signatures with FORBIDDEN', async () => {
    const { alice } = await pair();
    const file = await uploaded(alice, PNG_BYTES, 'a.png');
    const other = await uploaded(alice, PDF_BYTES, 'b.pdf');
    const url = new URL(await signedUrl(alice, file.id));
    const exp = url.searchParams.get('exp');
    const sig = url.searchParams.get('sig') as string;

    const forged = await download(`${t.url}/api/v1/files/${file.id}/content?exp=${exp}&sig=${sig.slice(0, -2)}AA`);
    expect(forged.status).toBe(403);
    const swapped = await download(`${t.url}/api/v1/files/${other.id}/content?exp=${exp}&sig=${sig}`);
    expect(swapped.status).toBe(403);
    const later = await download(`${t.url}/api/v1/files/${file.id}/content?exp=${Number(exp) + 1000}&sig=${sig}`);
    expect(later.status).toBe(403);

    const pastExp = Math.floor(Date.now() / 1000) - 1;
    const expired = await download(`${t.url}/api/v1/files/${file.id}/content?exp=${pastExp}&sig=${createUrlSigner(t.config.jwtSecret).sign(file.id, pastExp)}`);
    expect(expired.status).toBe(403);
    expect(JSON.parse(expired.bytes.toString()).error.code).toBe('FORBIDDEN');
  });

  it('refuses path traversal in the id with NOT_FOUND', async () => {
    const signer = createUrlSigner(t.config.jwtSecret);
    const exp = Math.floor(Date.now() / 1000) + 60;
    for (const id of ['..%2F..%2Fconfab.db', '..%2Fjwt-secret', 'f_AAAAAAAAAAAAAAAA%2F..%2F..']) {
      const got = await download(`${t.url}/api/v1/files/${id}/content?exp=${exp}&sig=${signer.sign(decodeURIComponent(id), exp)}`);
      expect(got.status).toBe(404);
    }
  });

  it('gives a fresh URL to the uploader and to members of a conversation where the file was sent, not to strangers', async () => {
    const { alice, bob, conversationId } = await pair();
    const carol = await registerUser(t.url, 'carol');
    const file = await uploaded(bob, PDF_BYTES, 'report.pdf');
    const urlFor = (user: AuthResponse) => api(t.url, 'GET', `/files/${file.id}/url`, { token: user.token });

    expect(errorCode(await urlFor(alice))).toBe('FORBIDDEN');
    const aliceSocket = await connect(t.url, alice.token);
    const bobSocket = await connect(t.url, bob.token);
    const arriving = nextEvent(aliceSocket, 'message:new');
    const sent = await emitWithAck(bobSocket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'file', content: { fileId: file.id } });
    expect(sent.ok).toBe(true);
    expect((await arriving).content).toEqual({ file });

    expect((await urlFor(alice)).status).toBe(200);
    expect(errorCode(await urlFor(carol))).toBe('FORBIDDEN');
    expect(errorCode(await api(t.url, 'GET', '/files/f_AAAAAAAAAAAAAAAA/url', { token: carol.token }))).toBe('NOT_FOUND');
  });

  it('lets only the uploader send a file, and answers NOT_FOUND for unknown ids', async () => {
    const { alice, bob, conversationId } = await pair();
    const file = await uploaded(bob, PNG_BYTES, 'bob.png');
    const socket = await connect(t.url, alice.token);
    const stolen = await emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'image', content: { fileId: file.id } });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const unknown = await emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'image', content: { fileId: 'f_AAAAAAAAAAAAAAAA' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const mixed = await emitWithAck(socket, 'message:send', { conversationId, clientMsgId: clientMsgId(), type: 'text', content: { fileId: file.id } });
    expect(mixed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
