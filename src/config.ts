import { z } from 'zod';

/**
 * Every setting of Incasso Hub, parsed once from the environment into a typed object.
 * Nothing else reads process.env. The README's configuration table mirrors this schema.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const mysqlUrl = z
  .string()
  .url()
  .refine((v) => /^(mysql|mariadb):\/\//.test(v), 'must start with mysql:// or mariadb://');

const redisUrl = z
  .string()
  .url()
  .refine((v) => /^rediss?:\/\//.test(v), 'must start with redis:// or rediss://');

const csv = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: mysqlUrl.default('mysql://root@127.0.0.1:3306/incasso_hub'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: redisUrl.optional(),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:._-]{1,64}$/, 'letters, digits and : . _ - only, at most 64').default('incasso-hub:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  INTROSPECTION: booleanFlag.optional(),
  CORS_ORIGINS: csv.default([]),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  SEED_DEMO_DATA: booleanFlag.optional(),
  JOBS_ENABLED: booleanFlag.default(true),
  VAT_RATE_PERCENT: z.coerce.number().min(0).max(100).default(21),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1_000_000).default(100),
  MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(30),
  MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
  MAX_COMPLEXITY: z.coerce.number().int().min(10).max(1_000_000).default(5000),
  PERSISTED_OPERATIONS_ONLY: booleanFlag.default(false),
});

export type Config = {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  database: { url: string; poolSize: number; host: string; port: number; name: string };
  redisUrl: string | undefined;
  /** Put before every Redis key and pub/sub channel, so environments (or test runs) can share one Redis. */
  redisPrefix: string;
  logLevel: string;
  maxBodyBytes: number;
  introspection: boolean;
  corsOrigins: string[];
  shutdownGraceMs: number;
  seedDemoData: boolean;
  jobsEnabled: boolean;
  vatRatePercent: number;
  rateLimit: { perMinute: number; burst: number };
  maxAliases: number;
  /** Query depth, breadth and complexity limits (breadth: fields per selection level). */
  queryLimits: { depth: number; breadth: number; complexity: number };
  persistedOperationsOnly: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; reports every problem at once, naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const dbUrl = new URL(e.DATABASE_URL);
  const name = decodeURIComponent(dbUrl.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) {
    throw new ConfigError([
      'DATABASE_URL: must name a database made of letters, digits and underscores (e.g. mysql://root@127.0.0.1:3306/incasso_hub)',
    ]);
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: {
      url: e.DATABASE_URL,
      poolSize: e.DATABASE_POOL_SIZE,
      host: dbUrl.hostname,
      port: Number(dbUrl.port || 3306),
      name,
    },
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    introspection: e.INTROSPECTION ?? e.NODE_ENV !== 'production',
    corsOrigins: e.CORS_ORIGINS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    seedDemoData: e.SEED_DEMO_DATA ?? e.NODE_ENV === 'development',
    jobsEnabled: e.JOBS_ENABLED,
    vatRatePercent: e.VAT_RATE_PERCENT,
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, burst: e.RATE_LIMIT_BURST },
    maxAliases: e.MAX_ALIASES,
    queryLimits: { depth: e.MAX_DEPTH, breadth: 200, complexity: e.MAX_COMPLEXITY },
    persistedOperationsOnly: e.PERSISTED_OPERATIONS_ONLY,
  };
}

/** An empty variable means "not set", as in most shells' `VAR= cmd`. */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}
