import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { markCacheable, responseCache } from './response-cache.js';

/**
 * Every cached answer is keyed by the read model's position, which only moves on: once it has
 * moved, the older answers can never be asked for again, and the cache lets them go instead of
 * keeping them until its byte budget pushes them out. Over real HTTP, with the cache in front of
 * a stand-in for GraphQL that answers the request's body back and marks it cacheable.
 */
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function cached() {
  let position = 1n;
  let answered = 0;
  let held: Promise<void> = Promise.resolve();
  const cache = responseCache({
    position: () => position,
    maxBytes: 1 << 20,
    maxBodyBytes: 10_000,
  });
  const server = createServer((req, res) =>
    cache.answer(req, res, () =>
      cache.middleware(
        req as Request,
        res as unknown as Response,
        (async () => {
          answered++;
          const asked = String((req as { body?: Buffer }).body);
          const at = position;
          if (asked.includes('slow')) await held;
          markCacheable(req, at);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: { asked } }));
        }) as NextFunction,
      ),
    ),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const ask = async (query: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    await response.text();
    return response.headers.get('x-replika-cache') === 'HIT' ? 'HIT' : 'MISS';
  };
  return {
    cache,
    ask,
    answered: () => answered,
    move: () => {
      position += 1n;
    },
    /** Holds answers to questions with `slow` in them until the returned function is called. */
    hold: () => {
      let release = () => {};
      held = new Promise((resolve) => {
        release = resolve;
      });
      return release;
    },
  };
}

describe('the response cache', () => {
  it('lets the answers of an older position go once the position moves', async () => {
    const c = await cached();
    for (const q of ['{ a }', '{ b }', '{ c }']) expect(await c.ask(q)).toBe('MISS');
    expect(await c.ask('{ a }')).toBe('HIT');
    expect(c.cache.held().entries).toBe(3);
    const before = c.cache.held().bytes;
    expect(before).toBeGreaterThan(0);
    c.move();
    expect(await c.ask('{ a }')).toBe('MISS');
    expect(c.cache.held().entries).toBe(1);
    expect(c.cache.held().bytes).toBeLessThan(before);
    expect(await c.ask('{ a }')).toBe('HIT');
    expect(c.answered()).toBe(4);
  });

  it('does not keep an answer made at a position that has moved on meanwhile', async () => {
    const c = await cached();
    const release = c.hold();
    const slow = c.ask('{ slow }');
    await new Promise((resolve) => setTimeout(resolve, 50));
    c.move();
    expect(await c.ask('{ b }')).toBe('MISS');
    release();
    expect(await slow).toBe('MISS');
    expect(c.cache.held().entries).toBe(1);
    expect(await c.ask('{ b }')).toBe('HIT');
  });
});
