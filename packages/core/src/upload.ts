import { API_PREFIX, type UploadResponse, type FileRef } from '@confab/protocol';
import { ConfabError } from './errors.js';
import { toError } from './http.js';
import type { UploadableFile, UploadProgress, XhrLike } from './types.js';

/** The part of `FormData` the upload uses (the core is built without DOM types). @internal */
interface FormDataLike {
  append(name: string, value: unknown, fileName?: string): void;
}

/** A running upload: its result, and a way to stop it. @internal */
export interface RunningUpload {
  done: Promise<FileRef>;
  abort(): void;
}

/** @internal */
export interface UploadRequest {
  url: string;
  token: string | null;
  file: UploadableFile;
  createXhr: () => XhrLike;
  onProgress: (progress: UploadProgress) => void;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * POSTs one file as multipart with XMLHttpRequest (fetch reports no upload progress). Rejects with
 * the server's coded error, NETWORK when the server cannot be reached, ABORTED on `abort()`.
 * @internal
 */
export function startUpload(request: UploadRequest): RunningUpload {
  const FormDataClass = (globalThis as { FormData?: new () => FormDataLike }).FormData;
  if (!FormDataClass) throw new ConfabError('INTERNAL', 'FormData is not available on this platform.');
  const form = new FormDataClass();
  form.append('file', request.file, request.file.name);
  const xhr = request.createXhr();
  const done = new Promise<FileRef>((resolve, reject) => {
    xhr.upload.onprogress = (event) => request.onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : request.file.size });
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve((body as UploadResponse).file);
      else reject(toError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ConfabError('NETWORK', 'The upload failed: the server could not be reached.'));
    xhr.onabort = () => reject(new ConfabError('ABORTED', 'The upload was cancelled.'));
  });
  xhr.open('POST', `${request.url.replace(/\/+$/, '')}${API_PREFIX}/files`);
  if (request.token) xhr.setRequestHeader('authorization', `Bearer ${request.token}`);
  xhr.setRequestHeader('accept', 'application/json');
  xhr.send(form);
  return { done, abort: () => xhr.abort() };
}
