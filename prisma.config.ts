import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI only (generate; migrate deploy where a schema engine exists).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/incasso_hub' },
});
