/**
 * The hub under benchmark, in its own process so the load generator does not share its event
 * loop. Started by bench/run.ts with an IPC channel; never run by hand.
 *
 * It is the test harness's app (real express + Apollo + Prisma over MariaDB, a FixedClock), over
 * the benchmark database only, with logs at info level written to stdout (which run.ts discards),
 * as a production instance would write them.
 */
import { onQuery } from '../src/db/client';
import { createKey, createCreditor } from '../test/support/factories';
import { startTestApp } from '../test/support/harness';
import type { ToServer, FromServer } from './protocol';

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const now = process.env.BENCH_NOW;
  if (!databaseUrl || !now || !process.send) throw new Error('bench/server.ts is started by bench/run.ts');

  const app = await startTestApp({
    now,
    env: {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'info',
      RATE_LIMIT_BURST: '1000000',
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
  });
  const creditor = await createCreditor(app.db, { name: 'Benchmark Webwinkel B.V.', vatDeductible: false });
  const { key } = await createKey(app.db, { kind: 'CREDITOR', creditorId: creditor.id }, 'read,write');

  let statements = 0;
  onQuery(app.db, () => void statements++);

  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  sampler.unref();

  const send = (message: FromServer) => process.send!(message);
  process.on('message', async (message: ToServer) => {
    switch (message.cmd) {
      case 'stats': {
        const cpu = process.cpuUsage();
        send({ id: message.id, cmd: 'stats', statements, cpuMicros: cpu.user + cpu.system });
        return;
      }
      case 'memory': {
        const gc = (globalThis as { gc?: () => void }).gc;
        if (message.gc && gc) {
          // Twice: the first pass can leave finalizable objects for the second.
          gc();
          await new Promise((resolve) => setImmediate(resolve));
          gc();
        }
        const usage = process.memoryUsage();
        send({ id: message.id, cmd: 'memory', usage, peakRss: Math.max(peakRss, usage.rss), gcAvailable: Boolean(gc) });
        peakRss = usage.rss;
        return;
      }
      case 'stop':
        clearInterval(sampler);
        await app.stop();
        process.send!({ id: message.id, cmd: 'stop' } satisfies FromServer, () => process.exit(0));
        return;
    }
  });
  send({ cmd: 'ready', url: app.url, key });
}

main().catch((err) => {
  console.error('bench server failed:', err);
  process.exit(1);
});
