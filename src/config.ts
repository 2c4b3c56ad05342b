import { resolve } from 'node:path';
import { z } from 'zod';
import { type HttpSettings, HttpSettingsSchema, httpSettingsFrom } from './http/settings.js';

/**
 * Limits of the GraphQL edge (enforced by `src/graphql/hardening.ts` and the HTTP rate limit),
 * from the environment, validated with the rest of the configuration.
 */
export const LimitsSchema = z.object({
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).default(10),
  MAX_ALIASES: z.coerce.number().int().min(0).default(15),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).default(10),
  MAX_TOKENS: z.coerce.number().int().min(1).default(2000),
  /** graphql-armor's static cost (objects 2, scalars 1, ×1.5 per level, × literal `first`). */
  MAX_QUERY_COST: z.coerce.number().int().min(1).default(1_000_000),
  /**
   * List items one request may resolve, counted while it executes. Static limits cannot see
   * fan-out (`regencies { province { regencies { … } } }` multiplies by ~38 per level); this can.
   */
  MAX_LIST_ITEMS: z.coerce.number().int().min(1).default(50_000),
  /** What a query may make the server compute, priced per field (see graphql/query-price.ts). */
  MAX_QUERY_PRICE: z.coerce.number().int().min(1).default(5_000),
  /** Milliseconds a query may run before it is stopped with QUERY_TIMEOUT; 0 = no budget. */
  MAX_QUERY_MS: z.coerce.number().int().min(0).default(10_000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(102_400),
  /** Operations in one batched request (a JSON array body); 0 turns batching off. */
  MAX_BATCH: z.coerce.number().int().min(0).default(10),
  /** Sustained requests per second per verified token (else per client address); 0 = no limit. */
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(50),
  /** Requests a client may send at once before the sustained rate applies. */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(500),
});

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  maxListItems: number;
  maxPrice: number;
  maxQueryMs: number;
  maxBodyBytes: number;
  maxBatch: number;
  ratePerSecond: number;
  rateBurst: number;
}

export function limitsFrom(env: z.infer<typeof LimitsSchema>): Limits {
  return {
    maxDepth: env.MAX_QUERY_DEPTH,
    maxAliases: env.MAX_ALIASES,
    maxDirectives: env.MAX_DIRECTIVES,
    maxTokens: env.MAX_TOKENS,
    maxCost: env.MAX_QUERY_COST,
    maxListItems: env.MAX_LIST_ITEMS,
    maxPrice: env.MAX_QUERY_PRICE,
    maxQueryMs: env.MAX_QUERY_MS,
    maxBodyBytes: env.MAX_BODY_BYTES,
    maxBatch: env.MAX_BATCH,
    ratePerSecond: env.RATE_LIMIT_PER_SECOND,
    rateBurst: env.RATE_LIMIT_BURST,
  };
}

export const defaultLimits: Limits = limitsFrom(LimitsSchema.parse({}));

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Configuration from the environment, validated at start-up. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Where the event log (`events.db`) and the read model (`read-model.db`) live. */
  DATA_DIR: z.string().min(1).default('data'),
  /** Load the Banyuwangi demo story into an empty store on first start. */
  REPLIKA_DEMO: flag.default(true),
  /** How long a query sent with X-Replika-Min-Position waits for the read model to reach it. */
  REPLIKA_FRESHNESS_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /**
   * Megabytes of query answers the response cache keeps; 0 turns it off. It holds the answers at
   * the read model's current position only (older ones go when it moves): the bench's analyst
   * loads, thousands of different questions, fill ~3 MB; 16 MB is ~240 flagship-sized answers.
   */
  REPLIKA_RESPONSE_CACHE_MB: z.coerce.number().min(0).max(4096).default(16),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The ministry's admin token; generated and printed once on first start when unset. */
  REPLIKA_ADMIN_TOKEN: z
    .string()
    .min(24, { message: 'must be at least 24 characters' })
    .max(512)
    .regex(/^[\x21-\x7e]+$/, { message: 'must be printable ASCII without spaces' })
    // A guessable admin token is refused outright (it is also stored under a slow hash).
    .refine((t) => new Set(t).size >= 12 && /[a-zA-Z]/.test(t) && /[^a-zA-Z]/.test(t), {
      message:
        'is too easy to guess: use at least 12 different characters, letters and others (e.g. `openssl rand -base64 32`)',
    })
    .optional(),
  /** Require a valid token for queries too (writes always need one). */
  REPLIKA_READS_REQUIRE_TOKEN: flag.default(false),
  /** Which event store: the embedded SQLite file (default) or a KurrentDB node or cluster. */
  EVENT_STORE: z.enum(['sqlite', 'kurrentdb']).default('sqlite'),
  /** KurrentDB connection string, e.g. `kurrentdb://localhost:2113?tls=false`. */
  KURRENTDB_URL: z
    .string()
    .regex(
      /^(kurrentdb|kdb|esdb)(\+discover)?:\/\/\S+$/,
      'must be a KurrentDB connection string: kurrentdb://host:2113?tls=false (or kurrentdb+discover://, esdb://)',
    )
    .optional(),
  /** Worker threads that compute diffusion figures off the request thread; 0 computes them inline. */
  REPLIKA_ANALYTICS_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  /** Seconds a graceful shutdown waits for in-flight requests before closing their connections. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).default(10),
  ...LimitsSchema.shape,
  ...HttpSettingsSchema.shape,
});

/** Rules between settings. */
const CheckedConfigSchema = ConfigSchema.refine(
  (c) => c.EVENT_STORE !== 'kurrentdb' || c.KURRENTDB_URL !== undefined,
  {
    path: ['KURRENTDB_URL'],
    message: 'is required when EVENT_STORE=kurrentdb (e.g. kurrentdb://localhost:2113?tls=false)',
  },
);

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  eventLogPath: string;
  readModelPath: string;
  demo: boolean;
  freshnessTimeoutMs: number;
  responseCacheBytes: number;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  adminToken: string | undefined;
  readsRequireToken: boolean;
  /** Which event store (absent: `sqlite`). */
  eventStore?: 'sqlite' | 'kurrentdb';
  /** Set when `eventStore` is `kurrentdb`. */
  kurrentdbUrl?: string | undefined;
  shutdownTimeoutMs: number;
  /** Worker threads for diffusion figures (absent: 1; 0: inline). */
  analyticsWorkers?: number;
  /** Limits of the GraphQL edge (see `LimitsSchema`). */
  limits: Limits;
  /** Settings of the HTTP edge (see `src/http/settings.ts`); defaults when absent. */
  http?: HttpSettings;
}

/** A bad setting: the message names the variable and what it accepts. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = CheckedConfigSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success)
    throw new ConfigError(
      `invalid configuration: ${parsed.error.issues
        // The message names the variable and the rule, never the value (it may be a secret).
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  const c = parsed.data;
  const dataDir = resolve(c.DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    eventLogPath: resolve(dataDir, 'events.db'),
    readModelPath: resolve(dataDir, 'read-model.db'),
    demo: c.REPLIKA_DEMO,
    freshnessTimeoutMs: c.REPLIKA_FRESHNESS_TIMEOUT_MS,
    responseCacheBytes: Math.round(c.REPLIKA_RESPONSE_CACHE_MB * 1024 * 1024),
    logLevel: c.LOG_LEVEL,
    adminToken: c.REPLIKA_ADMIN_TOKEN,
    readsRequireToken: c.REPLIKA_READS_REQUIRE_TOKEN,
    eventStore: c.EVENT_STORE,
    kurrentdbUrl: c.KURRENTDB_URL,
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    analyticsWorkers: c.REPLIKA_ANALYTICS_WORKERS,
    limits: limitsFrom(c),
    http: httpSettingsFrom(c),
  };
}
