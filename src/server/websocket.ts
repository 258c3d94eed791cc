import { randomUUID } from 'node:crypto';
import { authenticate } from '../auth/api-keys';
import { ANONYMOUS } from '../auth/viewer';
import { createContext, type AppDeps, type Context } from '../context';

/**
 * The context of a graphql-ws connection: the key comes in `connectionParams.authorization`
 * (with or without "Bearer "). A bad key refuses the connection.
 */
export async function socketContext(deps: AppDeps, params: Record<string, unknown> | undefined): Promise<Context> {
  const raw = typeof params?.authorization === 'string' ? params.authorization : undefined;
  const token = raw?.replace(/^Bearer\s+/i, '');
  const viewer = token ? await authenticate(deps.db, token, deps.clock.now()) : ANONYMOUS;
  if (!viewer) throw new Error('invalid key');
  return createContext(deps, viewer, randomUUID());
}
