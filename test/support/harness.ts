import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { FixedClock } from '../../src/clock';
import { loadConfig, type Config } from '../../src/config';
import type { AppDeps } from '../../src/context';
import { createDb, onQuery, type Db } from '../../src/db/client';
import { createEvents, type EventsOptions } from '../../src/events';
import { seedReferenceData } from '../../src/db/seed';
import { createLogger } from '../../src/logger';
import { createHubServer, type HubServer } from '../../src/server/app';
import { testDatabaseUrl } from './databases';

/** Tables in the order that lets them be emptied with foreign keys on. */
const TABLES = [
  'job_runs', 'webhook_deliveries', 'webhook_endpoints', 'case_events', 'communications', 'payments', 'instalments', 'payment_arrangements', 'claims',
  'partner_assignments', 'cases', 'debtors', 'api_keys', 'partners', 'creditors',
];

export type TestApp = {
  url: string;
  db: Db;
  clock: FixedClock;
  deps: AppDeps;
  server: HubServer;
  /** POSTs a GraphQL operation with an optional API key; returns status and parsed body. */
  gql<T = any, V = Record<string, unknown>>(
    query: string | TypedDocumentNode<T, V>,
    variables?: V,
    key?: string,
  ): Promise<{ status: number; body: { data?: T; errors?: any[] } }>;
  /** Runs fn and returns the SQL statements it caused (to catch N+1). */
  countSql<R>(fn: () => Promise<R>): Promise<{ result: R; statements: string[] }>;
  stop(): Promise<void>;
};

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    JOBS_ENABLED: 'false',
    // The clock stands still in tests, so buckets never refill: rate-limit tests set their own.
    RATE_LIMIT_BURST: '1000000',
    ...overrides,
  });
}

/** Empties every tenant table of this worker's database; rates stay (they are reference data). */
export async function resetDatabase(db: Db): Promise<void> {
  await db.$executeRawUnsafe('SET FOREIGN_KEY_CHECKS = 0');
  for (const table of TABLES) await db.$executeRawUnsafe(`DELETE FROM \`${table}\``);
  await db.$executeRawUnsafe('SET FOREIGN_KEY_CHECKS = 1');
  await seedReferenceData(db);
}

/** A real hub on a free port, over this worker's database, with a clock the test moves. */
export async function startTestApp(
  options: { now?: string; env?: Record<string, string>; logLines?: string[]; events?: Partial<EventsOptions> } = {},
): Promise<TestApp> {
  const config = testConfig(options.env);
  const db = createDb(config.database.url, 5);
  await resetDatabase(db);
  const clock = new FixedClock(new Date(options.now ?? '2026-03-02T10:00:00Z'));
  const sink = options.logLines ? { write: (line: string) => void options.logLines!.push(line) } : undefined;
  const logger = createLogger(sink ? 'debug' : config.logLevel, sink);
  const events = createEvents({ config, db, logger }, options.events);
  await events.start();
  const deps: AppDeps = { config, db, logger, clock, events };
  const server = await createHubServer(deps);
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    db,
    clock,
    deps,
    server,
    async gql(query, variables, key) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
      });
      return { status: res.status, body: (await res.json()) as any };
    },
    async countSql(fn) {
      const statements: string[] = [];
      const off = onQuery(db, (sql) => statements.push(sql));
      try {
        const result = await fn();
        return { result, statements };
      } finally {
        off();
      }
    },
    async stop() {
      await server.stop();
      await events.stop();
      await db.$disconnect();
    },
  };
}
