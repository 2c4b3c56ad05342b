import { resolve } from 'node:path';
import { z } from 'zod';
import { type Limits, LimitsSchema, limitsFrom } from './graphql/hardening.js';

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seconds a graceful shutdown waits for in-flight requests before closing their connections. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).default(10),
  ...LimitsSchema.shape,
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  eventLogPath: string;
  readModelPath: string;
  demo: boolean;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  shutdownTimeoutMs: number;
  /** Limits of the GraphQL edge (see `src/graphql/hardening.ts`). */
  limits: Limits;
}

/** A bad setting: the message names the variable and what it accepts. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success)
    throw new ConfigError(
      `invalid configuration: ${parsed.error.issues
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
    logLevel: c.LOG_LEVEL,
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    limits: limitsFrom(c),
  };
}
