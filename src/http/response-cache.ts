import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * A response cache in front of GraphQL, keyed by the read model's position: a repeated analyst
 * question costs a hash and a lookup until new events move the position, and none of GraphQL's
 * parse, validation and execution. What may be stored is decided inside GraphQL (a query without
 * errors, answered entirely at the lookup's position: see `cacheableQueries`), which marks the
 * Node request with `markCacheable`. POST requests with one JSON operation are cached; batches,
 * GETs and requests waiting for `X-Replika-Min-Position` go straight through.
 */

const CACHEABLE_AT = Symbol('replika.cacheableAt');
type Marked = IncomingMessage & { [CACHEABLE_AT]?: bigint };

/** Called by GraphQL: this request's answer is complete at `position` and may be reused. */
export function markCacheable(req: IncomingMessage, position: bigint): void {
  (req as Marked)[CACHEABLE_AT] = position;
}

interface Entry {
  /** The miss's response headers, without those that belong to one connection or moment. */
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Headers a hit answers afresh (or that Node sets itself) rather than replaying the miss's. */
const NOT_REPLAYED = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'x-replika-cache',
]);

export interface ResponseCacheOptions {
  /** The read model's position now. */
  position: () => bigint;
  /** Bytes of response bodies kept at most (least recently used go first); 0 turns it off. */
  maxBytes: number;
  /** Larger request bodies are left to GraphQL, which refuses them. */
  maxBodyBytes: number;
}

export function responseCache(options: ResponseCacheOptions): RequestHandler {
  const entries = new ByteBoundedLru(options.maxBytes);
  return (req, res, next) => {
    if (
      options.maxBytes === 0 ||
      req.method !== 'POST' ||
      req.headers['x-replika-min-position'] !== undefined ||
      !req.headers['content-type']?.includes('json') ||
      Number(req.headers['content-length'] ?? 0) > options.maxBodyBytes
    )
      return next();
    readBody(req, options.maxBodyBytes).then((body) => {
      if (body === undefined) {
        // A chunked body without a length that grew too large: refused as GraphQL refuses it.
        res.status(413).json({
          errors: [
            { message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } },
          ],
        });
        return;
      }
      // GraphQL reads a consumed body from `req.body` (graphql-yoga / @whatwg-node/server).
      (req as { body?: unknown }).body = body;
      if (!isSingleOperation(body)) return next();
      const position = options.position();
      const key = createHash('sha256')
        .update(
          `${position}\n${req.headers.authorization ?? ''}\n${req.headers.accept ?? ''}\n${req.headers.origin ?? ''}\n`,
        )
        .update(body)
        .digest('base64url');
      const hit = entries.get(key);
      if (hit) {
        // Exactly the miss's headers (CORS included: the origin is part of the key).
        res.writeHead(200, {
          ...hit.headers,
          'content-length': hit.body.length,
          'x-replika-cache': 'HIT',
        });
        res.end(hit.body);
        return;
      }
      captureBody(res, (captured) => {
        if (res.statusCode === 200 && (req as Marked)[CACHEABLE_AT] === position)
          entries.set(key, captured);
      });
      next();
    }, next);
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

/** Collects what is written to `res` and hands it over once the response has ended. */
function captureBody(res: ServerResponse, done: (entry: Entry) => void): void {
  const chunks: Buffer[] = [];
  const written: Record<string, string | string[]> = {};
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array);
  const { write, end, writeHead } = res;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.find((a) => a !== null && typeof a === 'object') as
      | Record<string, string>
      | undefined;
    if (headers)
      for (const [name, value] of Object.entries(headers))
        written[name.toLowerCase()] = Array.isArray(value) ? value.map(String) : String(value);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (chunk != null) chunks.push(toBuffer(chunk, rest[0]));
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (chunk != null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, rest[0]));
    const result = (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries({ ...res.getHeaders(), ...written }))
      if (value !== undefined && !NOT_REPLAYED.has(name))
        headers[name] = Array.isArray(value) ? value.map(String) : String(value);
    headers['content-type'] ??= 'application/json; charset=utf-8';
    done({ headers, body: Buffer.concat(chunks) });
    return result;
  } as typeof res.end;
}

/** Least recently used first out, bounded by the bytes of the bodies it holds. */
class ByteBoundedLru {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

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
