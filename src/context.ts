import type { Logger } from 'pino';
import type { Viewer } from './auth/viewer';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Db } from './db/client';

/** What a running hub is made of; built once in main.ts (or by the test harness). */
export type AppDeps = {
  config: Config;
  db: Db;
  logger: Logger;
  clock: Clock;
};

/** Per request (or per socket): the app plus who is asking. */
export type Context = AppDeps & {
  viewer: Viewer;
  requestId: string;
};
