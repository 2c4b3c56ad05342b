import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import * as bundle from '@graphql-yoga/render-graphiql/graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL served offline: yoga's GraphiQL bundle (CSS with its fonts inlined, the script and
 * Monaco's editor workers) comes from the npm package and is served by replika itself under
 * /graphiql/, each file named by its content hash so browsers may keep it for a year. The page
 * yoga renders is small and references those files; nothing is fetched from a CDN.
 */
export const GRAPHIQL_ASSET_PREFIX = '/graphiql/';

export interface StaticAsset {
  body: Buffer;
  type: string;
  /** Gzipped once, on first demand (the script is ~5 MB, ~1.5 MB gzipped). */
  gzipped?: Promise<Buffer>;
}

const gzipAsync = promisify(gzip);

function asset(name: string, ext: string, type: string, body: Buffer): [string, StaticAsset] {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return [`${name}.${hash}.${ext}`, { body, type }];
}

const js = 'text/javascript; charset=utf-8';
const entries = {
  css: asset('graphiql', 'css', 'text/css; charset=utf-8', Buffer.from(bundle.css)),
  js: asset('graphiql', 'js', js, Buffer.from(bundle.js)),
  editorWorkerService: asset('editor.worker', 'js', js, Buffer.from(bundle.editorWorkerService)),
  json: asset('json.worker', 'js', js, Buffer.from(bundle.jsonWorker)),
  graphql: asset('graphql.worker', 'js', js, Buffer.from(bundle.graphqlWorker)),
  favicon: asset(
    'favicon',
    'ico',
    'image/x-icon',
    Buffer.from(bundle.favicon.slice(bundle.favicon.indexOf(',') + 1), 'base64'),
  ),
};

/** The files under GRAPHIQL_ASSET_PREFIX, by file name. */
export const graphiqlAssets = new Map<string, StaticAsset>(Object.values(entries));

/** The asset's body gzipped (computed once, then kept). */
export function gzipped(file: StaticAsset): Promise<Buffer> {
  file.gzipped ??= gzipAsync(file.body, { level: 6 });
  return file.gzipped;
}

const url = (entry: [string, StaticAsset]) => GRAPHIQL_ASSET_PREFIX + entry[0];

/** JSON safe inside an inline <script>: no `</script>`, no HTML comment openers. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value ?? {})
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

/** yoga's `renderGraphiQL`: the page, with its script, styles and workers served by replika. */
export function renderOfflineGraphiQL(options: GraphiQLOptions = {}): string {
  const workers = {
    editorWorkerService: url(entries.editorWorkerService),
    json: url(entries.json),
    graphql: url(entries.graphql),
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${url(entries.favicon)}" />
    <link rel="stylesheet" href="${url(entries.css)}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${scriptJson(workers)};
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_id, label) => workers[label] };
    </script>
    <script src="${url(entries.js)}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}
