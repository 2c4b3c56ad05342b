/**
 * docker-compose.yml and the Dockerfile, checked without a Docker engine: the file against the
 * Compose Specification's JSON schema (as shipped in the `dclint` package, taken from the
 * compose-spec project), and what the deployment promises (pinned image names, a leader before
 * the app, one node down tolerated, host access for `replika migrate`, not root). The leader
 * wait's shell script runs for real against stand-in HTTP nodes.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../../src/paths.js';

const require = createRequire(import.meta.url);
const root = projectRoot();
const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const compose = parse(text, { merge: true }) as {
  services: Record<string, Service>;
};
interface Service {
  image?: string;
  build?: unknown;
  user?: string;
  profiles?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string; required?: boolean }>;
  command?: string[];
}
const services = Object.entries(compose.services);
const apps = services.filter(([, s]) => s.environment?.EVENT_STORE === 'kurrentdb');
const nodes = services.filter(([, s]) => s.environment?.KURRENTDB_CLUSTER_SIZE !== undefined);

describe('docker-compose.yml', () => {
  it('is valid under the Compose Specification JSON schema', () => {
    const schemaPath = join(
      dirname(require.resolve('dclint/package.json')),
      'schemas/compose.schema.json',
    );
    const { $schema, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as {
      $schema: string;
    };
    // Draft-07, which is Ajv's default draft; the file names its meta-schema by an https URL Ajv
    // does not register, so that one key is left out.
    expect($schema).toMatch(/draft-07/);
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    // As Compose reads it: anchors and `<<` merges resolved first.
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    // And the check bites: a misspelt key is refused.
    expect(validate({ services: { app: { image: 'x:1', dependson: ['y'] } } })).toBe(false);
  });

  it('names pinned images (no `latest`), and only one service builds the app image', () => {
    for (const [name, s] of services) {
      expect(s.image, name).toBeDefined();
      const tag = (s.image ?? '')
        .replace(/^\$\{[A-Z_]+:-(.*)\}$/, '$1')
        .split(':')
        .at(-1);
      expect(tag, name).toMatch(/^\d+(\.\d+)+$/);
    }
    expect(services.filter(([, s]) => s.build).map(([n]) => n)).toEqual(['replika']);
    const appImages = new Set(apps.map(([, s]) => s.image));
    expect(appImages.size).toBe(1);
  });

  it('starts each app after a leader is found, asking every node of its cluster, none required', () => {
    expect(apps.map(([n]) => n).sort()).toEqual(['replika', 'replika-a', 'replika-b']);
    for (const [name, app] of apps) {
      const waits = Object.entries(app.depends_on ?? {});
      expect(waits, name).toHaveLength(1);
      const [waitName, dependency] = waits[0] ?? [];
      expect(dependency?.condition).toBe('service_completed_successfully');
      const wait = compose.services[waitName ?? ''];
      const asked = (wait?.environment?.NODES ?? '').split(/\s+/);
      const url = app.environment?.KURRENTDB_URL ?? '';
      const hosts = url
        .replace(/^kurrentdb:\/\//, '')
        .replace(/\?.*$/, '')
        .split(',');
      expect(asked.sort(), name).toEqual(hosts.sort());
      // A node that never comes up must not hold the wait back.
      for (const [dep, d] of Object.entries(wait?.depends_on ?? {}))
        expect(
          d.condition === 'service_started' && (hosts.length === 1 || d.required === false),
          dep,
        ).toBe(true);
    }
    expect(nodes.filter(([, s]) => s.profiles?.includes('cluster'))).toHaveLength(3);
  });

  it('publishes the single node on the host port of the migration command in docs/operations.md', () => {
    const guide = readFileSync(join(root, 'docs', 'operations.md'), 'utf8');
    const command = guide.match(
      /migrate --from sqlite:\S+ --to '(kurrentdb:\/\/localhost:(\d+)\?tls=false)'/,
    );
    expect(command?.[2]).toBeDefined();
    expect(compose.services.kurrentdb?.ports).toContain(`${command?.[2]}:2113`);
  });

  it('does not run the app as root', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const last = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const user = last.match(/^USER\s+(\S+)/m)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    for (const [name, s] of services)
      expect(['root', '0', '0:0'], name).not.toContain(s.user ?? 'unset');
  });
});

describe('the leader wait script (run here with sh and curl, against stand-in nodes)', () => {
  const run = promisify(execFile);
  const script = (compose.services['cluster-leader']?.command?.[0] ?? '').replaceAll('$$', '$');
  const servers: Server[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
  });
  /** An HTTP node answering /info with `state`, after `followerFor` answers as a follower. */
  async function node(state: string, followerFor = 0): Promise<string> {
    let asked = 0;
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({ dbVersion: 'fake', state: asked++ < followerFor ? 'follower' : state }),
      );
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const wait = (nodes: string[], attempts = 5) =>
    run('sh', ['-c', script], {
      env: { ...process.env, NODES: nodes.join(' '), ATTEMPTS: String(attempts), INTERVAL: '0.1' },
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        out: e.stdout + e.stderr,
      }),
    );

  it('exits 0 once a node says it is the leader, with one node down', async () => {
    const down = '127.0.0.1:9'; // nothing listens there
    const result = await wait([down, await node('follower'), await node('leader', 2)]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toMatch(/KurrentDB leader: 127\.0\.0\.1:\d+/);
  });

  it('exits 1 when no node becomes the leader', async () => {
    const result = await wait([await node('follower'), '127.0.0.1:9'], 3);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/no KurrentDB leader among/);
  });
});
