import { describe, expect, it } from 'vitest';
import { startServer } from '../support/server.js';

/** Shutdown with open live-feed streams: they are closed at once, not waited out. */
describe('shutdown with live-feed subscribers', () => {
  it('ends every open stream and stops long before the shutdown timeout', async () => {
    // A timeout far longer than this test may run: waiting it out fails the test.
    const server = await startServer({ env: { SHUTDOWN_TIMEOUT_SECONDS: '600' } });
    const streams = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify({ query: 'subscription { milestoneReported { position } }' }),
        });
        expect(response.headers.get('content-type')).toContain('text/event-stream');
        return response.body?.getReader();
      }),
    );
    await server.destroy();
    for (const reader of streams) {
      let ended = false;
      while (!ended) ended = (await reader?.read())?.done ?? true;
      expect(ended).toBe(true);
    }
  }, 20_000);
});
