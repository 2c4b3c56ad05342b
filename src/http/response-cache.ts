import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, RequestHandler, Response } from 'express';
import { answerFromBytes, deferAnswer, type Encoding } from './answer-bytes.js';

/**
 * A response cache in front of GraphQL, keyed by the read model's position: a repeated analyst
 * question costs a hash and a lookup until new events move the position, and none of GraphQL's
 * parse, validation and execution. What may be stored is decided inside GraphQL (a query without
 * errors, answered entirely at the lookup's position: see `cacheableQueries`), which marks the
 * Node request with `markCacheable`. POST requests with one JSON operation are cached; batches,
 * GETs and requests waiting for `X-Replika-Min-Position` go straight through. A hit is answered
 * from the stored bytes (answer-bytes.ts): headers made once per entry, `ETag` with `304 Not
 * Modified` for `If-None-Match`, and gzip or brotli when the client asks, compressed once.
 */

const CACHEABLE_AT = Symbol('replika.cacheableAt');
type Marked = IncomingMessage & { [CACHEABLE_AT]?: bigint };

/** Called by GraphQL: this request's answer is complete at `position` and may be reused. */
export function markCacheable(req: IncomingMessage, position: bigint): void {
  (req as Marked)[CACHEABLE_AT] = position;
}

export interface Entry {
  /** The miss's response headers, without those that belong to one connection or moment. */
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** A strong validator of the body (sent as `ETag`; `If-None-Match` with it answers 304). */
  etag: string;
  /** The headers a hit writes, made once: the miss's, its length and `X-Replika-Cache: HIT`. */
  hit?: Record<string, string | string[] | number>;
  /** The body compressed, made on the first hit that asks for it. */
  encoded?: Partial<Record<Encoding, Buffer>>;
}

export interface ResponseCacheOptions {
  /** The read model's position now. */
  position: () => bigint;
  /** Bytes of response bodies kept at most (least recently used go first); 0 turns it off. */
  maxBytes: number;
  /** Larger request bodies are left to GraphQL, which refuses them. */
  maxBodyBytes: number;
}

/** A request whose body the fast path (app.ts) read already: what it found, for the middleware. */
const PREPARED = Symbol('replika.cachePrepared');
interface Prepared {
  /** `undefined`: larger than allowed. */
  body: Buffer | undefined;
  /** The cache key, for one operation (a batch is not cached). */
  key?: string;
  position: bigint;
}
type WithPrepared = IncomingMessage & { [PREPARED]?: Prepared | { failed: unknown } };

export interface ResponseCache {
  /** The cache as express middleware, in front of GraphQL. */
  middleware: RequestHandler;
  /** Whether the cache would look this request up (a POST of JSON within the size limit). */
  takes(req: IncomingMessage): boolean;
  /**
   * Reads the body and answers a hit from its bytes; anything else (a miss, a batch, a body too
   * large) is handed to `pass` with the body kept on the request, for the middleware to go on.
   */
  answer(req: IncomingMessage, res: ServerResponse, pass: () => void): void;
  /** What the cache holds now: answers, and the bytes of their bodies. */
  held(): { entries: number; bytes: number };
}

export function responseCache(options: ResponseCacheOptions): ResponseCache {
  const entries = new ByteBoundedLru(options.maxBytes);
  // Every key holds the position it was answered at, and the position only moves on: once it
  // has moved, no request can ask for an older entry again, so they are let go at once (kept,
  // they would fill the budget between writes with answers nobody can hit).
  let at: bigint | undefined;
  const positionNow = () => {
    const position = options.position();
    if (position !== at) {
      entries.clear();
      at = position;
    }
    return position;
  };
  const takes = (req: IncomingMessage) =>
    options.maxBytes > 0 &&
    req.method === 'POST' &&
    req.headers['x-replika-min-position'] === undefined &&
    req.headers['content-type']?.includes('json') === true &&
    Number(req.headers['content-length'] ?? 0) <= options.maxBodyBytes;
  const prepare = (req: IncomingMessage, body: Buffer | undefined): Prepared => {
    const position = positionNow();
    if (body === undefined || !isSingleOperation(body)) return { body, position };
    const key = createHash('sha256')
      .update(
        `${position}\n${req.headers.authorization ?? ''}\n${req.headers.accept ?? ''}\n${req.headers.origin ?? ''}\n`,
      )
      .update(body)
      .digest('base64url');
    return { body, key, position };
  };
  const proceed = (req: IncomingMessage, res: Response, next: NextFunction, p: Prepared) => {
    if (p.body === undefined) {
      // A chunked body without a length that grew too large: refused as GraphQL refuses it.
      res.status(413).json({
        errors: [
          { message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } },
        ],
      });
      return;
    }
    // GraphQL reads a consumed body from `req.body` (graphql-yoga / @whatwg-node/server).
    (req as { body?: unknown }).body = p.body;
    if (p.key === undefined) return next();
    const key = p.key;
    const hit = entries.get(key);
    if (hit) return answerFromBytes(req, res, hit);
    deferAnswer(req, res, (captured) => {
      if ((req as Marked)[CACHEABLE_AT] === p.position && p.position === at)
        entries.set(key, captured);
    });
    next();
  };
  return {
    takes,
    held: () => entries.held(),
    middleware(req, res, next) {
      const prepared = (req as WithPrepared)[PREPARED];
      if (prepared && 'failed' in prepared) return next(prepared.failed);
      if (prepared) return proceed(req, res, next, prepared);
      if (!takes(req)) return next();
      readBody(req, options.maxBodyBytes).then(
        (body) => proceed(req, res, next, prepare(req, body)),
        next,
      );
    },
    answer(req, res, pass) {
      readBody(req, options.maxBodyBytes).then(
        (body) => {
          const p = prepare(req, body);
          const hit = p.key === undefined ? undefined : entries.get(p.key);
          if (hit) return answerFromBytes(req, res, hit);
          (req as WithPrepared)[PREPARED] = p;
          pass();
        },
        (failed: unknown) => {
          (req as WithPrepared)[PREPARED] = { failed };
          pass();
        },
      );
    },
  };
}

/** The request body, or `undefined` once it grows past `max` (the rest is drained unread). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size <= max ? Buffer.concat(chunks, size) : undefined));
    req.on('error', reject);
  });
}

/** One operation (a JSON object), not a batch (a JSON array). */
function isSingleOperation(body: Buffer): boolean {
  for (const byte of body) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    return byte === 0x7b; // '{'
  }
  return false;
}

/** Least recently used first out, bounded by the bytes of the bodies it holds. */
class ByteBoundedLru {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  held() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    if (entry.body.length > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.body.length;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.body.length;
    }
  }
}
