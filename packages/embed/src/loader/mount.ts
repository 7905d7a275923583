import { createPortChannel, type PortChannel } from '../channel.js';
import {
  EMBED_PROTOCOL_VERSION,
  isMessageOfType,
  type EmbedError,
  type EmbedEvents,
  type EmbedTheme,
  type FrameOptions,
  type HostEvents,
} from '../protocol.js';
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
  /**
   * How long a call to the widget may take before it fails with TIMEOUT, in ms; also how long the
   * widget may take to start: without a handshake by then (the page's origin is not allowed, the
   * server is down) the widget emits `error` with code HANDSHAKE_TIMEOUT and waiting calls fail with TIMEOUT.
   * @default 10000
   */
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

/** Why a widget may never answer: the frame was refused (frame-ancestors) or the server is unreachable. */
function handshakeTimeoutMessage(server: string, timeoutMs: number): string {
  return (
    `The chat widget did not start within ${timeoutMs} ms. Most likely this page's origin (${location.origin}) ` +
    `is not in CONFAB_EMBED_ORIGINS of the Confab server at ${server}, so the browser refused to show it; ` +
    'otherwise the server is unreachable.'
  );
}

/**
 * Mounts the widget: an iframe of `<server>/embed/`, inline in `target` or as a popup. Only messages
 * from that iframe's window and the server's origin are accepted; replies name the server's origin.
 * @example
 * const widget = Confab.mount({ server: 'https://chat.example', getToken: () => fetch('/confab-token').then((r) => r.text()) });
 */
export function mount(options: MountOptions): ConfabWidget {
  const timeoutMs = options.timeoutMs ?? 10_000;
  let handshakeTimer: ReturnType<typeof setTimeout> | undefined;
  const server = new URL(options.server, location.href);
  const iframe = document.createElement('iframe');
  iframe.src = new URL(`/embed/#origin=${encodeURIComponent(location.origin)}`, server).href;
  iframe.title = 'Chat';
  iframe.style.cssText = 'display:block;width:100%;height:100%;border:0';
  const handlers = new Map<string, Set<Handler>>();
  const emit = (event: string, payload: unknown) => handlers.get(event)?.forEach((handler) => handler(payload as never));
  let channel: PortChannel | undefined;
  let connected: (channel: PortChannel) => void;
  let ready = new Promise<PortChannel>((resolve, reject) => {
    connected = resolve;
    handshakeTimer = setTimeout(() => {
      const message = handshakeTimeoutMessage(server.origin, timeoutMs);
      emit('error', { code: 'HANDSHAKE_TIMEOUT', message });
      reject({ code: 'TIMEOUT', message } satisfies EmbedError);
    }, timeoutMs);
  });
  ready.catch(() => undefined);
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
      timeoutMs,
    );
    const { theme, locale, conversation } = options;
    frame.postMessage({ type: 'confab:welcome', v: EMBED_PROTOCOL_VERSION, options: { theme, locale, conversation, visible: shown } }, server.origin, [port2]);
    clearTimeout(handshakeTimer);
    connected(channel);
    // A frame that answers after the timeout still connects: later calls go through.
    ready = Promise.resolve(channel);
  };
  addEventListener('message', onMessage);

  const call = <T>(method: string, ...params: unknown[]) => ready.then(() => (channel as PortChannel).request<T>(method, ...params));
  const setShown = (next: boolean) => {
    if (next === shown) return;
    shown = next;
    if (popup) popup.setOpen(next);
    else iframe.style.display = next ? 'block' : 'none';
    channel?.emit('visibility', { visible: next } satisfies HostEvents['visibility']);
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
      clearTimeout(handshakeTimer);
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
