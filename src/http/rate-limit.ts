import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';

export interface RateLimitOptions {
  /** Sustained requests per second per client; 0 turns the limiter off. */
  perSecond: number;
  /** Requests a client may send at once before the sustained rate applies. */
  burst: number;
  /**
   * The verified principal a request's `Authorization` header speaks for (e.g. `token:<id>`),
   * or `undefined` when it carries no token, or one that is unknown or revoked.
   */
  principal?: (authorization: string | undefined) => string | undefined;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Marks a request the fast path (app.ts) already decided, so express does not count it twice. */
const DECIDED = Symbol('replika.rateLimitDecision');
type Decided = IncomingMessage & { [DECIDED]?: number };

/**
 * Per-client token buckets. A client is the verified principal of its bearer token (so one
 * regency's token cannot starve another sharing an address); anything unauthenticated — no
 * token, an invented, unknown or revoked one — counts against its client address, so inventing
 * tokens buys no extra requests. `decide` takes one token and answers 0 (admitted) or the
 * seconds to wait; it records its decision on the request, which `rateLimit`'s middleware then
 * uses instead of taking a second token.
 */
export function rateLimiter({
  perSecond,
  burst,
  principal = () => undefined,
  now = Date.now,
}: RateLimitOptions): { decide(req: IncomingMessage): number } | undefined {
  if (perSecond <= 0) return undefined;
  const buckets = new Map<string, Bucket>();
  // Full buckets carry no information: forget them so the map stays as small as the active set.
  const sweep = setInterval(() => {
    const t = now();
    for (const [key, b] of buckets)
      if (b.tokens + ((t - b.at) / 1000) * perSecond >= burst) buckets.delete(key);
  }, 60_000);
  sweep.unref();
  return {
    decide(req) {
      const decided = (req as Decided)[DECIDED];
      if (decided !== undefined) return decided;
      const verified = principal(req.headers.authorization);
      const key = verified
        ? `principal:${verified}`
        : `address:${req.socket.remoteAddress ?? 'unknown'}`;
      const t = now();
      const b = buckets.get(key) ?? { tokens: burst, at: t };
      b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * perSecond);
      b.at = t;
      buckets.set(key, b);
      let wait = 0;
      if (b.tokens >= 1) b.tokens -= 1;
      else wait = Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
      (req as Decided)[DECIDED] = wait;
      return wait;
    },
  };
}

/**
 * The rate limit as express middleware: over the limit, the request is answered 429 with a
 * GraphQL-shaped error (`extensions.code` `RATE_LIMITED`) and `Retry-After`; nothing runs.
 */
export function rateLimit(
  options: RateLimitOptions,
  limiter = rateLimiter(options),
): RequestHandler {
  if (!limiter) return (_req, _res, next) => next();
  const { perSecond, burst } = options;
  return (req, res, next) => {
    const retryAfter = limiter.decide(req);
    if (retryAfter === 0) return next();
    res
      .status(429)
      .set('Retry-After', String(retryAfter))
      .json({
        errors: [
          {
            message: `rate limit exceeded: at most ${perSecond} requests per second (bursts of ${burst}); retry in ${retryAfter} s`,
            extensions: { code: 'RATE_LIMITED', limit: perSecond, retryAfterSeconds: retryAfter },
          },
        ],
      });
  };
}
