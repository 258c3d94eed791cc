import { loadConfig } from '../config';
import { ensureDatabase } from './connection';
import { migrate } from './migrate';
import { runCli } from '../cli';

runCli(async () => {
  const config = loadConfig();
  await ensureDatabase(config.database.url);
  const applied = await migrate(config.database.url, { log: (m) => console.log(m) });
  console.log(applied.length ? `${applied.length} migration(s) applied` : 'database is up to date');
});
