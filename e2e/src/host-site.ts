import { createServer, type Server } from 'node:http';
import { signHostToken } from '@confab/server';

/** The host application of the embed tests: its app id and the secret shared with the Confab server. */
export const HOST_APP = { appId: 'shop', secret: 'the-shop-secret-shared-with-confab-0123456789' };
export const HOST_ORIGIN = 'http://127.0.0.1:4001';
export const THIRD_ORIGIN = 'http://127.0.0.1:4002';

/** The host page: mounts the widget from `?server=` in `?mode=` (popup or inline) and records events in `window.hostLog`. */
function hostPage(server: string, mode: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop</title><style>body{margin:0;font:16px system-ui;background:#f4f1ea}header{padding:16px 24px;background:#3b2f2f;color:#fff}
main{padding:24px}#inline{width:420px;height:560px;border:1px solid #ccc}#third{width:200px;height:60px;border:1px dashed #999}</style></head>
<body><header>Shop — product page</header><main><p>A lovely second-hand bicycle, 120 €.</p><div id="inline"></div>
<iframe id="third" title="ad" src="${THIRD_ORIGIN}/ad.html"></iframe></main>
<script>
  window.Confab = window.Confab || { q: [], mount: function () { this.q.push(['mount', arguments]); } };
  window.hostLog = { events: [], tokenCalls: 0 };
  Confab.mount({
    server: ${JSON.stringify(server)},
    target: ${mode === 'inline' ? "'#inline'" : 'undefined'},
    getToken: async function () {
      hostLog.tokenCalls++;
      const response = await fetch('/token');
      return (await response.json()).token;
    },
    onMount: function (widget) {
      window.widget = widget;
      ['ready', 'unread', 'message', 'open', 'close', 'error', 'resize'].forEach(function (name) {
        widget.on(name, function (payload) { hostLog.events.push([name, payload]); });
      });
    },
  });
</script>
<script async src="${server}/embed.js"></script>
</body></html>`;
}

/** A host page with no script of its own: the widget mounts from the script tag's data attributes. */
function attributePage(server: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<style>#inline{width:420px;height:560px}</style></head><body><div id="inline"></div>
<script async src="${server}/embed.js" data-confab-token-url="/token" data-confab-target="#inline"></script>
</body></html>`;
}

/** A page of another site, framed by the host page, that forges messages to the host and to the widget. */
const THIRD_PAGE = `<!doctype html><html><body>ad<script>
  window.received = [];
  addEventListener('message', function (event) { received.push({ origin: event.origin, data: event.data }); });
  window.attack = function (bobToken) {
    const forged = [
      { type: 'confab:request', v: 1, id: 1, method: 'openUrl', params: ['https://evil.example/'] },
      { type: 'confab:request', v: 1, id: 2, method: 'setUser', params: ['bob', bobToken] },
      { type: 'confab:event', v: 1, event: 'open', payload: { url: 'https://evil.example/' } },
      { type: 'confab:response', v: 1, id: 1, result: bobToken },
      { type: 'confab:hello', v: 1 },
    ];
    const targets = [parent];
    for (let i = 0; i < parent.frames.length; i++) if (parent.frames[i] !== window) targets.push(parent.frames[i]);
    for (const target of targets) for (const message of forged) target.postMessage(message, '*');
    for (const target of targets) {
      const channel = new MessageChannel();
      channel.port1.onmessage = function (event) { received.push({ port: event.data }); };
      target.postMessage({ type: 'confab:welcome', v: 1, options: { conversation: 'bob' } }, '*', [channel.port2]);
    }
    return targets.length;
  };
</script></body></html>`;

export interface HostSites {
  /** Who the host says is signed in, and how long its tokens live. */
  user: { id: string; name: string; ttlSeconds: number };
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/** Starts the host site on 127.0.0.1:4001 (page and /token) and the third site on 127.0.0.1:4002. */
export async function startHostSites(): Promise<HostSites> {
  const sites: HostSites = { user: { id: 'visitor-1', name: 'Vera Visitor', ttlSeconds: 600 }, close: async () => undefined };
  const host = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', HOST_ORIGIN);
    if (url.pathname === '/token') {
      const token = await signHostToken({ ...HOST_APP, userId: sites.user.id, name: sites.user.name, ttlSeconds: sites.user.ttlSeconds });
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ token }));
      return;
    }
    const server = url.searchParams.get('server') ?? '';
    const mode = url.searchParams.get('mode') ?? 'popup';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(mode === 'attributes' ? attributePage(server) : hostPage(server, mode));
  });
  const third = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(THIRD_PAGE));
  await listen(host, 4001);
  await listen(third, 4002);
  sites.close = async () => {
    for (const server of [host, third]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  };
  return sites;
}
