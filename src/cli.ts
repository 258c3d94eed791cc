import { ConfigError } from './config';
import { DatabaseUnreachableError } from './db/connection';
import { MigrationError } from './db/migrate';

/** Errors a person can act on: one readable message, no stack trace. */
export function describeStartupError(err: unknown): string | undefined {
  if (err instanceof ConfigError || err instanceof DatabaseUnreachableError) return err.message;
  if (err instanceof MigrationError) return `Cannot migrate the database: ${err.message}`;
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ER_ACCESS_DENIED_ERROR') {
    return `MySQL refused the credentials in DATABASE_URL: ${(err as Error).message}`;
  }
  return undefined;
}

/** Runs a command-line entry point; a known failure prints one line and exits 1. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(describeStartupError(err) ?? err);
      process.exit(1);
    },
  );
}
