import { describeStartupError } from './cli';
import { systemClock } from './clock';
import { loadConfig, type Config } from './config';
import { createDb } from './db/client';
import { ensureDatabase } from './db/connection';
import { migrate } from './db/migrate';
import { seedDemoData, seedReferenceData } from './db/seed';
import { createEvents } from './events';
import { createLogger } from './logger';
import { createHubServer } from './server/app';
import { startScheduler } from './jobs/runner';
import { WebhookDispatcher } from './webhooks/dispatcher';

/** Starts everything: config -> database -> migrations -> events -> http/ws server; stops on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
    await ensureDatabase(config.database.url);
    await migrate(config.database.url);
  } catch (err) {
    exitWith(err);
  }
  const logger = createLogger(config.logLevel);
  const db = createDb(config.database.url, config.database.poolSize);
  const events = createEvents({ config, db, logger });
  const deps = { config, db, logger, clock: systemClock, events };
  await seedReferenceData(db);
  if (config.seedDemoData) {
    if (await seedDemoData(deps)) logger.info('demo creditor, sandbox partner and demo keys seeded (see README)');
  }
  await events.start();
  const server = await createHubServer(deps);
  const port = await server.listen(config.port, config.host);
  logger.info({ port, path: '/graphql' }, 'Incasso Hub is listening');
  const stopJobs = config.jobsEnabled ? startScheduler(deps) : async () => undefined;
  const webhooks = new WebhookDispatcher(deps);
  if (config.jobsEnabled) webhooks.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    try {
      await stopJobs();
      await webhooks.stop();
      await server.stop();
      await events.stop();
      await db.$disconnect();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function exitWith(err: unknown): never {
  const readable = describeStartupError(err);
  console.error(readable ?? err);
  process.exit(1);
}

main().catch(exitWith);
