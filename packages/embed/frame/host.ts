import { EMBED_PROTOCOL_VERSION, isMessageOfType, type FrameOptions } from '../src/protocol.js';

/** The `<meta>` the server injects with the origins allowed to embed this page (space-separated). */
const ORIGINS_META = 'confab-embed-origins';

/**
 * The parent origin the frame may talk to: the one the loader names in `#origin=`, if the server allows
 * it (none configured: this page's own origin only) and the browser's ancestor origin agrees. Else null.
 */
export function allowedParentOrigin(doc: Document = document, loc: Location = location): string | null {
  const listed = (doc.querySelector(`meta[name="${ORIGINS_META}"]`)?.getAttribute('content') ?? '').split(' ').filter(Boolean);
  const allowed = listed.length > 0 ? listed : [loc.origin];
  const claimed = new URLSearchParams(loc.hash.slice(1)).get('origin');
  const ancestor = loc.ancestorOrigins?.[0];
  if (!claimed || !allowed.includes(claimed) || (ancestor !== undefined && ancestor !== claimed)) return null;
  return claimed;
}

/**
 * The handshake: `confab:hello` to the parent at `parentOrigin` (never `*`), then waits for its
 * `confab:welcome` with a port, accepted only from the parent window and that origin, once.
 */
export function connectToHost(parentOrigin: string): Promise<{ port: MessagePort; options: FrameOptions }> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const port = event.ports[0];
      if (event.source !== window.parent || event.origin !== parentOrigin || !port || !isMessageOfType(event.data, 'confab:welcome')) return;
      removeEventListener('message', onMessage);
      resolve({ port, options: event.data.options ?? {} });
    };
    addEventListener('message', onMessage);
    window.parent.postMessage({ type: 'confab:hello', v: EMBED_PROTOCOL_VERSION }, parentOrigin);
  });
}
