import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF_BYTES, PNG_BYTES, filesUnder, upload } from './file-helpers.js';
import { countRows, openDb, registerUser, sleep, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer(['--max-file-bytes', '4096', '--file-types', 'image/png,application/octet-stream']);
});
afterAll(async () => {
  await t.stop();
});

function leftOnDisk(): { stored: string[]; rows: number } {
  const db = openDb(t.config);
  try {
    return { stored: filesUnder(join(t.dataDir, 'files')), rows: countRows(db, 'files') };
  } finally {
    db.close();
  }
}

describe('upload limits', () => {
  it('refuses a file over the size limit with TOO_LARGE and leaves nothing on disk', async () => {
    const { token } = await registerUser(t.url, 'big');
    const result = await upload(t.url, token, Buffer.alloc(4097, 7), 'big.bin');
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe('TOO_LARGE');
    expect(leftOnDisk()).toEqual({ stored: [], rows: 0 });

    // Exactly at the limit is fine.
    const atLimit = await upload(t.url, token, Buffer.alloc(4096, 7), 'ok.bin');
    expect(atLimit.status).toBe(201);
    expect(leftOnDisk().rows).toBe(1);
  });

  it('refuses a type not on the allowed list with VALIDATION and keeps nothing', async () => {
    const { token } = await registerUser(t.url, 'typed');
    const before = leftOnDisk();
    const pdf = await upload(t.url, token, PDF_BYTES, 'doc.png', 'image/png');
    expect(pdf.status).toBe(400);
    expect(pdf.body.error).toMatchObject({ code: 'VALIDATION', details: { mimeType: 'application/pdf' } });
    expect(leftOnDisk()).toEqual(before);
    expect((await upload(t.url, token, PNG_BYTES, 'ok.png')).status).toBe(201);
  });

  it('keeps nothing of an upload interrupted half-way', async () => {
    const { token } = await registerUser(t.url, 'gone');
    const before = leftOnDisk();
    const boundary = 'confab-test-boundary';
    const head = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="half.bin"\r\ncontent-type: application/octet-stream\r\n\r\n`;
    const url = new URL(`${t.url}/api/v1/files`);
    const req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + 4000) },
    });
    req.on('error', () => undefined);
    req.write(head);
    req.write(Buffer.alloc(2000, 1));
    await sleep(200);
    const tmpDuring = filesUnder(join(t.dataDir, 'files', 'tmp'));
    req.destroy();
    await sleep(300);
    expect(tmpDuring).toHaveLength(1);
    expect(leftOnDisk()).toEqual(before);
  });
});

/** Posts a raw multipart body (or anything else) to /files. */
async function rawUpload(token: string, body: string | Buffer, contentType: string): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  const response = await fetch(`${t.url}/api/v1/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

const B = 'confab-parts';
const filePart = (name: string, filename: string | null, bytes: string) =>
  `--${B}\r\ncontent-disposition: form-data; name="${name}"${filename === null ? '' : `; filename="${filename}"`}\r\ncontent-type: application/octet-stream\r\n\r\n${bytes}\r\n`;
const end = `--${B}--\r\n`;

describe('malformed and unexpected multipart bodies', () => {
  const cases: [string, () => [string | Buffer, string]][] = [
    ['multipart without a boundary', () => [filePart('file', 'a.bin', 'abc') + end, 'multipart/form-data']],
    ['a body cut off before its closing boundary', () => [filePart('file', 'a.bin', 'abc'), `multipart/form-data; boundary=${B}`]],
    ['a boundary longer than 256 characters', () => [`--${'x'.repeat(300)}\r\n`, `multipart/form-data; boundary=${'x'.repeat(300)}`]],
    ['two file parts', () => [filePart('file', 'a.bin', 'first') + filePart('file', 'b.bin', 'second') + end, `multipart/form-data; boundary=${B}`]],
    ['a part not named "file"', () => [filePart('notfile', 'a.bin', 'abc') + end, `multipart/form-data; boundary=${B}`]],
    ['a text field before the file', () => [filePart('caption', null, 'hello') + filePart('file', 'a.bin', 'abc') + end, `multipart/form-data; boundary=${B}`]],
    ['a file part without a file name', () => [filePart('file', null, 'abc') + end, `multipart/form-data; boundary=${B}`]],
    ['a JSON body', () => ['{"file":"abc"}', 'application/json']],
  ];
  for (const [name, make] of cases) {
    it(`answers ${name} with VALIDATION and keeps nothing`, async () => {
      const { token } = await registerUser(t.url, `parts${cases.findIndex(([n]) => n === name)}`);
      const before = leftOnDisk();
      const [body, contentType] = make();
      const result = await rawUpload(token, body, contentType);
      expect(result.status).toBe(400);
      expect(result.body.error?.code).toBe('VALIDATION');
      expect(leftOnDisk()).toEqual(before);
    });
  }
});
