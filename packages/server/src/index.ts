export { createServer } from './app.js';
export type { ConfabServer, CreateServerOptions } from './app.js';
export { loadConfig, parseCliArgs, helpText, ConfigError, CONFIG_OPTIONS } from './config.js';
export type { CliArgs, ServerConfig } from './config.js';
export { DEMO_PASSWORD, DEMO_USERS } from './demo.js';
export { ApiError, isApiError } from './errors.js';
export type { Store } from './storage/store.js';
export { SqliteStore, openSqliteStore } from './storage/sqlite/sqlite-store.js';
