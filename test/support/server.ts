import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReplika, type Replika, type ReplikaOptions } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: string[];
    extensions?: { code?: string; field?: string; [key: string]: unknown };
  }>;
  extensions?: { replika?: { position: string } };
}

/** The admin token test servers start with (REPLIKA_ADMIN_TOKEN); `gql` sends it by default. */
export const TEST_ADMIN_TOKEN = 'rpk_test-admin-token-not-a-secret-0001';

type Gql = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) => Promise<GraphQLResponse<T>>;

export interface TestServer {
  replika: Replika;
  url: string;
  dataDir: string;
  /**
   * Posts a GraphQL request with the admin token. Pass `{ authorization: '' }` to send no
   * token, or another `authorization` header, or use `as(token)`.
   */
  gql: Gql;
  /** `gql` with another token (`null`: none at all). */
  as(token: string | null): Gql;
  /** `gql`'s data, failing the test (with the errors) when the answer has any. */
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The global log's head position, straight from the event store. */
  head(): Promise<bigint>;
  stop(): Promise<void>;
  /** Stops, then starts a new server on the same data directory. */
  restart(): Promise<TestServer>;
  /** Stops and removes the data directory. */
  destroy(): Promise<void>;
}

/** Starts a real replika server on a free port over a fresh (or given) data directory. */
export async function startServer(
  options: {
    dataDir?: string;
    demo?: boolean;
    env?: Record<string, string>;
    /** Passed to createReplika: a controllable clock, bumped projections, batch listeners. */
    replika?: ReplikaOptions;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'replika-test-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    REPLIKA_DEMO: String(options.demo ?? true),
    LOG_LEVEL: 'silent',
    REPLIKA_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    ...options.env,
  });
  const replika = await createReplika(config, { announce: () => {}, ...options.replika });
  const port = await replika.listen();
  const url = `http://127.0.0.1:${port}`;
  const post =
    (token: string | null): Gql =>
    async (query, variables, headers = {}) => {
      const all: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      };
      if (!all.authorization) delete all.authorization;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: all,
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status' | 'headers'>;
      return { status: response.status, headers: response.headers, ...body } as never;
    };
  const server: TestServer = {
    replika,
    url,
    dataDir,
    gql: post(config.adminToken ?? null),
    as: post,
    async data<T>(query: string, variables?: Record<string, unknown>) {
      const { data, errors } = await server.gql<T>(query, variables);
      if (errors) throw new Error(`the answer has errors: ${JSON.stringify(errors)}`);
      return data as T;
    },
    head: () => replika.store.headPosition(),
    stop: () => replika.close(),
    async restart() {
      await replika.close();
      return startServer({ ...options, dataDir });
    },
    async destroy() {
      await replika.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
