/** The storage contract of per-user conversation settings (part of {@link Store} as `store.conversationSettings`). */
import type { ConversationSettings } from '@confab/protocol';

/** The fields to change; the others keep their stored values (or the defaults). */
export type ConversationSettingsChange = Partial<ConversationSettings>;

export interface ConversationSettingsStore {
  /** The user's settings of the conversation: the stored ones, or the defaults. */
  get(userId: string, conversationId: string): Promise<ConversationSettings>;
  /** Writes the changed fields (creating the row when there is none) in one statement; returns the settings after. */
  update(userId: string, conversationId: string, change: ConversationSettingsChange, now: number): Promise<ConversationSettings>;
  /** The user's settings of every conversation they have a row for. */
  listFor(userId: string): Promise<Map<string, ConversationSettings>>;
}
