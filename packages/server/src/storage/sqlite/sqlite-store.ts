import type { AiErrorCode, DirectConversation, Friend, FriendRequest, Message, User } from '@confab/protocol';
import type { Database, Transaction } from 'better-sqlite3';
import type {
  AppendResult,
  ConversationRecord,
  FileRecord,
  ExternalUserInput,
  FriendshipRecord,
  FriendshipRequestResult,
  HistoryPage,
  HistoryRange,
  NewFriendRequest,
  NewMessage,
  NewUser,
  ReadCursorResult,
  SendContext,
  Store,
  UserRecord,
} from '../store.js';
import { readCursorAfter } from '../read-cursor.js';
import { AppendQueue } from './append-queue.js';
import { SearchIndexer } from './search-indexer.js';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { SqliteBlocks } from './blocks.js';
import { SqliteConversationSettings } from './conversation-settings.js';
import { SqlitePresence } from './presence.js';
import { SqliteFileRecords } from './files.js';
import { findByClientId, writeMessages } from './message-writes.js';
import { SqliteGroups } from './groups.js';
import { SqliteMessageChanges } from './message-changes.js';
import { SqliteReactions } from './reactions.js';
import { SqliteMessageSearch } from './message-search.js';
import { SqliteMentions } from './mentions.js';
import { openDatabase } from './open.js';
import {
  conversationFromRow,
  messageFromRow,
  requestFromRow,
  sendContextFromRow,
  storedContent,
  userFromRow,
  type ConversationViewRow,
  type MessageRow,
  type RequestRow,
  type SendContextRow,
  type UserRow,
} from './rows.js';
import { prepareStatements, type Statements } from './statements.js';

/** Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The SQLite backend of {@link Store}, on better-sqlite3 (synchronous calls behind async methods). */
export class SqliteStore implements Store {
  private readonly sql: Statements;
  private readonly files: SqliteFileRecords;
  private readonly appends: AppendQueue;
  private checkpointer: Checkpointer | null | undefined;
  private readonly writeBatch: Transaction<(messages: readonly NewMessage[]) => AppendResult[]>;
  readonly groups: SqliteGroups;
  readonly messageChanges: SqliteMessageChanges;
  readonly reactions: SqliteReactions;
  readonly messageSearch: SqliteMessageSearch;
  /** Indexes new messages for search a moment after they are committed. @internal */
  readonly searchIndexer: SearchIndexer;
  readonly conversationSettings: SqliteConversationSettings;
  readonly blocks: SqliteBlocks;
  readonly mentions: SqliteMentions;
  readonly presence: SqlitePresence;

  constructor(readonly db: Database) {
    this.sql = prepareStatements(db);
    this.searchIndexer = new SearchIndexer(db);
    this.writeBatch = db.transaction((messages: readonly NewMessage[]) => {
      const results = writeMessages(this.sql, messages);
      this.searchIndexer.poke();
      return results;
    });
    this.appends = new AppendQueue((messages) => this.writeBatch.immediate(messages), (message) => this.writeMessageAlone(message));
    this.files = new SqliteFileRecords(db);
    this.groups = new SqliteGroups(db, this.sql);
    this.messageChanges = new SqliteMessageChanges(db);
    this.reactions = new SqliteReactions(db);
    this.messageSearch = new SqliteMessageSearch(db);
    this.conversationSettings = new SqliteConversationSettings(db);
    this.blocks = new SqliteBlocks(db);
    this.mentions = new SqliteMentions(db);
    this.presence = new SqlitePresence(db);
  }

  async createUser(user: NewUser): Promise<boolean> {
    return this.sql.insertUser.run(user).changes === 1;
  }

  async getUser(id: string): Promise<User | null> {
    const row = this.sql.userById.get(id) as UserRow | undefined;
    return row ? userFromRow(row) : null;
  }

  async upsertExternalUser(input: ExternalUserInput): Promise<User | null> {
    return this.db.transaction(() => {
      const existing = this.sql.externalUserId.get(input.appId, input.subject) as { user_id: string } | undefined;
      let userId = existing?.user_id;
      if (userId) {
        this.sql.updateProfile.run(input.displayName, input.avatarUrl, userId);
      } else {
        const user = { ...input.newUser, displayName: input.displayName, avatarUrl: input.avatarUrl };
        if (this.sql.insertExternalUser.run(user).changes !== 1) return null;
        this.sql.insertExternalIdentity.run(input.appId, input.subject, user.id, user.createdAt);
        userId = user.id;
      }
      return userFromRow(this.sql.userById.get(userId) as UserRow);
    }).immediate();
  }

  async findUserByUsername(username: string): Promise<UserRecord | null> {
    const row = this.sql.userByUsername.get(username) as (UserRow & { password_hash: string; created_at: number }) | undefined;
    return row ? { ...userFromRow(row), passwordHash: row.password_hash, createdAt: row.created_at } : null;
  }

  async searchUsers(query: string, excludeId: string, limit: number): Promise<User[]> {
    const escaped = likeEscape(query);
    const rows = this.sql.searchUsers.all({ excludeId, contains: `%${escaped}%`, prefix: `${escaped}%`, limit }) as UserRow[];
    return rows.map(userFromRow);
  }

  async getFriendship(userId: string, friendId: string): Promise<FriendshipRecord | null> {
    const row = this.sql.friendship.get(userId, friendId) as { conversation_id: string; created_at: number } | undefined;
    return row ? { conversationId: row.conversation_id, since: row.created_at } : null;
  }

  async listFriends(userId: string): Promise<Friend[]> {
    const rows = this.sql.friendsOf.all(userId) as (UserRow & { conversation_id: string; since: number })[];
    return rows.map((row) => ({ user: userFromRow(row), conversationId: row.conversation_id, since: row.since }));
  }

  async makeFriends(userA: string, userB: string, now: number, newConversationId: string): Promise<string> {
    return this.db.transaction(() => this.befriend(userA, userB, now, newConversationId)).immediate();
  }

  /** Both friendship rows and the pair's direct conversation; call inside a transaction. */
  private befriend(userA: string, userB: string, now: number, newConversationId: string): string {
    const conversationId = this.directConversation(userA, userB, now, newConversationId);
    for (const [userId, friendId] of [[userA, userB], [userB, userA]] as const) {
      this.sql.insertFriendship.run(userId, friendId, conversationId, now);
    }
    return conversationId;
  }

  async removeFriendship(userId: string, friendId: string): Promise<string | null> {
    return this.db.transaction(() => {
      const row = this.sql.deleteFriendship.get(userId, friendId) as { conversation_id: string } | undefined;
      this.sql.deleteFriendship.run(friendId, userId);
      return row?.conversation_id ?? null;
    }).immediate();
  }

  async createFriendRequest(request: NewFriendRequest): Promise<FriendRequest | null> {
    try {
      this.sql.insertRequest.run(request);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
    return this.getRequest(request.id);
  }

  async requestFriendship(request: NewFriendRequest, newConversationId: string): Promise<FriendshipRequestResult> {
    try {
      return this.db.transaction((): FriendshipRequestResult => {
        if (this.sql.friendship.get(request.fromId, request.toId)) return { outcome: 'friends' };
        const reverse = this.sql.pendingRequest.get(request.toId, request.fromId) as RequestRow | undefined;
        if (reverse) {
          this.sql.settleRequest.run({ id: reverse.id, status: 'accepted', now: request.createdAt });
          const conversationId = this.befriend(request.fromId, request.toId, request.createdAt, newConversationId);
          return { outcome: 'accepted', request: requestFromRow(this.sql.requestById.get(reverse.id) as RequestRow), conversationId };
        }
        this.sql.insertRequest.run(request);
        return { outcome: 'created', request: requestFromRow(this.sql.requestById.get(request.id) as RequestRow) };
      }).immediate();
    } catch (error) {
      // The unique pending index (either direction) refused a second pending request.
      if (isUniqueViolation(error)) return { outcome: 'pending' };
      throw error;
    }
  }

  async getRequest(id: string): Promise<FriendRequest | null> {
    const row = this.sql.requestById.get(id) as RequestRow | undefined;
    return row ? requestFromRow(row) : null;
  }

  async findPendingRequest(fromId: string, toId: string): Promise<FriendRequest | null> {
    const row = this.sql.pendingRequest.get(fromId, toId) as RequestRow | undefined;
    return row ? requestFromRow(row) : null;
  }

  async listRequests(userId: string): Promise<FriendRequest[]> {
    return (this.sql.requestsOf.all({ userId }) as RequestRow[]).map(requestFromRow);
  }

  async settleRequest(id: string, status: 'rejected' | 'cancelled', now: number): Promise<FriendRequest | null> {
    if (this.sql.settleRequest.run({ id, status, now }).changes !== 1) return null;
    return this.getRequest(id);
  }

  async acceptFriendRequest(id: string, now: number, newConversationId: string) {
    return this.db.transaction(() => {
      if (this.sql.settleRequest.run({ id, status: 'accepted', now }).changes !== 1) return null;
      const request = requestFromRow(this.sql.requestById.get(id) as RequestRow);
      const conversationId = this.befriend(request.from.id, request.to.id, now, newConversationId);
      return { request, conversationId };
    }).immediate();
  }

  async getConversation(id: string): Promise<ConversationRecord | null> {
    const row = this.sql.conversation.get(id) as { id: string; kind: 'direct' | 'group'; last_seq: number } | undefined;
    if (!row) return null;
    return { id: row.id, kind: row.kind, lastSeq: row.last_seq, memberIds: (this.sql.memberIds.all(id) as { user_id: string }[]).map((member) => member.user_id) };
  }

  async getSendContext(userId: string, conversationId: string): Promise<SendContext | null> {
    const row = this.sql.sendContext.get({ userId, conversationId }) as SendContextRow | undefined;
    return row ? sendContextFromRow(row) : null;
  }

  async getConversationView(userId: string, conversationId: string): Promise<DirectConversation | null> {
    const row = this.sql.conversationView.get(userId, conversationId) as ConversationViewRow | undefined;
    return row ? conversationFromRow(row) : null;
  }

  async listConversationViews(userId: string): Promise<DirectConversation[]> {
    return (this.sql.conversationViews.all(userId) as ConversationViewRow[]).map(conversationFromRow);
  }

  async listMemberConversationViews(userId: string): Promise<DirectConversation[]> {
    return (this.sql.memberConversationViews.all(userId) as ConversationViewRow[]).map(conversationFromRow);
  }

  async openDirectConversation(userA: string, userB: string, now: number, newConversationId: string): Promise<string> {
    return this.db.transaction(() => this.directConversation(userA, userB, now, newConversationId)).immediate();
  }

  /** The pair's direct conversation (created when missing) with both as members; call inside a transaction. */
  private directConversation(userA: string, userB: string, now: number, newConversationId: string): string {
    const directKey = [userA, userB].sort().join(':');
    this.sql.insertDirectConversation.run(newConversationId, directKey, now);
    const { id: conversationId } = this.sql.conversationIdByDirectKey.get(directKey) as { id: string };
    for (const userId of [userA, userB]) this.sql.insertMember.run(conversationId, userId);
    return conversationId;
  }

  async appendMessage(message: NewMessage): Promise<AppendResult> {
    // Messages are the steady writes: from the first one on, checkpoints run beside the event loop.
    this.checkpointer ??= startCheckpointer(this.db);
    return this.appends.append(message);
  }

  /** One message in a transaction of its own (the group commit's fallback). */
  private writeMessageAlone(message: NewMessage): AppendResult {
    try {
      return this.writeBatch.immediate([message])[0] as AppendResult;
    } catch (error) {
      // Another writer stored the same (sender, clientMsgId) first: answer with its message.
      const earlier = isUniqueViolation(error) ? findByClientId(this.sql, message) : null;
      if (earlier) return earlier;
      throw error;
    }
  }

  async listMessages(conversationId: string, range: HistoryRange): Promise<HistoryPage> {
    const ascending = range.after !== undefined;
    const rows = (
      ascending
        ? this.sql.messagesAfter.all(conversationId, range.after, range.limit + 1)
        : this.sql.messagesBefore.all(conversationId, range.before ?? Number.MAX_SAFE_INTEGER, range.limit + 1)
    ) as MessageRow[];
    const hasMore = rows.length > range.limit;
    const page = rows.slice(0, range.limit).map(messageFromRow);
    return { messages: ascending ? page : page.reverse(), hasMore };
  }

  async createFile(file: FileRecord): Promise<void> {
    this.files.create(file);
  }

  async getFile(id: string): Promise<FileRecord | null> {
    return this.files.get(id);
  }

  async isFileSharedWith(fileId: string, userId: string): Promise<boolean> {
    return this.files.isSharedWith(fileId, userId);
  }

  async advanceReadCursor(conversationId: string, userId: string, seq: number): Promise<ReadCursorResult | null> {
    return this.db.transaction(() => {
      const row = this.sql.readCursor.get(conversationId, userId) as { read_seq: number; last_seq: number; kept_seqs: string } | undefined;
      if (!row) return null;
      const cursor = readCursorAfter(row.read_seq, row.last_seq, seq, JSON.parse(row.kept_seqs) as number[]);
      if (cursor.moved) this.sql.raiseReadCursor.run(cursor.readSeq, conversationId, userId);
      return cursor;
    }).immediate();
  }

  async getMessage(id: string): Promise<Message | null> {
    const row = this.sql.messageById.get(id) as MessageRow | undefined;
    return row ? messageFromRow(row) : null;
  }

  async updateMessageContent(id: string, content: Message['content'], flushedAt?: number): Promise<Message | null> {
    if (this.sql.updateMessageContent.run(storedContent(content, flushedAt), id).changes !== 1) return null;
    return this.getMessage(id);
  }

  async updateStreamingReply(id: string, content: Message['content'], flushedAt?: number): Promise<Message | null> {
    if (this.sql.updateStreamingReply.run(storedContent(content, flushedAt), id).changes !== 1) return null;
    return this.getMessage(id);
  }

  async endStreamingReplies(error: { code: AiErrorCode; message: string }, flushedBefore: number): Promise<Message[]> {
    return (this.sql.endStreamingReplies.all(JSON.stringify(error), flushedBefore) as MessageRow[]).map(messageFromRow);
  }

  async updateUserProfile(id: string, profile: { displayName: string; avatarUrl: string | null }): Promise<void> {
    this.sql.updateUserProfile.run(profile.displayName, profile.avatarUrl, id);
  }

  async ping(): Promise<void> {
    this.sql.ping.get();
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.appends.flush();
    this.searchIndexer.close();
    await this.checkpointer?.close();
    this.db.close();
  }
}

/** Opens the SQLite file (WAL, foreign keys, migrations) and returns the store over it. */
export function openSqliteStore(file: string): SqliteStore {
  return new SqliteStore(openDatabase(file).db);
}
