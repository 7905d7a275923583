/**
 * TypeBox schemas for every REST body, query and params object and every socket payload.
 * One schema library for both: REST routes use them through the Fastify validator compiler,
 * socket handlers through {@link compileValidator}; both map failures the same way.
 */
import { LIMITS, REACTION_EMOJI } from '@confab/protocol';
import { Type, type Static } from 'typebox';

const strict = { additionalProperties: false } as const;

export const Id = Type.String({ minLength: 1, maxLength: LIMITS.idMaxLength });
/** Sequence numbers, cursors and times stay within exact integers; anything larger is a corrupt value. */
const MAX_INTEGER = Number.MAX_SAFE_INTEGER;
const Seq = Type.Integer({ minimum: 0, maximum: MAX_INTEGER });

export const RegisterBodySchema = Type.Object(
  {
    username: Type.String({ minLength: LIMITS.usernameMinLength, maxLength: LIMITS.usernameMaxLength, pattern: LIMITS.usernamePattern }),
    password: Type.String({ minLength: LIMITS.passwordMinLength, maxLength: LIMITS.passwordMaxLength }),
    displayName: Type.Optional(Type.String({ maxLength: LIMITS.displayNameMaxLength })),
  },
  strict,
);

export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: LIMITS.usernameMaxLength }),
    password: Type.String({ minLength: 1, maxLength: LIMITS.passwordMaxLength }),
  },
  strict,
);

/** `POST /auth/exchange`: a host-signed identity token (a JWT, checked by the accounts service). */
export const ExchangeBodySchema = Type.Object({ token: Type.String({ minLength: 1, maxLength: 4096 }) }, strict);

/** `POST /conversations`: open (or get) the direct conversation with a user. */
export const OpenConversationBodySchema = Type.Object({ kind: Type.Literal('direct'), userId: Id }, strict);

export const UsersQuerySchema = Type.Object({ query: Type.String({ maxLength: LIMITS.searchQueryMaxLength }) }, strict);

export const IdParamsSchema = Type.Object({ id: Id }, strict);
export const UserIdParamsSchema = Type.Object({ userId: Id }, strict);
/** `POST /blocks`. */
export const BlockBodySchema = UserIdParamsSchema;

const Note = Type.Optional(Type.String({ maxLength: LIMITS.requestNoteMaxLength }));
const CreateFriendRequestSchema = Type.Object({ kind: Type.Literal('friend'), targetId: Id, note: Note }, strict);
const CreateGroupRequestSchema = Type.Object({ kind: Type.Literal('group'), groupId: Id, note: Note }, strict);
export const CreateRequestBodySchema = Type.Union([CreateFriendRequestSchema, CreateGroupRequestSchema]);

const JoinPolicySchema = Type.Union([Type.Literal('open'), Type.Literal('approval'), Type.Literal('invite')]);
const groupFields = {
  name: Type.String({ minLength: 1, maxLength: LIMITS.groupNameMaxLength }),
  description: Type.Optional(Type.String({ maxLength: LIMITS.groupDescriptionMaxLength })),
  avatarUrl: Type.Optional(Type.Union([Type.String({ maxLength: LIMITS.avatarUrlMaxLength, pattern: '^https?://' }), Type.Null()])),
  joinPolicy: Type.Optional(JoinPolicySchema),
};

/** `POST /groups`. */
export const CreateGroupBodySchema = Type.Object(
  { ...groupFields, memberIds: Type.Optional(Type.Array(Id, { maxItems: LIMITS.groupInitialMembersMax })) },
  strict,
);

/** `PATCH /groups/:id`: at least one field. */
export const UpdateGroupBodySchema = Type.Object({ ...groupFields, name: Type.Optional(groupFields.name) }, { ...strict, minProperties: 1 });

export const GroupsQuerySchema = UsersQuerySchema;
export const MemberParamsSchema = Type.Object({ id: Id, userId: Id }, strict);
export const AddMemberBodySchema = Type.Object({ userId: Id }, strict);
export const SetRoleBodySchema = Type.Object({ role: Type.Union([Type.Literal('admin'), Type.Literal('member')]) }, strict);

export const HistoryQuerySchema = Type.Object(
  {
    before: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_INTEGER })),
    after: Type.Optional(Seq),
    around: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_INTEGER })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.historyPageMax })),
    presence: Type.Optional(Type.Boolean()),
  },
  strict,
);

export const MessageSearchQuerySchema = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: LIMITS.messageSearchQueryMaxLength }),
    conversationId: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.messageSearchResultsMax })),
  },
  strict,
);

export const ReadBodySchema = Type.Object({ seq: Seq }, strict);

const TextContentSchema = Type.Object({ text: Type.String({ minLength: 1, maxLength: LIMITS.textMaxLength }) }, strict);
const FileSendContentSchema = Type.Object({ fileId: Id }, strict);
const sendFields = {
  clientMsgId: Type.String({ minLength: 1, maxLength: LIMITS.clientMsgIdMaxLength }),
  type: Type.Union([Type.Literal('text'), Type.Literal('image'), Type.Literal('file')]),
  // Which content goes with which type is checked by the messaging service.
  content: Type.Union([TextContentSchema, FileSendContentSchema]),
};

/** Who a text mentions; members and the right to `@all` are checked by the messaging service. */
const MentionsSchema = Type.Object({ userIds: Type.Array(Id, { maxItems: LIMITS.mentionsMax }), all: Type.Optional(Type.Boolean()) }, strict);

/** `message:send`. Exactly one of `conversationId` or `to` (checked by the messaging service); `replyTo` and `mentions` for texts only. */
export const SendMessagePayloadSchema = Type.Object(
  { ...sendFields, conversationId: Type.Optional(Id), to: Type.Optional(Id), replyTo: Type.Optional(Id), mentions: Type.Optional(MentionsSchema) },
  strict,
);

/** Query of a signed file URL. */
export const SignedFileQuerySchema = Type.Object(
  { exp: Type.Integer({ minimum: 0, maximum: MAX_INTEGER }), sig: Type.String({ minLength: 1, maxLength: 128 }) },
  strict,
);

export const ReadPayloadSchema = Type.Object({ conversationId: Id, seq: Seq }, strict);

const SyncCursorSchema = Type.Object(
  { conversationId: Id, seq: Seq, readSeq: Type.Optional(Seq), peerReadSeq: Type.Optional(Seq), changeSeq: Type.Optional(Seq) },
  strict,
);

export const SyncPayloadSchema = Type.Object(
  {
    cursors: Type.Array(SyncCursorSchema, { maxItems: LIMITS.syncCursorsMax }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.historyPageMax })),
    presence: Type.Optional(Type.Boolean()),
  },
  strict,
);

/** `ai:stop` and `ai:retry`. */
export const AiReplyPayloadSchema = Type.Object({ messageId: Id }, strict);

/** `message:recall` and `message:hide`. */
export const MessageIdPayloadSchema = Type.Object({ messageId: Id }, strict);

/** `message:edit`: the new text, with the limits of a sent text. */
export const EditPayloadSchema = Type.Object({ messageId: Id, text: TextContentSchema.properties.text }, strict);

/** `message:react`: one of the fixed emoji, on or off. */
export const ReactPayloadSchema = Type.Object(
  { messageId: Id, emoji: Type.Union(REACTION_EMOJI.map((emoji) => Type.Literal(emoji))), on: Type.Boolean() },
  strict,
);

/** `conversation:settings`: the fields to change (the service asks for at least one). */
export const ConversationSettingsPayloadSchema = Type.Object(
  { conversationId: Id, pinned: Type.Optional(Type.Boolean()), muted: Type.Optional(Type.Boolean()), markedUnread: Type.Optional(Type.Boolean()), hidden: Type.Optional(Type.Boolean()) },
  strict,
);

/** `typing`: the conversation the caller types in. */
export const TypingPayloadSchema = Type.Object({ conversationId: Id }, strict);

/** `PATCH /me/presence`: the caller's presence privacy. */
export const PresenceSettingsBodySchema = Type.Object({ showPresence: Type.Boolean() }, strict);

export type RegisterInput = Static<typeof RegisterBodySchema>;
export type LoginInput = Static<typeof LoginBodySchema>;
export type CreateRequestInput = Static<typeof CreateRequestBodySchema>;
export type CreateFriendRequestInput = Static<typeof CreateFriendRequestSchema>;
export type CreateGroupInput = Static<typeof CreateGroupBodySchema>;
export type UpdateGroupInput = Static<typeof UpdateGroupBodySchema>;
export type HistoryInput = Static<typeof HistoryQuerySchema>;
export type MessageSearchInput = Static<typeof MessageSearchQuerySchema>;
export type SendMessageInput = Static<typeof SendMessagePayloadSchema>;
export type ReadInput = Static<typeof ReadPayloadSchema>;
export type ConversationSettingsInput = Static<typeof ConversationSettingsPayloadSchema>;
export type TypingInput = Static<typeof TypingPayloadSchema>;
export type SyncInput = Static<typeof SyncPayloadSchema>;
export type EditInput = Static<typeof EditPayloadSchema>;
