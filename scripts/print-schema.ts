import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printedSchema } from '../src/resolvers/schema';

/** Writes schema/schema.graphql, or with --check fails when the checked-in file is stale. */
const target = path.resolve(__dirname, '../schema/schema.graphql');
const fresh = printedSchema();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // a missing file is stale too
  }
  if (current !== fresh) {
    console.error('schema/schema.graphql is stale: run `npm run schema:print` and commit the result.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is current');
} else {
  writeFileSync(target, fresh);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
