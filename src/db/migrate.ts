import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { connectAdmin } from './connection';

/**
 * Applies prisma/migrations/<stamp>_<name>/migration.sql in order, keeping Prisma's own
 * `_prisma_migrations` bookkeeping so `prisma migrate deploy` stays usable where Prisma's native
 * schema engine exists. A named lock keeps two starting instances from racing.
 */
export const MIGRATIONS_DIR = path.resolve(__dirname, '../../prisma/migrations');
const LOCK_NAME = 'prisma_migrate';
const LOCK_TIMEOUT_SECONDS = 60;

export class MigrationError extends Error {
  name = 'MigrationError';
}

export type MigrationFile = { name: string; sql: string; checksum: string };

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

type AppliedRow = RowDataPacket & {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
};

export async function migrate(
  url: string,
  options: { dir?: string; log?: (msg: string) => void } = {},
): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  const migrations = await readMigrations(options.dir);
  const conn = await connectAdmin(url, { withDatabase: true });
  try {
    await acquireLock(conn);
    try {
      await ensureBookkeeping(conn);
      const applied = await appliedMigrations(conn);
      verifyHistory(migrations, applied);
      const pending = migrations.filter((m) => !applied.has(m.name));
      for (const migration of pending) {
        await applyOne(conn, migration);
        log(`applied migration ${migration.name}`);
      }
      return pending.map((m) => m.name);
    } finally {
      await conn.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await conn.end();
  }
}

async function acquireLock(conn: Connection): Promise<void> {
  const [rows] = await conn.query<RowDataPacket[]>('SELECT GET_LOCK(?, ?) AS got', [LOCK_NAME, LOCK_TIMEOUT_SECONDS]);
  if (rows[0]?.got !== 1) {
    throw new MigrationError(`another instance held the migration lock for over ${LOCK_TIMEOUT_SECONDS}s`);
  }
}

async function ensureBookkeeping(conn: Connection): Promise<void> {
  await conn.query(`CREATE TABLE IF NOT EXISTS \`_prisma_migrations\` (
    \`id\` VARCHAR(36) NOT NULL,
    \`checksum\` VARCHAR(64) NOT NULL,
    \`finished_at\` DATETIME(3) NULL,
    \`migration_name\` VARCHAR(255) NOT NULL,
    \`logs\` TEXT NULL,
    \`rolled_back_at\` DATETIME(3) NULL,
    \`started_at\` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    \`applied_steps_count\` INTEGER UNSIGNED NOT NULL DEFAULT 0,
    PRIMARY KEY (\`id\`)
  ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
}

async function appliedMigrations(conn: Connection): Promise<Map<string, AppliedRow>> {
  const [rows] = await conn.query<AppliedRow[]>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM `_prisma_migrations` WHERE rolled_back_at IS NULL ORDER BY started_at',
  );
  return new Map(rows.map((r) => [r.migration_name, r]));
}

/** Refuses to go on when history and files disagree: an edited, failed or unknown migration. */
function verifyHistory(files: MigrationFile[], applied: Map<string, AppliedRow>): void {
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const [name, row] of applied) {
    const file = byName.get(name);
    if (!file) {
      throw new MigrationError(`migration ${name} is applied to the database but missing from prisma/migrations`);
    }
    if (row.finished_at === null) {
      throw new MigrationError(
        `migration ${name} failed part-way earlier; repair the database, then mark it rolled back in _prisma_migrations`,
      );
    }
    if (row.checksum !== file.checksum) {
      throw new MigrationError(
        `migration ${name} was edited after it was applied (checksum differs); add a new migration instead`,
      );
    }
  }
}

async function applyOne(conn: Connection, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await conn.query(
    'INSERT INTO `_prisma_migrations` (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, NOW(3), 0)',
    [id, migration.checksum, migration.name],
  );
  try {
    await conn.query(migration.sql);
  } catch (err) {
    await conn.query('UPDATE `_prisma_migrations` SET logs = ? WHERE id = ?', [String(err), id]);
    throw new MigrationError(`migration ${migration.name} failed: ${(err as Error).message}`);
  }
  await conn.query(
    'UPDATE `_prisma_migrations` SET finished_at = NOW(3), applied_steps_count = 1 WHERE id = ?',
    [id],
  );
}
