import { API_PREFIX, LIMITS } from '@confab/protocol';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createTokenService, type TokenService } from './auth/tokens.js';
import type { ServerConfig } from './config.js';
import { seedDemo } from './demo.js';
import { prepareAssistant, replyPeers, startReplySweeper } from './ai/setup.js';
import { createMemoryLimits, createRedisLimits } from './ai/limiter.js';
import { guardRedisLink } from './cluster/link-guard.js';
import type { RedisConnection } from './cluster/redis.js';
import { createRedisPresenceTracker } from './cluster/redis-presence.js';
import { createMemoryPresenceTracker } from './realtime/presence-tracker.js';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createMetricsListener, registerMetrics } from './ops/http-metrics.js';
import { createMetrics } from './ops/metrics.js';
import { registerAuthRoutes, registerMeRoutes } from './http/auth-routes.js';
import { requireAuth } from './http/auth.js';
import { registerConversationRoutes } from './http/conversations-routes.js';
import { registerPresenceRoutes } from './http/presence-routes.js';
import { registerSearchRoutes } from './http/search-routes.js';
import { answerClientError, installErrorHandling, sendFrameworkError } from './http/errors.js';
import { registerFileContentRoute, registerFileRoutes } from './http/files-routes.js';
import { registerEmbedRoutes } from './http/embed-routes.js';
import { registerGroupRoutes } from './http/groups-routes.js';
import { registerHealthRoutes, type ReadinessCheck } from './http/health-routes.js';
import { registerRequestRoutes } from './http/requests-routes.js';
import type { App } from './http/types.js';
import { registerUserRoutes } from './http/users-routes.js';
import { validatorCompiler } from './http/validator.js';
import { createDrain } from './realtime/drain.js';
import { createSocketNotifier } from './realtime/notifier.js';
import { createRealtime, serveRealtime } from './realtime/socket.js';
import type { ConfabIo } from './realtime/types.js';
import { createLocalFileStorage } from './files/local-storage.js';
import { createUrlSigner } from './files/signing.js';
import type { FileStorage } from './files/storage.js';
import { createServices, type Services } from './services/index.js';
import { describeStorage, openStore } from './storage/open-store.js';
import type { Store } from './storage/store.js';

/** How long the last acks get to leave before sockets close on shutdown. */
const ACK_FLUSH_MS = 50;

/** A running (or ready to listen) Confab server. */
export interface ConfabServer {
  app: App;
  io: ConfabIo;
  store: Store;
  services: Services;
  tokens: TokenService;
  /** The Redis connections when `config.redis` is set, else null. */
  redis: RedisConnection | null;
  /** `http://host:port` once listening; throws before. */
  readonly url: string;
  /** `http://host:port` of `GET /metrics` when `config.metricsPort` is set and listening, else null. */
  readonly metricsUrl: string | null;
  /** Starts listening on `config.host:config.port` (and `config.metricsPort`); resolves with the URL. */
  listen(): Promise<string>;
  /**
   * Graceful: stops taking socket events (answered UNAVAILABLE), waits until the ones being handled
   * are committed and acked, then closes sockets, HTTP and the database. Safe to call twice.
   */
  close(): Promise<void>;
}

export interface CreateServerOptions {
  /** Storage backend. @default PostgreSQL at `config.databaseUrl` when set, else the SQLite file `config.databaseFile` */
  store?: Store;
  /** Where file bytes live. @default the local directory `config.filesDir` */
  fileStorage?: FileStorage;
}

/**
 * Builds the Fastify app, the socket.io server on the same port, the services and the store.
 * @example
 * const server = await createServer(loadConfig(['--port', '0'], process.env));
 * console.log(await server.listen());
 */
export async function createServer(config: ServerConfig, options: CreateServerOptions = {}): Promise<ConfabServer> {
  const store = options.store ?? (await openStore(config, (error) => app.log.error({ err: error }, 'idle database connection failed')));
  const app: App = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: LIMITS.maxPayloadBytes,
    forceCloseConnections: true,
    // Errors Fastify raises before routing (a URL that does not decode) keep the wire shape too.
    frameworkErrors: (error, request, reply) => sendFrameworkError(error, request, reply),
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  if (!options.store) app.log.info({ storage: describeStorage(config) }, 'storage opened');
  app.decorateRequest('userId', '');

  const tokens = createTokenService(config.jwtSecret, config.tokenTtlSeconds);
  const io = createRealtime(app.server, tokens);
  // Redis, its adapter and the assistant's provider load only when configured: their modules are a
  // third of the start time of a server that does not use them.
  const redisConfig = config.redis;
  const redis = redisConfig
    ? await import('./cluster/redis.js')
        .then(({ connectRedis }) => connectRedis(redisConfig, app.log))
        .catch(async (error: unknown) => {
          if (!options.store) await store.close();
          throw error;
        })
    : null;
  const adapter = redis ? (await import('./cluster/adapter.js')).useRedisAdapter(io, redis) : null;
  if (redis) guardRedisLink(io, redis, app.log);
  const limitSettings = { perMinute: config.ai.rateLimitPerMinute, maxConcurrent: config.ai.maxConcurrent, now: Date.now };
  const limits = redis
    ? createRedisLimits(redis, limitSettings, (error) => app.log.warn({ err: error }, 'assistant limits: redis failed'))
    : createMemoryLimits(limitSettings);
  const presenceTracker = redis ? createRedisPresenceTracker(redis) : createMemoryPresenceTracker();
  const metrics = createMetrics(() => io.engine.clientsCount);
  const provider = config.ai.provider ? (await import('./ai/openai-provider.js')).createOpenAIProvider(config.ai.provider) : null;
  const services = createServices(
    { store, notifier: createSocketNotifier(io), now: Date.now, dmPolicy: config.dmPolicy, embedApps: config.embedApps },
    tokens,
    {
      files: {
        storage: options.fileStorage ?? createLocalFileStorage(config.filesDir),
        signer: createUrlSigner(config.jwtSecret),
        maxFileBytes: config.maxFileBytes,
        fileTypes: config.fileTypes,
      },
      assistant: { ai: config.ai, provider, log: app.log, limits, peers: redis ? replyPeers(io) : undefined },
      messageChanges: { recallWindowMs: config.recallWindowMs, editWindowMs: config.editWindowMs },
      presence: { tracker: presenceTracker, onError: (error, userId) => app.log.warn({ err: error, userId }, 'presence update failed') },
    },
  );
  // Renews this node's presence entries, and announces the users of nodes that died as offline.
  const presenceTimer = setInterval(() => void services.presence.refresh().catch((error: unknown) => app.log.warn({ err: error }, 'presence refresh failed')), presenceTracker.refreshMs);
  presenceTimer.unref();
  await prepareAssistant(store, config.ai);
  const stopSweeper = await startReplySweeper(services.assistant, app.log);
  io.on('ai:stop', (messageId, ack) => void services.assistant.stopHere(messageId).then(ack, () => ack(null)));
  const drain = createDrain();
  serveRealtime(io, services, app.log, { drain, onAck: (event, seconds, response) => metrics.ack(event, seconds, response), roomsReady: adapter?.roomsReady });
  const readiness: ReadinessCheck[] = [
    {
      name: 'shutdown',
      check: async () => {
        if (drain.closing) throw new Error('draining for shutdown');
      },
    },
  ];
  if (redis) readiness.push({ name: 'redis', check: () => redis.ping() });
  registerMetrics(app, metrics, config.metricsPort === null);
  const metricsListener = config.metricsPort === null ? null : createMetricsListener(metrics);

  if (config.embedDir) await registerEmbedRoutes(app, config.embedDir, config.embedOrigins);
  if (config.webDir) await app.register(fastifyStatic, { root: config.webDir, prefix: '/', wildcard: true });
  installErrorHandling(app, { spaFallback: config.webDir !== null });
  registerHealthRoutes(app, store, readiness);
  await app.register(
    async (api: App) => {
      registerHealthRoutes(api, store, readiness);
      registerAuthRoutes(api, services);
      registerFileContentRoute(api, services, Date.now);
      await api.register(async (authed: App) => {
        requireAuth(authed, tokens);
        registerMeRoutes(authed, services);
        registerUserRoutes(authed, services);
        registerRequestRoutes(authed, services);
        registerConversationRoutes(authed, services);
        registerSearchRoutes(authed, services);
        registerPresenceRoutes(authed, services);
        registerGroupRoutes(authed, services);
        await registerFileRoutes(authed, services);
      });
    },
    { prefix: API_PREFIX },
  );

  if (config.demo) await seedDemo(store, app.log);

  app.addHook('preClose', async () => {
    stopSweeper();
    clearInterval(presenceTimer);
    await services.assistant.close();
    io.local.disconnectSockets(true);
    io.engine.close();
    // The last sockets' "last seen" is written (and told) before Redis and the database close.
    await services.presence.idle();
  });

  let closing: Promise<void> | undefined;
  return {
    app,
    io,
    store,
    services,
    tokens,
    redis,
    get url() {
      return listeningUrl(app);
    },
    get metricsUrl() {
      const address = metricsListener?.address();
      return address && typeof address === 'object' ? urlOf(address) : null;
    },
    async listen() {
      if (metricsListener) await once(metricsListener.listen(config.metricsPort ?? 0, config.host), 'listening');
      await app.listen({ port: config.port, host: config.host });
      return listeningUrl(app);
    },
    close() {
      closing ??= (async () => {
        try {
          await drain.close();
          // Let the last acks leave before the sockets close.
          await new Promise((resolve) => setTimeout(resolve, ACK_FLUSH_MS));
          await app.close();
        } finally {
          if (metricsListener?.listening) await new Promise((resolve) => metricsListener.close(resolve));
          await redis?.close();
          await store.close();
        }
      })();
      return closing;
    },
  };
}

function listeningUrl(app: App): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('The server is not listening');
  return urlOf(address);
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
