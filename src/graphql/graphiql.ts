import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL served offline: yoga's GraphiQL bundle (CSS with its fonts inlined, the script and
 * Monaco's editor workers) comes from the npm package and is served by replika itself under
 * /graphiql/, each file named by its content hash so browsers may keep it for a year. The page
 * yoga renders is small and references those files; nothing is fetched from a CDN. The bundle
 * (9 MB of JavaScript strings) is loaded on the first GraphiQL request, not at start-up.
 */
export const GRAPHIQL_ASSET_PREFIX = '/graphiql/';

export interface StaticAsset {
  body: Buffer;
  type: string;
  /** Gzipped once, on first demand (the script is ~5 MB, ~1.5 MB gzipped). */
  gzipped?: Promise<Buffer>;
}

interface Bundle {
  /** The files under GRAPHIQL_ASSET_PREFIX, by file name. */
  files: Map<string, StaticAsset>;
  urls: { css: string; js: string; favicon: string; workers: Record<string, string> };
}

const gzipAsync = promisify(gzip);
const JS = 'text/javascript; charset=utf-8';

function asset(name: string, ext: string, type: string, body: Buffer): [string, StaticAsset] {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return [`${name}.${hash}.${ext}`, { body, type }];
}

let loading: Promise<Bundle> | undefined;
function bundle(): Promise<Bundle> {
  loading ??= import('@graphql-yoga/render-graphiql/graphiql').then((b) => {
    const entries = {
      css: asset('graphiql', 'css', 'text/css; charset=utf-8', Buffer.from(b.css)),
      js: asset('graphiql', 'js', JS, Buffer.from(b.js)),
      editorWorkerService: asset('editor.worker', 'js', JS, Buffer.from(b.editorWorkerService)),
      json: asset('json.worker', 'js', JS, Buffer.from(b.jsonWorker)),
      graphql: asset('graphql.worker', 'js', JS, Buffer.from(b.graphqlWorker)),
      favicon: asset(
        'favicon',
        'ico',
        'image/x-icon',
        Buffer.from(b.favicon.slice(b.favicon.indexOf(',') + 1), 'base64'),
      ),
    };
    const url = (entry: [string, StaticAsset]) => GRAPHIQL_ASSET_PREFIX + entry[0];
    return {
      files: new Map(Object.values(entries)),
      urls: {
        css: url(entries.css),
        js: url(entries.js),
        favicon: url(entries.favicon),
        workers: {
          editorWorkerService: url(entries.editorWorkerService),
          json: url(entries.json),
          graphql: url(entries.graphql),
        },
      },
    };
  });
  return loading;
}

/** One of GraphiQL's files by its (hashed) name, or undefined. */
export async function graphiqlAsset(file: string): Promise<StaticAsset | undefined> {
  return (await bundle()).files.get(file);
}

/** The asset's body gzipped (computed once, then kept). */
export function gzipped(file: StaticAsset): Promise<Buffer> {
  file.gzipped ??= gzipAsync(file.body, { level: 6 });
  return file.gzipped;
}

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
export async function renderOfflineGraphiQL(options: GraphiQLOptions = {}): Promise<string> {
  const { urls } = await bundle();
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${urls.favicon}" />
    <link rel="stylesheet" href="${urls.css}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${scriptJson(urls.workers)};
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_id, label) => workers[label] };
    </script>
    <script src="${urls.js}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}
