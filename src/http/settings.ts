import { z } from 'zod';

/**
 * Settings of the HTTP edge that are not GraphQL limits (those are in `src/graphql/hardening.ts`),
 * validated with the rest of the configuration in `src/config.ts`.
 */
export const HttpSettingsSchema = z.object({
  /**
   * Browser origins allowed to call the API from another site, comma-separated
   * (`https://dashboard.example.go.id,https://intranet.example`), or `*` for any origin. Empty
   * (the default): same-origin only, which is all the workbench served by this server needs.
   * Credentials (cookies) are never allowed: the API authenticates with bearer tokens.
   */
  REPLIKA_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .refine((origins) => origins.every((o) => o === '*' || isOrigin(o)), {
      message:
        'must be * or a comma-separated list of origins such as https://dashboard.example.go.id (scheme, host, optional port; no path)',
    }),
  /** Largest CSV file `POST /import/milestones` (`replika import --url`) accepts, in megabytes. */
  REPLIKA_IMPORT_MAX_MB: z.coerce.number().min(0.01).max(1024).default(32),
});

export interface HttpSettings {
  /** Allowed foreign origins; `['*']` for any. */
  corsOrigins: string[];
  importMaxBytes: number;
}

export function httpSettingsFrom(env: z.infer<typeof HttpSettingsSchema>): HttpSettings {
  return {
    corsOrigins: env.REPLIKA_CORS_ORIGINS,
    importMaxBytes: Math.round(env.REPLIKA_IMPORT_MAX_MB * 1024 * 1024),
  };
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
