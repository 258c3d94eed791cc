#!/bin/sh
# Stands in for Prisma's native schema engine, which `prisma generate` wants to find but never
# runs. Migrations are applied by the project's own runner: `npm run db:migrate`.
echo "The Prisma schema engine is not used by this project; run 'npm run db:migrate' instead." >&2
exit 1
