import { describeStore } from './storage-contract/describe-store.js';
import { sqliteBackend } from './storage-contract/backends.js';

describeStore(sqliteBackend());
