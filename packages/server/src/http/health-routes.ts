import type { OkResponse } from '@confab/protocol';
import { ApiError } from '../errors.js';
import type { Store } from '../storage/store.js';
import type { App } from './types.js';

/** GET /healthz (the process answers), GET /readyz (the database answers a query). */
export function registerHealthRoutes(app: App, store: Store): void {
  app.get('/healthz', async (): Promise<OkResponse> => ({ ok: true }));
  app.get('/readyz', async (request): Promise<OkResponse> => {
    try {
      await store.ping();
    } catch (error) {
      request.log.error({ err: error }, 'readiness check failed');
      throw new ApiError('UNAVAILABLE', 'The database is not available');
    }
    return { ok: true };
  });
}
