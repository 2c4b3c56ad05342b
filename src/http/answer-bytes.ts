import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Entry } from './response-cache.js';

/**
 * How the response cache answers: a miss is held until GraphQL has written all of it, so it can
 * carry its `ETag` (and be compressed) like any hit; a hit is written from the stored bytes with
 * headers made once per entry. `If-None-Match` naming the answer's ETag is answered `304 Not
 * Modified` with no body; `Accept-Encoding` with br or gzip gets the body compressed (a hit's
 * compressed bytes are kept with the entry). Responses that stream (server-sent events,
 * multipart) or are not 200 pass through untouched and are not kept.
 */
export type Encoding = 'br' | 'gzip';

/** Headers a hit answers afresh (or that Node sets itself) rather than replaying the miss's. */
const NOT_REPLAYED = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'x-replika-cache',
]);

/** Bodies smaller than this are not worth compressing. */
const MIN_COMPRESSED = 1024;

const etagOf = (body: Buffer) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

function wanted(req: IncomingMessage, size: number): Encoding | undefined {
  const accept = req.headers['accept-encoding'];
  if (!accept || size < MIN_COMPRESSED) return undefined;
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return undefined;
}

const compress = (body: Buffer, encoding: Encoding) =>
  encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipSync(body, { level: 6 });

/** Whether the client already holds this answer (`If-None-Match`). */
function fresh(req: IncomingMessage, etag: string): boolean {
  const match = req.headers['if-none-match'];
  if (!match) return false;
  return match === '*' || match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Answers a hit from its stored bytes. */
export function answerFromBytes(req: IncomingMessage, res: ServerResponse, entry: Entry): void {
  if (fresh(req, entry.etag)) {
    res.writeHead(304, { ...entry.headers, 'x-replika-cache': 'HIT' });
    res.end();
    return;
  }
  const encoding = wanted(req, entry.body.length);
  if (!encoding) {
    entry.hit ??= {
      ...entry.headers,
      'content-length': entry.body.length,
      'x-replika-cache': 'HIT',
    };
    res.writeHead(200, entry.hit);
    res.end(entry.body);
    return;
  }
  entry.encoded ??= {};
  entry.encoded[encoding] ??= compress(entry.body, encoding);
  const body = entry.encoded[encoding];
  res.writeHead(200, {
    ...entry.headers,
    'content-encoding': encoding,
    'content-length': body.length,
    'x-replika-cache': 'HIT',
  });
  res.end(body);
}

/**
 * Holds the miss's answer until it ends, then writes it with its ETag (304 when the client holds
 * it; compressed when asked) and hands the entry to `keep`.
 */
export function deferAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  keep: (entry: Entry) => void,
): void {
  const chunks: Buffer[] = [];
  const { write, end, writeHead } = res;
  let status: number | undefined;
  const restore = () => {
    res.writeHead = writeHead;
    res.write = write;
    res.end = end;
  };
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array);
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    status = Number(args[0]);
    const headers = args.find((a) => a !== null && typeof a === 'object') as
      | Record<string, string | string[]>
      | undefined;
    if (headers) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const type = String(res.getHeader('content-type') ?? '');
    if (status !== 200 || type.includes('event-stream') || type.includes('multipart')) {
      restore();
      return (writeHead as (...a: unknown[]) => ServerResponse).call(this, status);
    }
    return this;
  } as typeof res.writeHead;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (chunk != null) chunks.push(toBuffer(chunk, rest[0]));
    return true;
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (chunk != null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, rest[0]));
    restore();
    status ??= res.statusCode;
    const body = Buffer.concat(chunks);
    const etag = etagOf(body);
    res.setHeader('etag', etag);
    res.setHeader('vary', varyWith(res.getHeader('vary')));
    res.removeHeader('content-length');
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(res.getHeaders()))
      if (value !== undefined && !NOT_REPLAYED.has(name))
        headers[name] = Array.isArray(value) ? value.map(String) : String(value);
    headers['content-type'] ??= 'application/json; charset=utf-8';
    const head = writeHead as (this: ServerResponse, status: number) => ServerResponse;
    const finish = end as (this: ServerResponse, body?: Buffer) => ServerResponse;
    if (fresh(req, etag)) {
      head.call(res, 304);
      finish.call(res);
    } else {
      const encoding = wanted(req, body.length);
      const sent = encoding ? compress(body, encoding) : body;
      if (encoding) res.setHeader('content-encoding', encoding);
      res.setHeader('content-length', sent.length);
      head.call(res, status);
      finish.call(res, sent);
    }
    if (status === 200) keep({ headers, body, etag });
    return res;
  } as typeof res.end;
}

function varyWith(vary: unknown): string {
  const current = vary === undefined ? '' : String(vary);
  return /\baccept-encoding\b/i.test(current)
    ? current
    : current
      ? `${current}, Accept-Encoding`
      : 'Accept-Encoding';
}
