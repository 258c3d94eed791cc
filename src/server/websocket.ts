import { randomUUID } from 'node:crypto';
import { GraphQLError, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import type { WebSocket, WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { authenticate } from '../auth/api-keys';
import { ANONYMOUS, type Viewer } from '../auth/viewer';
import { createContext, type AppDeps, type Context } from '../context';
import { CLOSE_CODES } from '../events';
import type { SocketHandle } from '../events/stream';
import { describeFault } from '../logger';
import { formatError } from './errors';
import { isRegistered, maxAliasesRule } from './hardening';
import { enforceRateLimit, type RateLimiter } from './rate-limit';

/** A close frame needs the client to read; one that does not is cut off after this long. */
const CLOSE_HANDSHAKE_MS = 5_000;
/** Each subscription may buffer events for a slow client; this bounds how many one socket holds. */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;

/**
 * The viewer of a graphql-ws connection: the key comes in `connectionParams.authorization`, with
 * or without "Bearer ". No key is an anonymous connection (public fields only); a bad key is
 * refused. Undefined means refused.
 */
export async function viewerFromParams(deps: AppDeps, params: Record<string, unknown> | undefined): Promise<Viewer | undefined> {
  const raw = typeof params?.authorization === 'string' ? params.authorization : undefined;
  const token = raw?.replace(/^Bearer\s+/i, '');
  return token ? authenticate(deps.db, token, deps.clock.now()) : ANONYMOUS;
}

/** Closes with a code and reason the client can act on; cuts the socket off if it never answers. */
export function closeSocket(socket: WebSocket, code: number, reason: string): void {
  if (socket.readyState === socket.CLOSED) return;
  socket.close(code, reason);
  setTimeout(() => {
    if (socket.readyState !== socket.CLOSED) socket.terminate();
  }, CLOSE_HANDSHAKE_MS).unref();
}

type Extra = { viewer: Viewer };

/**
 * graphql-ws on the HTTP server's /graphql, with what a long-lived connection needs besides
 * GraphQL: the key checked on connect (4401 when bad) and kept checked while connected (4403 when
 * revoked, at once on a revoke notification, else within `keyRecheckMs`); ws pings every
 * `keepAliveMs`, dropping a socket that misses a pong; errors masked as over HTTP.
 */
export function attachGraphqlWs(
  deps: AppDeps,
  schema: GraphQLSchema,
  wsServer: WebSocketServer,
  guards: { limiter: RateLimiter; registry: Map<string, string> },
): { dispose(): Promise<void> } {
  const keyOf = new Map<WebSocket, string>();
  const revoke = (match: (keyId: string) => boolean) => {
    for (const [socket, keyId] of keyOf) {
      if (!match(keyId)) continue;
      keyOf.delete(socket);
      deps.logger.info({ keyId }, 'closing the sockets of a revoked key');
      closeSocket(socket, CLOSE_CODES.KEY_REVOKED, 'Forbidden: the API key was revoked');
    }
  };

  const server = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      isProd: deps.config.env === 'production',
      validate: (s, document) => validate(s, document, [...specifiedRules, maxAliasesRule(deps.config.maxAliases)]),
      onConnect: async (ctx) => {
        const viewer = await viewerFromParams(deps, ctx.connectionParams);
        if (!viewer) {
          // graphql-ws would say 4403 "Forbidden"; 4401 tells a client not to retry with this key.
          closeSocket(ctx.extra.socket, CLOSE_CODES.UNAUTHORIZED, 'Unauthorized: the API key is missing, malformed, unknown or revoked');
          return false;
        }
        ctx.extra.viewer = viewer;
        if (viewer.kind !== 'ANONYMOUS') keyOf.set(ctx.extra.socket, viewer.keyId);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws has already reserved this one, so it is counted.
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [refusal(`At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} operations at once per connection; complete one first or open another connection.`, 'BAD_REQUEST')];
        }
        if (deps.config.persistedOperationsOnly && !isRegistered(guards.registry, payload.query)) {
          return [refusal('This server only runs registered operations (schema/operations).', 'OPERATION_NOT_REGISTERED')];
        }
        // The same per-key budget as HTTP: each operation started on a socket takes a token.
        const viewer = ctx.extra.viewer;
        const bucket = !viewer || viewer.kind === 'ANONYMOUS' ? `ip:${ctx.extra.request.socket.remoteAddress}` : `key:${viewer.keyId}`;
        try {
          await enforceRateLimit(guards.limiter, bucket, deps.clock.now(), deps.logger);
        } catch (err) {
          if (err instanceof GraphQLError) return [err];
          throw err;
        }
        return undefined;
      },
      context: (ctx): Context => {
        const socket: SocketHandle = { close: (code, reason) => closeSocket(ctx.extra.socket, code, reason) };
        return { ...createContext(deps, ctx.extra.viewer ?? ANONYMOUS, randomUUID()), socket };
      },
      onClose: (ctx) => {
        keyOf.delete(ctx.extra.socket);
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
    },
    wsServer,
    deps.events.options.keepAliveMs,
  );

  // Revocations made through the API arrive at once; the poll catches keys revoked any other way.
  const unsubscribe = deps.events.onKeyRevoked((keyId) => revoke((k) => k === keyId)).catch((err) => {
    deps.logger.warn({ fault: describeFault(err) }, 'could not subscribe to key revocations; relying on the periodic check');
    return () => undefined;
  });
  const recheck = setInterval(async () => {
    if (keyOf.size === 0) return;
    try {
      const live = await deps.events.store.liveKeyIds([...new Set(keyOf.values())]);
      revoke((keyId) => !live.has(keyId));
    } catch (err) {
      deps.logger.warn({ fault: describeFault(err) }, 'could not re-check the keys of open sockets');
    }
  }, deps.events.options.keyRecheckMs);
  recheck.unref();

  return {
    async dispose() {
      clearInterval(recheck);
      (await unsubscribe)();
      await server.dispose();
    },
  };
}

function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}
