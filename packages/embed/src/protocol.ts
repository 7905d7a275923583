/**
 * The host <-> frame protocol. Two window messages make the handshake (`confab:hello` from the frame,
 * `confab:welcome` from the host with a MessagePort); everything after goes over that port.
 * Every message is namespaced (`confab:`) and versioned (`v`).
 */

/** Version of the host <-> frame protocol; both sides refuse other versions. */
export const EMBED_PROTOCOL_VERSION = 1;

/** Colour scheme of the widget. `auto` follows the visitor's system setting. */
export type EmbedTheme = 'light' | 'dark' | 'auto';

/** What the host sends with the handshake. */
export interface FrameOptions {
  theme?: EmbedTheme;
  locale?: string;
  /** A user id whose direct conversation opens once the widget is signed in. */
  conversation?: string;
  /** Whether the widget is on screen at the handshake (a popup starts closed); later changes come as `visibility` events. */
  visible?: boolean;
}

/** Events the host sends to the frame. */
export interface HostEvents {
  /** The widget was shown or hidden (`show()`, `hide()`, the launcher): the frame marks messages read only while shown. */
  visibility: { visible: boolean };
}

/** An error answered through the protocol. `code` is a Confab error code or TIMEOUT / DESTROYED. */
export interface EmbedError {
  code: string;
  message: string;
}

/** A short summary of an incoming message, for the host's own notifications. */
export interface MessageSummary {
  conversationId: string;
  senderName: string;
  /** The first 100 characters of the text. */
  preview: string;
}

/** Events the widget sends to the host (`Confab.mount(...).on(name, handler)`). */
export interface EmbedEvents {
  /** Handshake done and the visitor signed in. */
  ready: { userId: string };
  /** The total of unread messages, as the server counts them. */
  unread: { total: number };
  message: MessageSummary;
  /** The widget was shown (popup opened). */
  open: Record<string, never>;
  /** The widget was hidden (popup closed). */
  close: Record<string, never>;
  error: EmbedError;
  /** The height of the widget's content, in CSS pixels. */
  resize: { height: number };
}

/** Methods the frame answers for the host. */
export interface FrameMethods {
  openConversation(userId: string): { conversationId: string };
  openGroup(groupId: string): never;
  setTheme(theme: EmbedTheme): void;
  setLocale(locale: string): void;
  logout(): void;
}

/** Methods the host answers for the frame. */
export interface HostMethods {
  /** A fresh host identity token from the host's `getToken`. */
  getToken(): string;
}

export type EmbedMessage =
  | { type: 'confab:hello'; v: number }
  | { type: 'confab:welcome'; v: number; options: FrameOptions }
  | { type: 'confab:request'; v: number; id: number; method: string; params: unknown[] }
  | { type: 'confab:response'; v: number; id: number; result?: unknown; error?: EmbedError }
  | { type: 'confab:event'; v: number; event: string; payload: unknown };

/** A protocol message of this version, of one of the known types. */
export function isEmbedMessage(data: unknown): data is EmbedMessage {
  const message = data as { type?: unknown; v?: unknown } | null;
  return (
    typeof message === 'object' && message !== null && message.v === EMBED_PROTOCOL_VERSION &&
    ['confab:hello', 'confab:welcome', 'confab:request', 'confab:response', 'confab:event'].includes(message.type as string)
  );
}

/** `isEmbedMessage` of one type. */
export function isMessageOfType<T extends EmbedMessage['type']>(data: unknown, type: T): data is Extract<EmbedMessage, { type: T }> {
  return isEmbedMessage(data) && data.type === type;
}
