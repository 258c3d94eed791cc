import { cp, mkdtemp, appendFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { MIGRATIONS_DIR, migrate, readMigrations } from '../../src/db/migrate';
import { emptyDatabase, recreateDatabase, testDatabaseUrl } from '../support/databases';

/** The runner over a scratch database of its own, so other tests keep theirs. */
const url = testDatabaseUrl(`migrations_${process.env.JEST_WORKER_ID ?? '1'}`);

async function query<T>(sql: string): Promise<T[]> {
  const u = new URL(url);
  const conn = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: u.username || 'root', database: u.pathname.slice(1) });
  try {
    return (await conn.query(sql))[0] as T[];
  } finally {
    await conn.end();
  }
}

describe('migration runner', () => {
  let dir: string;

  beforeEach(async () => {
    await recreateDatabase(url);
    dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps Prisma bookkeeping with sha256 checksums and applies nothing twice', async () => {
    const rows = await query<{ migration_name: string; checksum: string; finished_at: string | null; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).not.toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
    expect(await migrate(url, { dir })).toEqual([]);
  });

  it('refuses to run when an applied migration file was edited afterwards', async () => {
    const first = (await query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations ORDER BY started_at LIMIT 1'))[0];
    await appendFile(path.join(dir, first.migration_name, 'migration.sql'), '\n-- edited\n');
    await expect(migrate(url, { dir })).rejects.toThrow(/was edited after it was applied/);
  });

  it('two instances starting at once apply each migration exactly once', async () => {
    const fresh = testDatabaseUrl(`migrations_race_${process.env.JEST_WORKER_ID ?? '1'}`);
    await emptyDatabase(fresh);
    const [a, b] = await Promise.all([migrate(fresh, { dir }), migrate(fresh, { dir })]);
    const all = (await readMigrations(dir)).map((m) => m.name);
    expect([...a, ...b].sort()).toEqual(all);
  });

  it('records a failing migration and refuses to continue past it', async () => {
    const bad = path.join(dir, '99999999999999_broken');
    await cp(path.join(MIGRATIONS_DIR, (await query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations LIMIT 1'))[0].migration_name), bad, { recursive: true });
    await appendFile(path.join(bad, 'migration.sql'), '\nTHIS IS NOT SQL;\n');
    await expect(migrate(url, { dir })).rejects.toThrow(/99999999999999_broken failed/);
    await expect(migrate(url, { dir })).rejects.toThrow(/failed part-way earlier/);
  });
});
