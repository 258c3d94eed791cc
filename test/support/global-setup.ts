import { recreateDatabase, testDatabaseUrl } from './databases';

/** Creates and migrates one database per jest worker before any test runs. */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const workers = Math.max(1, globalConfig.maxWorkers);
  for (let w = 1; w <= workers; w++) await recreateDatabase(testDatabaseUrl(w));
}
