import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** Polls until check() holds; fails with `what` so a timeout says what never happened. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What one subscription has received so far. */
export class Feed<T> {
  readonly items: T[] = [];
  readonly errors: unknown[] = [];
  done = false;
  stop: () => void = () => undefined;

  async until(check: (items: T[]) => boolean, what: string, ms?: number): Promise<T[]> {
    await waitFor(() => {
      if (this.errors.length) throw new Error(`subscription failed: ${JSON.stringify(this.errors)}`);
      return check(this.items);
    }, what, ms);
    return this.items;
  }
}

/**
 * A graphql-ws client over the `ws` package, as a Node service of a creditor would use it. It does
 * not retry unless asked, so a test sees every close code itself.
 */
export function liveClient(httpUrl: string, key?: string, options: { retryAttempts?: number; onMessage?: (type: string) => void } = {}) {
  const closes: { code: number; reason: string }[] = [];
  let socket: WebSocket | undefined;
  let connected = 0;
  const client: Client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    retryAttempts: options.retryAttempts ?? 0,
    retryWait: async () => new Promise((r) => setTimeout(r, 50)),
    shouldRetry: () => true,
    on: {
      connected: (s) => {
        socket = s as WebSocket;
        connected += 1;
      },
      message: (message) => options.onMessage?.(message.type),
      closed: (event) => {
        const e = event as { code: number; reason: string };
        closes.push({ code: e.code, reason: String(e.reason) });
      },
    },
  });
  return {
    client,
    closes,
    /** The current WebSocket (after the first subscription connected). */
    get socket(): WebSocket {
      if (!socket) throw new Error('not connected yet');
      return socket;
    },
    get connections(): number {
      return connected;
    },
    subscribe<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V): Feed<T> {
      const feed = new Feed<T>();
      feed.stop = client.subscribe<T>(
        { query: print(document), variables },
        {
          next: (result) => {
            if (result.errors) feed.errors.push(...result.errors);
            else if (result.data) feed.items.push(result.data as T);
          },
          error: (err) => (Array.isArray(err) ? feed.errors.push(...err) : feed.errors.push(err)),
          complete: () => {
            feed.done = true;
          },
        },
      );
      return feed;
    },
    dispose: () => client.dispose(),
  };
}
