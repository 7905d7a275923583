import { LIMITS, type FileRef, type FileUrlResponse, type Message } from '@confab/protocol';
import type { ClientContext } from './context.js';
import { path, toConfabError } from './context.js';
import { ConfabError } from './errors.js';
import { startUpload, type RunningUpload } from './upload.js';
import type { ChatClient, SendFileOptions, UploadableFile, XhrLike } from './types.js';

/** Renew a cached signed URL when it has less than this left. */
const URL_MARGIN_MS = 60_000;

/** @internal */
export interface FilePlatform {
  url: string;
  now: () => number;
  createId: () => string;
  getToken: () => string | null;
  createXhr?: () => XhrLike;
  maxFileBytes: number;
  deliver: (message: Message) => Promise<Message>;
}

interface PendingFile {
  file: UploadableFile;
  options: SendFileOptions;
  upload?: RunningUpload;
  /** Set once the bytes are stored. */
  ref?: FileRef;
}

const isInlineImage = (mimeType: string): boolean => (LIMITS.inlineImageTypes as readonly string[]).includes(mimeType);

function defaultXhr(): XhrLike {
  const Xhr = (globalThis as { XMLHttpRequest?: new () => XhrLike }).XMLHttpRequest;
  if (!Xhr) throw new ConfabError('INTERNAL', 'XMLHttpRequest is not available: pass `xhr` to createChatClient.');
  return new Xhr();
}

type FileOperations = Pick<ChatClient, 'sendFile' | 'cancelUpload' | 'fileUrl'> & {
  /** Retries a failed file send of ours; null when `clientMsgId` is not one (or its bytes are stored). */
  retry(conversationId: string, clientMsgId: string): Promise<Message> | null;
  reset(): void;
};

/** Uploads with progress, cancel and retry, and signed file URLs. @internal */
export function createFileOperations(context: ClientContext, platform: FilePlatform): FileOperations {
  const pending = new Map<string, PendingFile>();
  const urls = new Map<string, FileUrlResponse>();

  async function run(message: Message, entry: PendingFile): Promise<Message> {
    const { conversationId, clientMsgId } = message;
    context.dispatch({ type: 'send/started', message });
    const started = context.session();
    try {
      entry.upload = startUpload({
        url: platform.url,
        token: platform.getToken(),
        file: entry.file,
        createXhr: platform.createXhr ?? defaultXhr,
        onProgress(progress) {
          if (started !== context.session()) return;
          context.dispatch({ type: 'upload/progress', conversationId, clientMsgId, ...progress });
          entry.options.onProgress?.(progress);
        },
      });
      entry.ref = await entry.upload.done;
    } catch (caught) {
      const error = toConfabError(caught);
      if (started === context.session() && error.code !== 'ABORTED') {
        context.dispatch({ type: 'send/failed', conversationId, clientMsgId, error: error.toWire() });
        context.emitError(error);
      }
      throw error;
    }
    pending.delete(clientMsgId);
    const type = isInlineImage(entry.ref.mimeType) ? 'image' : 'file';
    return platform.deliver({ ...message, type, content: { file: entry.ref } } as Message);
  }

  return {
    async sendFile(conversationId, file, options = {}) {
      if (file.size > platform.maxFileBytes) {
        throw new ConfabError('TOO_LARGE', `"${file.name}" is larger than the ${formatBytes(platform.maxFileBytes)} limit.`, {
          details: { maxBytes: platform.maxFileBytes, size: file.size },
        });
      }
      if (file.size === 0) throw new ConfabError('VALIDATION', `"${file.name}" is empty.`);
      const clientMsgId = platform.createId();
      const mimeType = file.type || 'application/octet-stream';
      const entry: PendingFile = { file, options };
      pending.set(clientMsgId, entry);
      const message = {
        id: `pending:${clientMsgId}`,
        conversationId,
        seq: 0,
        senderId: context.requireMe().id,
        clientMsgId,
        type: isInlineImage(mimeType) ? 'image' : 'file',
        // id and sha256 are empty until the server stored the bytes.
        content: { file: { id: '', name: file.name, size: file.size, mimeType, sha256: '' } },
        createdAt: platform.now(),
      } as Message;
      return run(message, entry);
    },

    cancelUpload(conversationId, clientMsgId) {
      const entry = pending.get(clientMsgId);
      pending.delete(clientMsgId);
      entry?.upload?.abort();
      context.dispatch({ type: 'send/cancelled', conversationId, clientMsgId });
    },

    retry(conversationId, clientMsgId) {
      const entry = pending.get(clientMsgId);
      const item = context.getState().messages[conversationId]?.items.find((candidate) => candidate.message.clientMsgId === clientMsgId && candidate.state === 'failed');
      if (!entry || !item) return null;
      return run(item.message, entry);
    },

    async fileUrl(fileId, options = {}) {
      const cached = urls.get(fileId);
      if (!options.fresh && cached && cached.expiresAt - platform.now() > URL_MARGIN_MS) return cached.url;
      const signed = await context.http.get<FileUrlResponse>(path`/files/${fileId}/url`);
      const absolute = { ...signed, url: `${platform.url.replace(/\/+$/, '')}${signed.url}` };
      urls.set(fileId, absolute);
      return absolute.url;
    },

    reset() {
      for (const entry of pending.values()) entry.upload?.abort();
      pending.clear();
      urls.clear();
    },
  };
}

/** Bytes as a short human-readable size: `812 B`, `4.2 KB`, `20 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`;
}
