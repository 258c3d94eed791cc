import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;
export type { Prisma } from '../generated/prisma/client';

/** Listens to every SQL statement the client sends (tests count them to catch N+1). */
export type QueryListener = (sql: string) => void;

const listeners = new WeakMap<PrismaClient, Set<QueryListener>>();

export function createDb(url: string, poolSize: number): PrismaClient {
  const adapterUrl = new URL(url);
  adapterUrl.protocol = 'mariadb:';
  adapterUrl.searchParams.set('connectionLimit', String(poolSize));
  const client = new PrismaClient({
    adapter: new PrismaMariaDb(adapterUrl.toString()),
    log: [{ emit: 'event', level: 'query' }],
  });
  const set = new Set<QueryListener>();
  listeners.set(client, set);
  client.$on('query', (e) => set.forEach((listener) => listener(e.query)));
  return client;
}

/** Registers a listener for every statement; returns the function that removes it. */
export function onQuery(db: PrismaClient, listener: QueryListener): () => void {
  const set = listeners.get(db);
  if (!set) throw new Error('onQuery: client was not created by createDb');
  set.add(listener);
  return () => set.delete(listener);
}
