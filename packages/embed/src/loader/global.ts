import { EMBED_PROTOCOL_VERSION } from '../protocol.js';
import { mount, type ConfabWidget, type MountOptions } from './mount.js';

/** The `window.Confab` of the script-tag build. */
export interface ConfabGlobal {
  version: number;
  mount(options: MountOptions): ConfabWidget;
  /** Widgets mounted from the queue and from `data-confab-*` attributes. */
  widgets: ConfabWidget[];
}

type Queued = { q?: Array<[string, ArrayLike<unknown>]> };

/**
 * `data-confab-token-url` on the script tag: the host's same-origin endpoint answering `{ "token": "..." }`
 * (fetched with the visitor's cookies of the host's own site).
 */
function mountFromAttributes(script: HTMLScriptElement | null, widgets: ConfabWidget[]): void {
  const data = script?.dataset;
  if (!data?.confabTokenUrl) return;
  const tokenUrl = data.confabTokenUrl;
  widgets.push(
    mount({
      server: data.confabServer ?? new URL((script as HTMLScriptElement).src).origin,
      target: data.confabTarget,
      theme: data.confabTheme as MountOptions['theme'],
      locale: data.confabLocale,
      conversation: data.confabConversation,
      getToken: async () => {
        const response = await fetch(tokenUrl, { credentials: 'same-origin', headers: { accept: 'application/json' } });
        if (!response.ok) throw { code: 'UNAUTHORIZED', message: `${tokenUrl} answered ${response.status}` };
        return ((await response.json()) as { token: string }).token;
      },
    }),
  );
}

/** Installs `window.Confab`, runs the calls queued by the snippet, and mounts from data attributes. */
export function install(): ConfabGlobal {
  const existing = (window as { Confab?: Queued }).Confab;
  const widgets: ConfabWidget[] = [];
  const confab: ConfabGlobal = {
    version: EMBED_PROTOCOL_VERSION,
    widgets,
    mount(options) {
      const widget = mount(options);
      widgets.push(widget);
      return widget;
    },
  };
  (window as { Confab?: ConfabGlobal }).Confab = confab;
  for (const [name, args] of existing?.q ?? []) if (name === 'mount') confab.mount(args[0] as MountOptions);
  mountFromAttributes(document.currentScript as HTMLScriptElement | null, widgets);
  return confab;
}
