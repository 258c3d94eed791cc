import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CaseEventStream } from '../../src/events/stream';
import { DisputeCaseDocument, ResolveDisputeDocument } from '../../src/generated/operations';
import { startTestApp, type TestApp } from '../support/harness';
import { creditorWithKey } from '../support/factories';
import { dbId, submit } from '../support/cases';
import { waitFor } from '../support/live';

/**
 * The README's resume recipe, run as the README says (`npx tsx examples/follow-cases.ts`): it
 * sees every event once and in order across a dropped connection and across its own restart.
 */
const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

describe('examples/follow-cases.ts', () => {
  let app: TestApp;
  let dir: string;
  const running: ChildProcess[] = [];
  beforeEach(async () => {
    app = await startTestApp();
    dir = await mkdtemp(path.join(tmpdir(), 'follow-cases-'));
  });
  afterEach(async () => {
    for (const child of running.splice(0)) if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    await app.stop();
    await rm(dir, { recursive: true, force: true });
  });

  function follow(key: string) {
    let stdout = '';
    let stderr = '';
    const child = spawn(TSX, ['examples/follow-cases.ts'], {
      cwd: ROOT,
      detached: true,
      env: { PATH: process.env.PATH ?? '', INCASSO_HUB_URL: app.url.replace(/^http/, 'ws'), INCASSO_HUB_KEY: key, CURSOR_FILE: path.join(dir, 'cursor') },
    });
    running.push(child);
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    return { child, exited, sequences: () => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).sequence as string), stderr: () => stderr };
  }

  it('resumes after a dropped connection and after a restart, each event once', async () => {
    const { key } = await creditorWithKey(app.db);
    const first = follow(key);
    await waitFor(() => /connected/.test(first.stderr()) && app.deps.events.hub.listeners.size === 1, 'the example to subscribe', 20_000);
    const c = (await submit(app, key)).case!;
    await waitFor(() => first.sequences().length === 2, 'the submission events');

    // The server drops the subscription (1013); events committed meanwhile are not lost.
    ([...app.deps.events.hub.listeners][0] as CaseEventStream).interrupted('test: dropped');
    await app.gql(DisputeCaseDocument, { input: { caseId: c.id, reason: 'While reconnecting' } }, key);
    await waitFor(() => first.sequences().length === 3, 'the event from while it reconnected', 20_000);
    expect(first.stderr()).toMatch(/connection closed: 1013/);

    first.child.kill('SIGTERM');
    await first.exited;
    await app.gql(ResolveDisputeDocument, { input: { caseId: c.id, reason: 'While it was stopped' } }, key);
    const second = follow(key);
    await waitFor(() => second.sequences().length >= 1, 'the event from while it was stopped', 20_000);

    const stored = (await app.db.caseEvent.findMany({ where: { caseId: dbId(c.id) }, orderBy: { id: 'asc' } })).map((e) => e.id.toString());
    expect([...first.sequences(), ...second.sequences()]).toEqual(stored);
  });
});
