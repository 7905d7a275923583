/**
 * Limits enforced by the server and checked early by clients. Text lengths count Unicode code
 * points (see `textLength`), as JSON Schema's `maxLength` does.
 */
export const LIMITS = {
  /** Longest text message, in code points. */
  textMaxLength: 4000,
  /** Longest note on a friend request. */
  requestNoteMaxLength: 200,
  usernameMinLength: 3,
  usernameMaxLength: 32,
  /** Usernames: letters, digits, `_`, `.` and `-`, starting with a letter or digit. */
  usernamePattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
  displayNameMaxLength: 64,
  passwordMinLength: 8,
  passwordMaxLength: 128,
  clientMsgIdMaxLength: 64,
  idMaxLength: 64,
  searchQueryMaxLength: 64,
  searchResultsMax: 20,
  /** Longest message search query, in code points. */
  messageSearchQueryMaxLength: 100,
  /** Message search results per page unless `limit` asks otherwise. */
  messageSearchResultsDefault: 20,
  /** Most message search results in one answer. */
  messageSearchResultsMax: 50,
  historyPageDefault: 50,
  historyPageMax: 100,
  /** Most cursors in one `sync` payload. */
  syncCursorsMax: 1000,
  /** Largest JSON body or socket frame accepted, in bytes. Larger frames close the socket at the transport. */
  maxPayloadBytes: 2_000_000,
  /** Largest uploaded file by default, in bytes (the server may be configured otherwise). */
  fileMaxBytes: 20 * 1024 * 1024,
  /** Files per `POST /files` request. */
  filesPerUpload: 1,
  /** Longest stored file name, in UTF-16 code units (longer names are cut). */
  fileNameMaxLength: 255,
  /** Image types shown inline; everything else is served as an attachment. Never SVG. */
  inlineImageTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
  /** Lifetime of a signed file URL, in seconds. */
  fileUrlTtlSeconds: 3600,
  /** Longest group name, in code points. */
  groupNameMaxLength: 64,
  /** Longest group description, in code points. */
  groupDescriptionMaxLength: 500,
  /** Most initial members in `POST /groups` (besides the owner). */
  groupInitialMembersMax: 100,
  /** Longest avatar URL (http or https). */
  avatarUrlMaxLength: 2048,
  /** How long after sending a message its sender may recall it, in ms, unless the server is configured otherwise. */
  recallWindowMs: 2 * 60 * 1000,
  /** How long after sending a text its sender may edit it, in ms, unless the server is configured otherwise. */
  editWindowMs: 15 * 60 * 1000,
  /** Most members one message may mention by id (`@all` aside). */
  mentionsMax: 20,
  /** Most unread mention seqs a conversation carries (`mentionSeqs`, the newest). */
  mentionSeqsMax: 99,
  /** A client sends `typing` at most once per this many ms while the user keeps typing. */
  typingThrottleMs: 3000,
  /** A `typing` shows for this many ms unless another comes (or the typist's message arrives). */
  typingExpiresMs: 6000,
} as const;
