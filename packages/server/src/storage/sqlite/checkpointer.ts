import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

/** Runs in the worker (CommonJS, `eval`): its own connection to the file, checkpointing on a timer. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
function checkpoint() {
  try {
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
    // Under steady writes the WAL may never catch up and restart: past the limit, make it restart.
    if (log > workerData.restartFrames) db.pragma('wal_checkpoint(RESTART)');
  } catch {
    // Busy or locked: the next tick tries again.
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** SQLite's own default: a checkpoint inside the commit that takes the WAL past 1,000 pages. */
const AUTOCHECKPOINT_PAGES = 1000;

export interface Checkpointer {
  /** Stops the worker after a last checkpoint. */
  close(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the event loop. By default SQLite runs one inside the commit that takes
 * the WAL past 1,000 pages: it copies the pages into the database file and fsyncs both, blocking the
 * server for milliseconds every few commits (the largest cost of a busy server's writes, and its
 * p99). Here the connection stops checkpointing itself and a worker thread with its own connection
 * runs a PASSIVE checkpoint every `intervalMs` (writers go on meanwhile), and a RESTART one when the
 * WAL passes `restartFrames` pages. If the worker fails, the connection checkpoints by itself again.
 * Nothing to do for an in-memory database.
 */
export function startCheckpointer(db: Database, intervalMs = 200, restartFrames = 16_000): Checkpointer | null {
  if (db.memory) return null;
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, file: db.name, intervalMs, restartFrames } });
  worker.unref();
  let stopping = false;
  const fallBack = (): void => {
    if (!stopping && db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  db.pragma('wal_autocheckpoint = 0');
  return {
    close: () =>
      new Promise((resolve) => {
        stopping = true;
        // Unreferenced, the worker would not keep the process alive until it has exited.
        worker.ref();
        worker.once('exit', () => resolve());
        worker.postMessage('close');
      }),
  };
}
