import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analystExamples } from '../../src/graphql/examples.js';
import { startServer, type TestServer } from '../support/server.js';

/** GraphiQL opens with the analysts' saved examples, and every one of them runs as saved. */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.destroy());

const operationName = (query: string) => /(?:query|subscription) (\w+)/.exec(query)?.[1] ?? '';

describe('GraphiQL saved examples', () => {
  it('opens with one tab per example, labelled in Indonesian and English', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(analystExamples.length).toBeGreaterThanOrEqual(5);
    for (const example of analystExamples) {
      const name = operationName(example.query ?? '');
      // Operation names read "<Indonesian>__<English>"; GraphiQL names each tab after it.
      expect(name).toMatch(/^[A-Za-z0-9_]+__[A-Za-z0-9_]+$/);
      expect(html).toContain(name);
    }
  });

  it('answers every saved query against the demo story without errors', async () => {
    for (const example of analystExamples) {
      const query = example.query ?? '';
      if (query.includes('subscription ')) continue;
      const variables = example.variables ? JSON.parse(example.variables) : undefined;
      const response = await server.gql(query, variables);
      expect(response.errors, operationName(query)).toBeUndefined();
      expect(response.data).toBeTruthy();
    }
  });
});
