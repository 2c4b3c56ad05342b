import type { RequestHandler } from 'express';

/** Request headers a browser client may send, response headers it may read. */
const ALLOWED_HEADERS =
  'content-type, accept, authorization, idempotency-key, x-replika-min-position';
const EXPOSED_HEADERS =
  'x-replika-position, x-replika-read-position, x-replika-cache, retry-after, content-type';

/**
 * CORS for the GraphQL endpoint, from configuration (`REPLIKA_CORS_ORIGINS`): an origin is
 * answered only when it is listed (or the list is `*`), and never with
 * `Access-Control-Allow-Credentials` (tokens travel in the Authorization header, not cookies).
 * It runs before the response cache, so a cached answer carries the same CORS headers as a fresh
 * one; `Vary: Origin` tells shared caches the answer depends on the origin.
 */
export function cors(origins: readonly string[]): RequestHandler {
  const any = origins.includes('*');
  const listed = new Set(origins);
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.headers.origin;
    const allowed = origin !== undefined && (any || listed.has(origin));
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    if (req.method !== 'OPTIONS') return next();
    // A preflight (or a bare OPTIONS) is answered here; nothing behind runs.
    if (allowed) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
  };
}
