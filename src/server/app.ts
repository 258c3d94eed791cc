import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { WebSocketServer } from 'ws';
import { viewerFromHeader } from '../auth/api-keys';
import { createContext, type AppDeps, type Context } from '../context';
import { describeFault, requestContext } from '../logger';
import { buildSchema } from '../resolvers/schema';
import { formatError, unauthenticated } from './errors';
import { loadOperationRegistry, maxAliasesRule, persistedOperations } from './hardening';
import { createRateLimiter, enforceRateLimit } from './rate-limit';
import { attachGraphqlWs } from './websocket';

export const GRAPHQL_PATH = '/graphql';

export type HubServer = {
  httpServer: Server;
  /** Starts listening; resolves with the bound port. */
  listen(port: number, host: string): Promise<number>;
  /** Finishes in-flight requests, closes sockets (1001 Going Away), then resolves. */
  stop(): Promise<void>;
};

export async function createHubServer(deps: AppDeps): Promise<HubServer> {
  const schema = buildSchema();
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });
  const limiter = createRateLimiter(deps.config);
  const registry = loadOperationRegistry();
  const wsCleanup = attachGraphqlWs(deps, schema, wsServer, { limiter, registry });

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: deps.config.introspection,
    csrfPrevention: true,
    formatError,
    includeStacktraceInErrorResponses: false,
    validationRules: [maxAliasesRule(deps.config.maxAliases)],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: deps.config.shutdownGraceMs }),
      ApolloServerPluginInlineTraceDisabled(),
      ...(deps.config.env === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
      disposeSockets(wsCleanup.dispose),
      logRequests(),
    ],
  });
  await apollo.start();

  app.use(assignRequestId);
  app.use(cors(deps.config.corsOrigins));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const [database, redis] = await Promise.all([
      answers(() => deps.db.$queryRawUnsafe('SELECT 1')),
      deps.events.pubsub.kind === 'redis' ? answers(() => deps.events.pubsub.ping()) : Promise.resolve(undefined),
    ]);
    const ready = database === 'ok' && redis !== 'unreachable';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', database, ...(redis ? { redis } : {}) });
  });
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: deps.config.maxBodyBytes }),
    persistedOperations(registry, deps.config.persistedOperationsOnly),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const viewer = await viewerFromHeader(deps.db, req.headers.authorization, deps.clock.now());
        if (viewer === 'INVALID') {
          // Guessing keys spends the caller's address budget, so a flood of bad keys meets 429s.
          await enforceRateLimit(limiter, `ip:${req.ip}`, deps.clock.now(), deps.logger);
          throw unauthenticated();
        }
        await enforceRateLimit(limiter, viewer.kind === 'ANONYMOUS' ? `ip:${req.ip}` : `key:${viewer.keyId}`, deps.clock.now(), deps.logger);
        return createContext(deps, viewer, res_requestId(req));
      },
    }),
  );
  app.use(jsonErrors(deps));

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stop: async () => {
      for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
      await apollo.stop();
      await limiter.close();
    },
  };
}

function res_requestId(req: express.Request): string {
  return (req as express.Request & { requestId: string }).requestId;
}

const assignRequestId: RequestHandler = (req, res, next) => {
  const incoming = req.header('x-request-id');
  const requestId = incoming && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  (req as express.Request & { requestId: string }).requestId = requestId;
  res.setHeader('x-request-id', requestId);
  requestContext.run({ requestId }, next);
};

function cors(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.header('origin');
    if (origin && allowed.has(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-allow-headers', 'authorization, content-type, x-request-id, apollo-require-preflight');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-max-age', '600');
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}

/** Body-parser and other HTTP-level failures as GraphQL-shaped JSON, never an HTML page. */
function jsonErrors(deps: AppDeps): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    const message =
      err?.type === 'entity.too.large'
        ? `The request body is larger than the limit of ${deps.config.maxBodyBytes} bytes.`
        : err?.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : status < 500
            ? 'The request could not be read.'
            : 'Internal server error. Quote the requestId when you contact us.';
    if (status >= 500) deps.logger.error({ fault: describeFault(err) }, 'unhandled HTTP error');
    res.status(status).json({
      errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR', requestId: res_requestId(req) } }],
    });
  };
}

function disposeSockets(dispose: () => void | Promise<void>): ApolloServerPlugin<Context> {
  return {
    async serverWillStart() {
      return { drainServer: async () => void (await dispose()) };
    },
  };
}

function logRequests(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (isClientError(error)) continue;
            contextValue.logger.error({ fault: describeFault(error.originalError ?? error), path: error.path }, 'request failed');
          }
        },
        async willSendResponse({ operationName, errors }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          contextValue.logger.info(
            { operationName, viewer: contextValue.viewer.kind, errors: errors?.length ?? 0, ms: Math.round(ms) },
            'graphql request',
          );
        },
      };
    },
  };
}

function isClientError(error: { extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR';
}

/** A dependency's answer for /readyz, within a second. */
async function answers(check: () => Promise<unknown>): Promise<'ok' | 'unreachable'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), 1000);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } catch {
    return 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}
