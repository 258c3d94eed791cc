import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { print, type DocumentNode } from 'graphql';
import Redis from 'ioredis';
import { createDb, type Db } from '../../src/db/client';
import { DisputeCaseDocument, FollowCaseEventsDocument, SubmitCaseDocument } from '../../src/generated/operations';
import { caseInput } from '../support/cases';
import { emptyDatabase, testDatabaseUrl } from '../support/databases';
import { creditorWithKey } from '../support/factories';
import { liveClient, waitFor } from '../support/live';

/**
 * Two real server processes (`npm start`'s entry point) on one database and one Redis, as behind
 * a load balancer: a change made through one reaches subscribers on the other exactly once, one
 * instance publishes at a time, and when it dies the other takes over.
 */
const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const REDIS_URL = 'redis://127.0.0.1:6379';

type Instance = { name: string; child: ChildProcess; output: () => string; exited: Promise<number | null>; url?: string };

function start(name: string, env: Record<string, string>): Instance {
  let output = '';
  // Its own process group: tsx runs the server in a child process, and a hard kill must reach both.
  const child = spawn(TSX, ['src/main.ts'], {
    cwd: ROOT,
    detached: true,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', JOBS_ENABLED: 'false', SEED_DEMO_DATA: 'false', ...env },
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { name, child, output: () => output, exited };
}

async function listening(instance: Instance): Promise<string> {
  await waitFor(() => /Incasso Hub is listening/.test(instance.output()) || instance.child.exitCode !== null, `${instance.name} to listen`, 30_000);
  const port = /"port":(\d+).*Incasso Hub is listening/.exec(instance.output())?.[1];
  if (!port) throw new Error(`${instance.name} did not start:\n${instance.output()}`);
  return (instance.url = `http://127.0.0.1:${port}/graphql`);
}

/** Dies without a word, as on a crash or an OOM kill: no shutdown, no lock released by hand. */
function crash(instance: Instance): void {
  try {
    process.kill(-instance.child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

const isPublisher = (i: Instance) => /event publisher active/.test(i.output());

async function gql(url: string, key: string, query: DocumentNode, variables: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: print(query), variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('several instances behind a load balancer', () => {
  const dbUrl = testDatabaseUrl(`multi_${process.env.JEST_WORKER_ID ?? '1'}`);
  const prefix = `test-${randomUUID()}:`; // parallel runs share the Redis, not the channels
  let a: Instance;
  let b: Instance;
  let db: Db;
  let redis: Redis;
  const onRedis: string[] = [];
  const clients: ReturnType<typeof liveClient>[] = [];

  beforeAll(async () => {
    await emptyDatabase(dbUrl);
    const env = { DATABASE_URL: dbUrl, REDIS_URL, REDIS_PREFIX: prefix };
    a = start('A', env);
    b = start('B', env);
    await Promise.all([listening(a), listening(b)]);
    db = createDb(dbUrl, 2);
    redis = new Redis(REDIS_URL);
    redis.on('message', (_channel: string, message: string) => onRedis.push(JSON.parse(message).id));
    await redis.subscribe(`${prefix}case-events`);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    for (const i of [a, b]) if (i) crash(i);
    await redis?.quit();
    await db?.$disconnect();
  });

  it('delivers a change made through one instance to subscribers on both, exactly once; one publishes, the other takes over when it dies', async () => {
    await waitFor(() => isPublisher(a) || isPublisher(b), 'a publisher');
    expect([a, b].filter(isPublisher)).toHaveLength(1);
    const publisher = isPublisher(a) ? a : b;
    const standby = publisher === a ? b : a;
    const { key } = await creditorWithKey(db);

    // A first case, so each subscriber can show it is registered: replaying it comes after
    // listening live, so whatever commits later reaches it live.
    const first = (await gql(standby.url!, key, SubmitCaseDocument, { input: caseInput() })).caseSubmit.case.id;
    const onStandby = liveClient(standby.url!, key);
    const onPublisher = liveClient(publisher.url!, key);
    clients.push(onStandby, onPublisher);
    const feedS = onStandby.subscribe(FollowCaseEventsDocument, { after: '0' });
    const feedP = onPublisher.subscribe(FollowCaseEventsDocument, { after: '0' });
    await feedS.until((items) => items.length === 2, 'the replay on the standby');
    await feedP.until((items) => items.length === 2, 'the replay on the publisher');

    // Changes through each instance.
    await gql(standby.url!, key, DisputeCaseDocument, { input: { caseId: first, reason: 'Through the standby' } });
    await gql(publisher.url!, key, SubmitCaseDocument, { input: caseInput() });
    const all = (await db.caseEvent.findMany({ orderBy: { id: 'asc' }, select: { id: true } })).map((e) => e.id.toString());
    expect(all).toHaveLength(5);
    for (const feed of [feedS, feedP]) {
      const items = await feed.until((got) => got.length >= 5, 'all five events');
      expect(items.map((i) => i.caseEvents.sequence)).toEqual(all);
    }
    // Through Redis, once each: one publisher, not two.
    await waitFor(() => onRedis.length >= all.length, 'the events on Redis');
    expect(onRedis).toEqual(all);

    // The publisher dies without a word; the standby takes the lock over and carries on.
    crash(publisher);
    await publisher.exited;
    await waitFor(() => isPublisher(standby), 'the standby to take over', 10_000);
    await gql(standby.url!, key, SubmitCaseDocument, { input: caseInput() }).catch((e) => {
      throw new Error(`${e}\n${standby.output()}`);
    });
    const after = (await db.caseEvent.findMany({ orderBy: { id: 'asc' }, select: { id: true } })).map((e) => e.id.toString());
    const items = await feedS.until((got) => got.length >= after.length, 'the events after the takeover');
    expect(items.map((i) => i.caseEvents.sequence)).toEqual(after);

    standby.child.kill('SIGTERM');
    expect(await standby.exited).toBe(0);
  }, 60_000);
});
