import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { FromServer, ToServer } from './protocol';

type Reply<C extends ToServer['cmd']> = Extract<FromServer, { cmd: C; id: number }>;
type Request = ToServer extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

/** The hub in a child process (bench/server.ts), driven over IPC. */
export class ServerProcess {
  private nextId = 1;
  private pending = new Map<number, (message: FromServer) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly key: string,
  ) {
    child.on('message', (message: FromServer) => {
      if ('id' in message) {
        this.pending.get(message.id)?.(message);
        this.pending.delete(message.id);
      }
    });
  }

  static async start(env: { databaseUrl: string; now: string; startupMs: number }): Promise<ServerProcess> {
    const child = fork(path.join(__dirname, 'server.ts'), [], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      cwd: path.join(__dirname, '..'),
      // NODE_ENV=production for the libraries (graphql-js skips its development checks), as deployed;
      // the hub's own config is the harness's (NODE_ENV test: no demo data, no jobs).
      env: { ...process.env, NODE_ENV: 'production', BENCH_DATABASE_URL: env.databaseUrl, BENCH_NOW: env.now, TEST_DATABASE_URL: env.databaseUrl },
      // stdout carries the server's JSON logs: written (as in production) but not kept.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const ready = await new Promise<Extract<FromServer, { cmd: 'ready' }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench server not ready after ${env.startupMs} ms`)), env.startupMs);
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code} before it was ready`)));
      child.on('message', (message: FromServer) => {
        if (message.cmd === 'ready') {
          clearTimeout(timer);
          resolve(message);
        }
      });
    }).catch((err) => {
      child.kill();
      throw err;
    });
    child.removeAllListeners('exit');
    return new ServerProcess(child, ready.url, ready.key);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  ask<C extends ToServer['cmd']>(request: Request & { cmd: C }): Promise<Reply<C>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench server did not answer ${request.cmd}`)), 30_000);
      this.pending.set(id, (message) => {
        clearTimeout(timer);
        resolve(message as Reply<C>);
      });
      this.child.send({ ...request, id } as ToServer);
    });
  }

  async stats(): Promise<{ statements: number; cpuMs: number }> {
    const reply = await this.ask({ cmd: 'stats' });
    return { statements: reply.statements, cpuMs: reply.cpuMicros / 1000 };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.ask({ cmd: 'stop' }).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  /** Last resort on failure: only this child, by its own handle. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** POSTs one GraphQL operation; throws on anything but a clean 200 without top-level errors. */
export async function gql<T = any>(url: string, key: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (res.status !== 200 || body.errors) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data as T;
}

export type LoadResult = { requests: number; elapsedMs: number; latenciesMs: number[] };

/**
 * Sends up to `requests` requests with `concurrency` in flight, stopping early when `budgetMs`
 * has passed; each request is timed from send to parsed body.
 */
export async function runLoad(options: {
  requests: number;
  concurrency: number;
  budgetMs: number;
  send: (i: number) => Promise<void>;
}): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  const deadline = started + options.budgetMs;
  let next = 0;
  const worker = async () => {
    while (next < options.requests && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      await options.send(i);
      latenciesMs.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { requests: latenciesMs.length, elapsedMs: performance.now() - started, latenciesMs };
}
