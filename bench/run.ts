/**
 * `npm run bench`: every benchmark, bounded in count and time, then markdown tables on stdout
 * (progress goes to stderr). Speed and memory are measured here, never asserted in tests.
 *
 * The hub runs in a child process (bench/server.ts) over its own database, BENCH_DATABASE_URL
 * (default mysql://root@127.0.0.1:3306/incasso_hub_bench), dropped, created and migrated at the
 * start of every run. Only loopback traffic.
 */
import os from 'node:os';
import { print } from 'graphql';
import { connectAdmin } from '../src/db/connection';
import { addDays } from '../src/domain/dates';
import {
  CaseStatementDocument,
  CaseSummaryFragmentDoc,
  RecordPaymentDocument,
  SubmitCaseDocument,
  type CaseSubmitInput,
} from '../src/generated/operations';
import { caseInput } from '../test/support/cases';
import { recreateDatabase } from '../test/support/databases';
import { benchStatement } from './domain';
import { gql, runLoad, ServerProcess, type LoadResult } from './http';
import { markdownTable, mib, ms, percentile, rate } from './stats';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/incasso_hub_bench';
/** The hub's "now": a Monday; every submitted invoice fell due before it. */
const NOW = '2026-03-02T10:00:00Z';
/** Rounds of 1,000 submissions + 250 pages in the memory benchmark; more for a longer look. */
const MEMORY_ROUNDS = Math.min(20, Math.max(1, Math.floor(Number(process.env.BENCH_MEMORY_ROUNDS ?? 2)) || 2));
/** The whole run gives up after this long (each benchmark has its own, smaller budget). */
const WATCHDOG_MS = (4 + MEMORY_ROUNDS) * 60_000;

const SUBMIT_QUERY = print(SubmitCaseDocument);
const PAYMENT_QUERY = print(RecordPaymentDocument);
const STATEMENT_QUERY = print(CaseStatementDocument);
/** A portal's case list: the CaseSummary fragment (balance, nextAction, prescription, letters) and the debtor. */
const PAGE_QUERY = `query BenchCasePage($first: Int!) {
  cases(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ...CaseSummary debtor { name countryCode kind } } }
  }
}
${print(CaseSummaryFragmentDoc)}`;

type Measured = LoadResult & { serverCpuMs: number };
type HttpRow = { name: string; concurrency: number; load: Measured; sql: string };

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function guardDatabase(url: string): void {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  if (!/bench/i.test(name)) throw new Error(`BENCH_DATABASE_URL must name a benchmark database (with "bench" in its name), not ${name}: it is dropped on every run`);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) throw new Error(`BENCH_DATABASE_URL must be on loopback, not ${u.hostname}`);
}

/** Submissions as a creditor sends them: 1-3 invoices, consumers and businesses alternating. */
function submission(tag: string, i: number): CaseSubmitInput {
  const business = i % 2 === 1;
  return caseInput({
    creditorReference: `${tag}-${i}`,
    debtor: business
      ? { kind: 'BUSINESS', name: `Bakkerij ${i} B.V.`, addressLine: 'Dorpsstraat 2', postalCode: '3511 AB', city: 'Utrecht', countryCode: 'NL', email: `info${i}@example.nl` }
      : { kind: 'CONSUMER', name: `Jan de Vries ${i}`, addressLine: 'Kerkstraat 1', postalCode: '1011 AB', city: 'Amsterdam', countryCode: 'NL', email: `jan${i}@example.nl` },
    claims: Array.from({ length: 1 + (i % 3) }, (_, c) => ({
      invoiceNumber: `F-${i}-${c + 1}`,
      invoiceDate: addDays('2026-01-05', c * 7),
      dueDate: addDays('2026-01-19', c * 7),
      amount: `${120 + ((i * 13 + c * 71) % 900)}.00`,
    })),
  });
}

async function submit(server: ServerProcess, input: CaseSubmitInput): Promise<string> {
  const data = await gql(server.url, server.key, SUBMIT_QUERY, { input });
  const payload = data.caseSubmit;
  if (payload.errors.length > 0 || !payload.case) throw new Error(`caseSubmit refused: ${JSON.stringify(payload.errors)}`);
  return payload.case.id;
}

async function listPage(server: ServerProcess, first: number): Promise<void> {
  const data = await gql(server.url, server.key, PAGE_QUERY, { first });
  if (data.cases.edges.length !== first) throw new Error(`expected ${first} cases on the page, got ${data.cases.edges.length}`);
}

async function statement(server: ServerProcess, caseId: string, claims: number, payments: number): Promise<void> {
  const data = await gql(server.url, server.key, STATEMENT_QUERY, { id: caseId });
  const s = data.node.statement;
  if (s.claims.length !== claims || s.payments.length !== payments) throw new Error(`statement has ${s.claims.length} claims, ${s.payments.length} payments`);
}

/** runLoad, plus the CPU time the server process spent meanwhile. */
async function measured(server: ServerProcess, options: Parameters<typeof runLoad>[0]): Promise<Measured> {
  const before = await server.stats();
  const load = await runLoad(options);
  const after = await server.stats();
  return { ...load, serverCpuMs: after.cpuMs - before.cpuMs };
}

/** SQL statements one request causes, measured alone a few times: "8", or "27-29" when requests differ. */
async function sqlPerRequest(server: ServerProcess, send: (i: number) => Promise<void>, times = 6): Promise<string> {
  const counts: number[] = [];
  for (let i = 0; i < times; i++) {
    const before = await server.stats();
    await send(i);
    counts.push((await server.stats()).statements - before.statements);
  }
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  return lo === hi ? String(lo) : `${lo}-${hi}`;
}

async function main(): Promise<void> {
  guardDatabase(DATABASE_URL);
  // Anything that falls back on the tests' default database URL gets the benchmark's instead.
  process.env.TEST_DATABASE_URL = DATABASE_URL;
  const runStarted = performance.now();
  const machine = await describeMachine();
  log(machine);

  // 1. Domain: pure CPU, before the server exists.
  const domain = [1, 10, 100].map((claims) => {
    log(`buildStatement: ${claims} claim(s), 50 payments over 5 years`);
    return benchStatement(claims, { budgetMs: 2_000, maxIterations: 20_000 });
  });

  log(`recreating ${new URL(DATABASE_URL).pathname.slice(1)}`);
  await recreateDatabase(DATABASE_URL);
  const server = await ServerProcess.start({ databaseUrl: DATABASE_URL, now: NOW, startupMs: 60_000 });
  const watchdog = setTimeout(() => {
    log(`gave up after ${WATCHDOG_MS / 1000} s`);
    server.kill();
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();

  try {
    const http: HttpRow[] = [];
    let seq = 0;
    const submitNext = (tag: string) => () => submit(server, submission(tag, seq++)).then(() => undefined);

    // 2. caseSubmit, sequential and 8 in flight.
    log('caseSubmit: warm-up');
    await runLoad({ requests: 30, concurrency: 2, budgetMs: 10_000, send: submitNext('warm') });
    const submitSql = await sqlPerRequest(server, submitNext('sql'));
    for (const [concurrency, requests] of [[1, 200], [8, 600]] as const) {
      log(`caseSubmit: ${requests} requests, concurrency ${concurrency}`);
      const load = await measured(server, { requests, concurrency, budgetMs: 15_000, send: submitNext(`c${concurrency}`) });
      http.push({ name: 'caseSubmit (1-3 invoices)', concurrency, load, sql: submitSql });
    }

    // 3. A page of 50 cases with the CaseSummary selection.
    log('cases(first: 50): warm-up');
    await runLoad({ requests: 10, concurrency: 1, budgetMs: 10_000, send: () => listPage(server, 50) });
    const sql10 = await sqlPerRequest(server, () => listPage(server, 10));
    const sql50 = await sqlPerRequest(server, () => listPage(server, 50));
    for (const [concurrency, requests] of [[1, 150], [4, 150]] as const) {
      log(`cases(first: 50): ${requests} requests, concurrency ${concurrency}`);
      const load = await measured(server, { requests, concurrency, budgetMs: 12_000, send: () => listPage(server, 50) });
      http.push({ name: 'cases(first: 50), CaseSummary + debtor', concurrency, load, sql: `${sql50} (first: 10: ${sql10})` });
    }

    // 4. The statement of a case with 20 invoices and 30 payments.
    log('statement: setting up a case with 20 invoices and 30 payments');
    const caseId = await submit(server, {
      ...submission('stmt', 1),
      claims: Array.from({ length: 20 }, (_, c) => ({
        invoiceNumber: `S-${c + 1}`,
        invoiceDate: addDays('2024-01-01', c * 18),
        dueDate: addDays('2024-01-15', c * 18),
        amount: `${400 + c * 25}.00`,
      })),
    });
    for (let p = 0; p < 30; p++) {
      const data = await gql(server.url, server.key, PAYMENT_QUERY, {
        input: { caseId, amount: '50.00', receivedOn: addDays('2025-01-06', p * 14), externalReference: `BANK-${p}` },
      });
      if (data.paymentRecord.errors.length > 0) throw new Error(`paymentRecord refused: ${JSON.stringify(data.paymentRecord.errors)}`);
    }
    const sendStatement = () => statement(server, caseId, 20, 30);
    await runLoad({ requests: 20, concurrency: 1, budgetMs: 10_000, send: sendStatement });
    const statementSql = await sqlPerRequest(server, sendStatement);
    for (const [concurrency, requests] of [[1, 200], [4, 200]] as const) {
      log(`statement: ${requests} requests, concurrency ${concurrency}`);
      const load = await measured(server, { requests, concurrency, budgetMs: 10_000, send: sendStatement });
      http.push({ name: 'statement, 20 invoices + 30 payments', concurrency, load, sql: statementSql });
    }

    // 5. Memory: rounds of 1,000 submissions and 250 list requests, measured after a forced GC.
    log(`memory: ${MEMORY_ROUNDS} x (1,000 submissions and 250 list requests)`);
    const memory: { point: string; usage: NodeJS.MemoryUsage }[] = [];
    const before = await server.ask({ cmd: 'memory', gc: true });
    memory.push({ point: 'before', usage: before.usage });
    let peakRss = before.usage.rss;
    let submitted = 0;
    let listed = 0;
    for (let round = 1; round <= MEMORY_ROUNDS; round++) {
      submitted += (await runLoad({ requests: 1_000, concurrency: 8, budgetMs: 30_000, send: submitNext('mem') })).requests;
      listed += (await runLoad({ requests: 250, concurrency: 4, budgetMs: 25_000, send: () => listPage(server, 50) })).requests;
      const after = await server.ask({ cmd: 'memory', gc: true });
      peakRss = Math.max(peakRss, after.peakRss);
      memory.push({ point: `after ${submitted.toLocaleString('en-US')} submissions + ${listed.toLocaleString('en-US')} pages`, usage: after.usage });
    }

    process.stdout.write(
      report({
        machine,
        domain,
        http,
        memory,
        peakRss,
        gcForced: before.gcAvailable,
        totalSeconds: (performance.now() - runStarted) / 1000,
      }),
    );
  } finally {
    clearTimeout(watchdog);
    await server.stop();
  }
}

async function describeMachine(): Promise<string> {
  const conn = await connectAdmin(DATABASE_URL, { withDatabase: false });
  let database = 'MySQL';
  try {
    const [rows] = await conn.query('SELECT VERSION() AS v');
    database = `MySQL/MariaDB ${(rows as { v: string }[])[0].v}`;
  } finally {
    await conn.end();
  }
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${os.availableParallelism()} cores (${cpu}), ${mib(os.totalmem())} RAM, Node ${process.version}, ${database}; load average at start ${load}`;
}

function report(r: {
  machine: string;
  domain: ReturnType<typeof benchStatement>[];
  http: HttpRow[];
  memory: { point: string; usage: NodeJS.MemoryUsage }[];
  peakRss: number;
  gcForced: boolean;
  totalSeconds: number;
}): string {
  const domainTable = markdownTable(
    ['buildStatement', 'interest periods', 'runs', 'ops/s', 'µs / statement (mean)', 'p50 µs', 'p99 µs'],
    r.domain.map((d) => [
      `${d.claims} claim${d.claims === 1 ? '' : 's'}, ${d.payments} payments, 5 years`,
      String(d.interestPeriods),
      String(d.iterations),
      rate(d.opsPerSecond),
      Math.round(d.meanUs).toLocaleString('en-US'),
      Math.round(d.p50Us).toLocaleString('en-US'),
      Math.round(d.p99Us).toLocaleString('en-US'),
    ]),
  );
  const httpTable = markdownTable(
    ['HTTP', 'concurrency', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'SQL / request', 'server CPU ms / request', 'server CPU busy'],
    r.http.map((h) => [
      h.name,
      String(h.concurrency),
      String(h.load.requests),
      rate((h.load.requests / h.load.elapsedMs) * 1000),
      ms(percentile(h.load.latenciesMs, 50)),
      ms(percentile(h.load.latenciesMs, 95)),
      ms(percentile(h.load.latenciesMs, 99)),
      h.sql,
      ms(h.load.serverCpuMs / h.load.requests),
      `${Math.round((h.load.serverCpuMs / h.load.elapsedMs) * 100)}%`,
    ]),
  );
  const memoryTable = markdownTable(
    [`server memory${r.gcForced ? ' (after a forced GC)' : ' (no GC forced: run without --expose-gc)'}`, 'RSS', 'heap used', 'heap total', 'external + buffers'],
    [
      ...r.memory.map((m) => [m.point, mib(m.usage.rss), mib(m.usage.heapUsed), mib(m.usage.heapTotal), mib(m.usage.external + m.usage.arrayBuffers)]),
      ['peak RSS during the run', mib(r.peakRss), '', '', ''],
    ],
  );
  return [
    `Machine: ${r.machine}. Whole run: ${r.totalSeconds.toFixed(0)} s.`,
    '',
    domainTable,
    '',
    httpTable,
    '',
    'Latency is client-side, send to parsed body. Server CPU busy: CPU time of the hub process over wall time (100% = one core; its JS runs on one).',
    '',
    memoryTable,
    '',
  ].join('\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
