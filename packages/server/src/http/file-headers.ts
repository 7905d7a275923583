import type { FileRecord } from '../storage/store.js';
import { isInlineImage } from '../services/files.js';

/** RFC 5987 `ext-value` encoding: percent-encodes everything but attr-chars. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `Content-Disposition` with a plain-ASCII fallback name and the exact name as `filename*` (RFC 6266 / 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 100) || 'file';
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${rfc5987(name)}`;
}

/**
 * Headers of every file response: the detected type only, never sniffed by the browser; nothing
 * in it may run (CSP sandbox); anything but a PNG, JPEG, GIF or WebP is a download.
 */
export function fileHeaders(record: FileRecord, expiresAtMs: number, nowMs: number): Record<string, string> {
  const inline = isInlineImage(record.mimeType);
  return {
    'content-type': record.mimeType,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', record.name),
    'cross-origin-resource-policy': 'same-site',
    'referrer-policy': 'no-referrer',
    'accept-ranges': 'bytes',
    etag: `"${record.sha256}"`,
    'cache-control': `private, max-age=${Math.max(0, Math.floor((expiresAtMs - nowMs) / 1000))}, immutable`,
  };
}
