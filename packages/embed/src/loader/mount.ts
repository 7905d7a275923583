import { createPortChannel, type PortChannel } from '../channel.js';
import { EMBED_PROTOCOL_VERSION, isMessageOfType, type EmbedEvents, type EmbedTheme, type FrameOptions } from '../protocol.js';
import { createPopup } from './popup.js';

export interface MountOptions extends FrameOptions {
  /**
   * Base URL of the Confab server; the widget page is `<server>/embed/`.
   * @example 'https://chat.example'
   */
  server: string;
  /** Inline mode: the element, or a CSS selector of it, that the widget fills. Without it: popup mode. */
  target?: HTMLElement | string;
  /** Returns a fresh identity token signed by the host's backend; called at start and whenever the session must be renewed. */
  getToken: () => string | Promise<string>;
  /** How long a call to the widget may take before it fails with TIMEOUT, in ms. @default 10000 */
  timeoutMs?: number;
  /** Called with the widget right after mounting (handy with the queued snippet, where `mount` returns nothing). */
  onMount?: (widget: ConfabWidget) => void;
}

/** A mounted widget. Every method may be called before the handshake; calls wait for it. */
export interface ConfabWidget {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends keyof EmbedEvents>(event: E, handler: (payload: EmbedEvents[E]) => void): () => void;
  /** Opens (or creates) the direct conversation with a user id and shows the widget. */
  openConversation(userId: string): Promise<{ conversationId: string }>;
  /** Groups do not exist yet: always rejects with NOT_FOUND. */
  openGroup(groupId: string): Promise<never>;
  show(): void;
  hide(): void;
  toggle(): void;
  setTheme(theme: EmbedTheme): Promise<void>;
  /** Stored and set as the page language; translations arrive with the i18n work. */
  setLocale(locale: string): Promise<void>;
  /** Signs the visitor out of the widget and forgets its session. */
  logout(): Promise<void>;
  /** Removes the widget and stops listening. */
  destroy(): void;
}

type Handler = (payload: never) => void;

/**
 * Mounts the widget: an iframe of `<server>/embed/`, inline in `target` or as a popup. Only messages
 * from that iframe's window and the server's origin are accepted; replies name the server's origin.
 * @example
 * const widget = Confab.mount({ server: 'https://chat.example', getToken: () => fetch('/confab-token').then((r) => r.text()) });
 */
export function mount(options: MountOptions): ConfabWidget {
  const server = new URL(options.server, location.href);
  const iframe = document.createElement('iframe');
  iframe.src = new URL(`/embed/#origin=${encodeURIComponent(location.origin)}`, server).href;
  iframe.title = 'Chat';
  iframe.style.cssText = 'display:block;width:100%;height:100%;border:0';
  const handlers = new Map<string, Set<Handler>>();
  const emit = (event: string, payload: unknown) => handlers.get(event)?.forEach((handler) => handler(payload as never));
  let channel: PortChannel | undefined;
  let connected: (channel: PortChannel) => void;
  const ready = new Promise<PortChannel>((resolve) => (connected = resolve));
  const target = typeof options.target === 'string' ? document.querySelector<HTMLElement>(options.target) : options.target;
  const popup = target ? null : createPopup(iframe, () => widget.toggle());
  let shown = !popup;
  target?.append(iframe);

  const onMessage = (event: MessageEvent) => {
    const frame = iframe.contentWindow;
    if (!frame || event.source !== frame || event.origin !== server.origin || !isMessageOfType(event.data, 'confab:hello')) return;
    channel?.close();
    const { port1, port2 } = new MessageChannel();
    channel = createPortChannel(
      port1,
      { getToken: () => options.getToken() },
      (name, payload) => {
        if (name === 'unread') popup?.setUnread((payload as EmbedEvents['unread']).total);
        emit(name, payload);
      },
      options.timeoutMs,
    );
    const { theme, locale, conversation } = options;
    frame.postMessage({ type: 'confab:welcome', v: EMBED_PROTOCOL_VERSION, options: { theme, locale, conversation } }, server.origin, [port2]);
    connected(channel);
  };
  addEventListener('message', onMessage);

  const call = <T>(method: string, ...params: unknown[]) => ready.then(() => (channel as PortChannel).request<T>(method, ...params));
  const setShown = (next: boolean) => {
    if (next === shown) return;
    shown = next;
    if (popup) popup.setOpen(next);
    else iframe.style.display = next ? 'block' : 'none';
    emit(next ? 'open' : 'close', {});
  };

  const widget: ConfabWidget = {
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set.add(handler as Handler));
      return () => void set.delete(handler as Handler);
    },
    openConversation(userId) {
      setShown(true);
      return call('openConversation', userId);
    },
    openGroup: (groupId) => call('openGroup', groupId),
    show: () => setShown(true),
    hide: () => setShown(false),
    toggle: () => setShown(!shown),
    setTheme: (theme) => call('setTheme', theme),
    setLocale: (locale) => call('setLocale', locale),
    logout: () => call('logout'),
    destroy() {
      removeEventListener('message', onMessage);
      channel?.close();
      iframe.remove();
      popup?.remove();
      handlers.clear();
    },
  };
  options.onMount?.(widget);
  return widget;
}
