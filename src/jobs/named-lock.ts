import { connectAdmin } from '../db/connection';

/**
 * Runs `work` only while this process holds the MySQL named lock `name`, so with several
 * instances exactly one runs it. The lock lives on a dedicated connection: named locks belong to
 * a session, and a pooled connection could run the release on another one. Answers null when
 * another session holds the lock.
 */
export async function withNamedLock<T>(databaseUrl: string, name: string, work: () => Promise<T>): Promise<{ value: T } | null> {
  const conn = await connectAdmin(databaseUrl, { withDatabase: true });
  try {
    const [rows] = await conn.query('SELECT GET_LOCK(?, 0) AS got', [name]);
    if ((rows as { got: number }[])[0]?.got !== 1) return null;
    try {
      return { value: await work() };
    } finally {
      await conn.query('SELECT RELEASE_LOCK(?)', [name]);
    }
  } finally {
    await conn.end();
  }
}
