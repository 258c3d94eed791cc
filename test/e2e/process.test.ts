import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { emptyDatabase, testDatabaseUrl } from '../support/databases';

/** The real entry point (`npm start` runs this), started as its own process. */
const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(TSX, ['src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', HOST: '127.0.0.1', JOBS_ENABLED: 'false', ...env },
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean, ms = 20000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the gateway process', () => {
  it('exits non-zero with one readable line when the database cannot be reached', async () => {
    const run = start({ DATABASE_URL: 'mysql://root@127.0.0.1:1/incasso_hub', PORT: '0' });
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Cannot reach MySQL at 127\.0\.0\.1:1 .*DATABASE_URL/);
    expect(run.output()).not.toMatch(/\n\s+at\s/); // no stack trace
  });

  it('reports every invalid setting at once, naming each variable', async () => {
    const run = start({ PORT: 'eighty', DATABASE_URL: 'postgres://x', LOG_LEVEL: 'loud' });
    expect(await run.exited).toBe(1);
    const out = run.output();
    expect(out).toMatch(/PORT:/);
    expect(out).toMatch(/DATABASE_URL: .*mysql:\/\//);
    expect(out).toMatch(/LOG_LEVEL:/);
    expect(out).not.toMatch(/\n\s+at\s/);
  });

  it('finishes an in-flight request on SIGTERM, then exits 0', async () => {
    const url = testDatabaseUrl(`process_${process.env.JEST_WORKER_ID ?? '1'}`);
    await emptyDatabase(url); // npm start creates and migrates it
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const run = start({ DATABASE_URL: url, PORT: port, SEED_DEMO_DATA: 'true' });
    await waitFor(() => /Incasso Hub is listening/.test(run.output()));
    const demo = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ih_democreditor_demo-creditor-key-for-local-use-only' },
      body: JSON.stringify({ query: '{ cases(orderBy: { field: REFERENCE, direction: ASC }) { edges { node { creditorReference status } } } }' }),
    });
    expect(((await demo.json()) as any).data.cases.edges.map((e: any) => e.node)).toEqual([
      { creditorReference: 'DEMO-1001', status: 'WIK_NOTICE' },
      { creditorReference: 'DEMO-1002', status: 'REMINDERS' },
      { creditorReference: 'DEMO-1003', status: 'WIK_NOTICE' },
    ]);

    // Hold a write lock on the key table so the request blocks inside authentication.
    const u = new URL(url);
    const lock = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: u.username || 'root', database: u.pathname.slice(1) });
    await lock.query('LOCK TABLES api_keys WRITE');
    const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ih_democreditor_demo-creditor-key-for-local-use-only' },
      body: JSON.stringify({ query: '{ viewer { kind } }' }),
    });
    await new Promise((r) => setTimeout(r, 300));
    run.child.kill('SIGTERM');
    await waitFor(() => /shutting down/.test(run.output()));
    await lock.query('UNLOCK TABLES');
    await lock.end();

    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: { kind: 'CREDITOR' } } });
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/stopped cleanly/);
  });
});
