import type { Logger } from 'pino';
import type { Viewer } from './auth/viewer';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Db } from './db/client';
import type { Events } from './events';
import type { SocketHandle } from './events/stream';
import type { InterestRate } from './domain/interest';
import DataLoader from 'dataloader';
import type { ApiKey } from './generated/prisma/client';
import { visibleApiKeys } from './auth/visibility';
import { loadInterestRates } from './services/case-ledger';

/** What a running hub is made of; built once in main.ts (or by the test harness). */
export type AppDeps = {
  config: Config;
  db: Db;
  logger: Logger;
  clock: Clock;
  /** Live case events: pub/sub, the outbox publisher, subscriptions' fan-out. */
  events: Events;
};

/** Per request (or per socket): the app plus who is asking, and what the request caches. */
export type Context = AppDeps & {
  viewer: Viewer;
  requestId: string;
  /** The statutory rates, read once per request however many statements it computes. */
  interestRates: () => Promise<InterestRate[]>;
  /** API keys by id, batched per request and filtered by what the viewer may see (audit trail). */
  apiKeys: DataLoader<string, ApiKey | null>;
  /** Over graphql-ws: the connection, so a subscription can close it with a reason. */
  socket?: SocketHandle;
};

export function createContext(deps: AppDeps, viewer: Viewer, requestId: string): Context {
  let rates: Promise<InterestRate[]> | undefined;
  return {
    ...deps,
    viewer,
    requestId,
    interestRates: () => (rates ??= loadInterestRates(deps.db)),
    apiKeys: new DataLoader(async (ids) => {
      const rows = await deps.db.apiKey.findMany({ where: { id: { in: [...ids] }, AND: [visibleApiKeys(viewer)] } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
