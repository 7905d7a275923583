import type { XhrLike } from '../types.js';

/** An XMLHttpRequest stand-in: records the request; the test plays progress, the response or an abort. */
export class FakeXhr implements XhrLike {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  aborted = false;
  upload: XhrLike['upload'] = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  send(body: unknown): void {
    this.body = body;
  }
  abort(): void {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number): void {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true });
  }
  respond(status: number, body: unknown): void {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
  fail(): void {
    this.onerror?.();
  }
}

/** A factory that keeps every FakeXhr it made. */
export function fakeXhrFactory() {
  const made: FakeXhr[] = [];
  return {
    made,
    xhr: (): XhrLike => {
      const xhr = new FakeXhr();
      made.push(xhr);
      return xhr;
    },
    get last(): FakeXhr {
      const xhr = made.at(-1);
      if (!xhr) throw new Error('no upload started');
      return xhr;
    },
  };
}
