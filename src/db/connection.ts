import mysql, { type Connection } from 'mysql2/promise';

export class DatabaseUnreachableError extends Error {
  constructor(host: string, port: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `Cannot reach MySQL at ${host}:${port} (${reason}). Start the database or set DATABASE_URL, e.g. DATABASE_URL=mysql://user:password@host:3306/incasso_hub`,
    );
    this.name = 'DatabaseUnreachableError';
  }
}

/** A single mysql2 connection for administrative work (creating the database, migrating). */
export async function connectAdmin(url: string, options: { withDatabase: boolean }): Promise<Connection> {
  const u = new URL(url);
  const port = Number(u.port || 3306);
  try {
    return await mysql.createConnection({
      host: u.hostname,
      port,
      user: decodeURIComponent(u.username || 'root'),
      password: decodeURIComponent(u.password),
      database: options.withDatabase ? decodeURIComponent(u.pathname.slice(1)) : undefined,
      multipleStatements: true,
      connectTimeout: 5000,
      dateStrings: true,
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR') throw err;
    throw new DatabaseUnreachableError(u.hostname, port, err);
  }
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const conn = await connectAdmin(url, { withDatabase: false });
  try {
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await conn.end();
  }
}
