import { connectAdmin, ensureDatabase } from '../../src/db/connection';
import { migrate } from '../../src/db/migrate';

/**
 * Each jest worker gets its own database, created and migrated fresh at the start of a run,
 * never a developer's demo database. TEST_DATABASE_URL names the server (and a base name).
 */
const BASE = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/incasso_hub_test';

export function testDatabaseUrl(worker: string | number = process.env.JEST_WORKER_ID ?? '1'): string {
  const url = new URL(BASE);
  url.pathname = `${url.pathname.replace(/^\//, '')}_${worker}`;
  return url.toString();
}

/** Drops and re-creates the database, empty. */
export async function emptyDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const conn = await connectAdmin(url, { withDatabase: false });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await conn.end();
  }
  await ensureDatabase(url);
}

/** A fresh, fully migrated database. */
export async function recreateDatabase(url: string): Promise<void> {
  await emptyDatabase(url);
  await migrate(url);
}
