import { expect, it } from 'vitest';
import * as server from '../src/index.js';

it('exports exactly the public runtime names', () => {
  expect(Object.keys(server).sort()).toEqual(
    [
      'ApiError',
      'CONFIG_OPTIONS',
      'ConfigError',
      'DEMO_PASSWORD',
      'DEMO_USERS',
      'HOST_TOKEN_MAX_TTL_SECONDS',
      'SqliteStore',
      'createServer',
      'helpText',
      'isApiError',
      'loadConfig',
      'openSqliteStore',
      'openPostgresStore',
      'parseCliArgs',
      'signHostToken',
    ].sort(),
  );
});
