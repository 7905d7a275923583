import { afterAll, afterEach, beforeEach, describe } from 'vitest';
import { aiRepliesContract } from './ai-replies.js';
import { blocksContract } from './blocks.js';
import type { StoreBackend, StoreUnderTest } from './backends.js';
import { concurrencyContract } from './concurrency.js';
import type { Contract, ContractContext } from './context.js';
import { conversationSettingsContract } from './conversation-settings.js';
import { conversationsContract } from './conversations.js';
import { filesContract } from './files.js';
import { friendsContract } from './friends.js';
import { groupRequestsContract } from './group-requests.js';
import { groupsContract } from './groups.js';
import { lifecycleContract } from './lifecycle.js';
import { mentionsContract } from './mentions.js';
import { messageChangesContract } from './message-changes.js';
import { messageSearchContract } from './message-search.js';
import { messagesContract } from './messages.js';
import { presenceContract } from './presence.js';
import { requestsContract } from './requests.js';
import { sendContextContract } from './send-context.js';
import { usersContract } from './users.js';

/** Every area of the storage contract; a new Store method gets its tests in the area's file. */
const CONTRACTS: readonly Contract[] = [
  lifecycleContract,
  usersContract,
  friendsContract,
  requestsContract,
  conversationsContract,
  messagesContract,
  messageChangesContract,
  sendContextContract,
  concurrencyContract,
  filesContract,
  aiRepliesContract,
  groupsContract,
  groupRequestsContract,
  messageSearchContract,
  conversationSettingsContract,
  blocksContract,
  mentionsContract,
  presenceContract,
];

/** Runs the whole storage contract against `backend`, each test on a fresh database. */
export function describeStore(backend: StoreBackend): void {
  describe(`storage contract on ${backend.name}`, () => {
    let current: StoreUnderTest | undefined;
    const context: ContractContext = {
      get db() {
        if (!current) throw new Error('no database outside a test');
        return current;
      },
      get store() {
        return context.db.store;
      },
    };
    beforeEach(async () => {
      current = await backend.fresh();
    });
    afterEach(async () => {
      await current?.dispose();
      current = undefined;
    });
    afterAll(() => backend.teardown());
    for (const contract of CONTRACTS) contract(context);
  });
}
