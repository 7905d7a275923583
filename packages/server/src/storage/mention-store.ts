/** The storage contract of mentions (part of {@link Store} as `store.mentions`). */

/**
 * The rows themselves are written by the database: a text message stored with `content.mentions`
 * adds them, a recall removes them (triggers of migration 12), so the send path stays one insert.
 */
export interface MentionStore {
  /**
   * The seqs of the messages that mention `userId` (by id or `@all`) after their read cursor, sent by
   * someone else and not deleted by them for themselves, per conversation they are a member of (only
   * `conversationId` when given): ascending, the newest `max` of each. One query for all of them.
   */
  unreadSeqs(userId: string, max: number, conversationId?: string): Promise<Map<string, number[]>>;
}
