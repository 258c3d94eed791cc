/**
 * Follows the events of your cases and never misses one: not across network trouble, not across
 * a server restart or a deploy, not across a restart of this program.
 *
 *   npx tsx examples/follow-cases.ts
 *
 * Settings (environment):
 *   INCASSO_HUB_URL   default ws://localhost:4000/graphql
 *   INCASSO_HUB_KEY   default the demo creditor key of `npm start` in development
 *   CURSOR_FILE       where the last handled sequence is kept; default .follow-cases.cursor
 *
 * Prints one JSON line per event on stdout; connection news goes to stderr.
 *
 * The recipe: remember the `sequence` of the last event you handled, durably, and subscribe with
 * `after` set to it. graphql-ws retries dropped connections and then sends the same subscribe
 * message again, so keep `after` in the variables object it sends: the retry asks for exactly
 * what you have not handled yet, and the server sends the stored events first, then live ones.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const url = process.env.INCASSO_HUB_URL ?? 'ws://localhost:4000/graphql';
const key = process.env.INCASSO_HUB_KEY ?? 'ih_democreditor_demo-creditor-key-for-local-use-only';
const cursorFile = process.env.CURSOR_FILE ?? '.follow-cases.cursor';

const FOLLOW = /* GraphQL */ `
  subscription FollowCaseEvents($after: String) {
    caseEvents(after: $after) { sequence type occurredAt actorKind data }
  }
`;

type CaseEvent = { sequence: string; type: string; occurredAt: string; actorKind: string; data: string };

/** Your business. Make it idempotent: after a crash between handling and saving, it runs again. */
function handle(event: CaseEvent): void {
  process.stdout.write(`${JSON.stringify({ ...event, data: JSON.parse(event.data) })}\n`);
}

const variables: { after: string | null } = {
  after: existsSync(cursorFile) ? readFileSync(cursorFile, 'utf8').trim() || null : null,
};

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { authorization: `Bearer ${key}` },
  // A protocol ping every 10 s, so a silently dead connection is noticed and retried.
  keepAlive: 10_000,
  // Retry for ever, with a capped backoff. graphql-ws itself never retries a refused key (4401).
  retryAttempts: Number.POSITIVE_INFINITY,
  shouldRetry: () => true,
  retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1_000 * 2 ** retries) * (0.5 + Math.random() / 2))),
  on: {
    connected: () => console.error(`connected to ${url}; resuming after ${variables.after ?? '(now)'}`),
    closed: (event) => {
      const { code, reason } = event as { code: number; reason: string };
      console.error(`connection closed: ${code} ${reason || describe(code)}`);
    },
  },
});

client.subscribe<{ caseEvents: CaseEvent }>(
  { query: FOLLOW, variables },
  {
    next: ({ data, errors }) => {
      if (errors) return console.error('error:', JSON.stringify(errors));
      const event = data!.caseEvents;
      // The server sends nothing twice; this guard keeps handling safe if that ever changed.
      if (variables.after && BigInt(event.sequence) <= BigInt(variables.after)) return;
      handle(event);
      variables.after = event.sequence;
      writeFileSync(cursorFile, event.sequence);
    },
    error: (err) => {
      console.error('stopped:', (err as { reason?: string }).reason ?? err);
      process.exit(1);
    },
    complete: () => process.exit(0),
  },
);

function describe(code: number): string {
  const known: Record<number, string> = {
    1001: 'server going away (restart or deploy); reconnecting',
    1013: 'live events interrupted on the server; reconnecting',
    4008: 'we read too slowly; reconnecting and resuming',
    4403: 'key revoked',
    4401: 'key missing, unknown or revoked',
  };
  return known[code] ?? '';
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void client.dispose();
    process.exit(0);
  });
}
