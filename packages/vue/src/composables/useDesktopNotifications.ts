import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';
import { messagePreview } from '@confab/core';
import { mentionsUser, type Message } from '@confab/protocol';
import { useChatClient } from '../plugin.js';
import { titleOf } from '../utils/conversation.js';

/** What the browser's `Notification.permission` says, or `unsupported` where there is no Notification API. */
export type NotificationPermissionState = 'default' | 'granted' | 'denied' | 'unsupported';

/** The part of a shown notification used here. */
export interface ShownNotification {
  onclick: ((event: unknown) => void) | null;
  close(): void;
}

/** The part of the browser's `Notification` class used here (tests pass a fake). */
export interface NotificationApi {
  readonly permission: 'default' | 'granted' | 'denied';
  requestPermission(): Promise<'default' | 'granted' | 'denied'>;
  new (title: string, options: { body: string; tag: string }): ShownNotification;
}

export interface DesktopNotificationOptions {
  /** Opens a conversation (a notification was clicked). */
  open: (conversationId: string) => void;
  /** Conversations that notify nothing but mentions of the user (muted by the user). @default () => false */
  isMuted?: (conversationId: string) => boolean;
  /** @default globalThis.Notification (absent during SSR and in browsers without it) */
  notifications?: NotificationApi;
  /** Whether the page is hidden now. @default () => document.hidden (false without a document) */
  isHidden?: () => boolean;
  /** Brings the tab to the front. @default () => window.focus() */
  focus?: () => void;
}

/**
 * Desktop notifications of messages from others that arrive while the tab is hidden: the sender (or the
 * group) as the title, the core's plain-text `messagePreview` as the body, one per conversation (`tag`:
 * a newer one replaces it); a click focuses the tab and opens the conversation. Muted conversations stay
 * silent, except for a message that mentions the user (by name or `@all`). Browsers grant the permission only from a user gesture: call `requestPermission` from a click.
 * @example const { permission, requestPermission } = useDesktopNotifications({ open: store.selectConversation })
 */
export function useDesktopNotifications(options: DesktopNotificationOptions): {
  permission: Ref<NotificationPermissionState>;
  requestPermission: () => Promise<NotificationPermissionState>;
} {
  const client = useChatClient();
  const api = options.notifications ?? (globalThis as { Notification?: NotificationApi }).Notification;
  const isMuted = options.isMuted ?? (() => false);
  const isHidden = options.isHidden ?? (() => globalThis.document?.hidden === true);
  const focus = options.focus ?? (() => globalThis.window?.focus());
  const permission = ref<NotificationPermissionState>(api ? api.permission : 'unsupported');

  async function requestPermission(): Promise<NotificationPermissionState> {
    if (api) permission.value = await api.requestPermission();
    return permission.value;
  }

  function notify(message: Message): void {
    if (!api || api.permission !== 'granted' || !isHidden()) return;
    const meId = client.getState().me?.id;
    if (isMuted(message.conversationId) && !(meId && mentionsUser(message, meId))) return;
    const conversation = client.getState().conversations.list.find((entry) => entry.id === message.conversationId);
    if (!conversation) return;
    const shown = new api(titleOf(conversation), { body: messagePreview(message), tag: message.conversationId });
    shown.onclick = () => {
      focus();
      options.open(message.conversationId);
      shown.close();
    };
  }

  const unsubscribe = client.on('message', notify);
  if (getCurrentScope()) onScopeDispose(unsubscribe);
  return { permission, requestPermission };
}
