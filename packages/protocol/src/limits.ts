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
  historyPageDefault: 50,
  historyPageMax: 100,
  /** Most cursors in one `sync` payload. */
  syncCursorsMax: 1000,
  /** Largest JSON body or socket frame accepted, in bytes. Larger frames close the socket at the transport. */
  maxPayloadBytes: 2_000_000,
} as const;
