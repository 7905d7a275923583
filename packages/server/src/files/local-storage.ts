import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { ByteRange, FileStorage, PendingObject } from './storage.js';

/** File ids are `f_` + base64url; anything else never reaches the file system. */
export const FILE_ID_PATTERN = /^f_[A-Za-z0-9_-]{16,32}$/;

function checkedId(id: string): string {
  if (!FILE_ID_PATTERN.test(id)) throw new Error(`Not a file id: ${JSON.stringify(id)}`);
  return id;
}

/**
 * {@link FileStorage} on the local disk: `<root>/<2 chars>/<id>`, fanned out by the id's first random
 * characters, with uploads written to `<root>/tmp/` and renamed into place on commit.
 */
export function createLocalFileStorage(root: string): FileStorage {
  const tmpDir = join(root, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const pathOf = (id: string): string => join(root, checkedId(id).slice(2, 4), id);

  return {
    async create(): Promise<PendingObject> {
      const tmpPath = join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
      const stream = createWriteStream(tmpPath, { flags: 'wx' });
      let settled = false;
      return {
        stream,
        async commit(id) {
          if (!stream.writableFinished) await finished(stream);
          const target = pathOf(id);
          await mkdir(join(target, '..'), { recursive: true });
          await rename(tmpPath, target);
          settled = true;
        },
        async abort() {
          if (settled) return;
          settled = true;
          stream.destroy();
          await finished(stream).catch(() => undefined);
          await rm(tmpPath, { force: true });
        },
      };
    },
    read: (id: string, range?: ByteRange) => createReadStream(pathOf(id), range ? { start: range.start, end: range.end } : {}),
    async exists(id) {
      return stat(pathOf(id)).then(
        (info) => info.isFile(),
        () => false,
      );
    },
    async remove(id) {
      await rm(pathOf(id), { force: true });
    },
  };
}
