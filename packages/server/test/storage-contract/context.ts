import type { Store } from '../../src/storage/store.js';
import type { StoreUnderTest } from './backends.js';

/** What each contract test reads: the store over a fresh database of the backend under test. */
export interface ContractContext {
  readonly store: Store;
  readonly db: StoreUnderTest;
}

/** One area of the contract: registers its `describe` blocks. */
export type Contract = (context: ContractContext) => void;
