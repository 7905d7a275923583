import type { OkResponse } from '@confab/protocol';
import { ApiError } from '../errors.js';
import type { Store } from '../storage/store.js';
import type { App } from './types.js';

/** A dependency `/readyz` checks besides the database: throws when it is not usable. */
export interface ReadinessCheck {
  /** Named in the 503 message and the log, e.g. `redis`. */
  name: string;
  check(): Promise<void>;
}

/**
 * GET /healthz (the process answers), GET /readyz (the database answers a query, every extra
 * check passes — Redis when configured — and the node is not draining for shutdown).
 */
export function registerHealthRoutes(app: App, store: Store, checks: readonly ReadinessCheck[] = []): void {
  const all: ReadinessCheck[] = [{ name: 'database', check: () => store.ping() }, ...checks];
  app.get('/healthz', async (): Promise<OkResponse> => ({ ok: true }));
  app.get('/readyz', async (request): Promise<OkResponse> => {
    const results = await Promise.allSettled(all.map((item) => item.check()));
    const failed = all.filter((_item, index) => results[index]?.status === 'rejected');
    if (failed.length > 0) {
      for (const item of failed) {
        const result = results[all.indexOf(item)] as PromiseRejectedResult;
        request.log.error({ err: result.reason, dependency: item.name }, 'readiness check failed');
      }
      throw new ApiError('UNAVAILABLE', `Not ready: ${failed.map((item) => item.name).join(', ')} check failed`);
    }
    return { ok: true };
  });
}
