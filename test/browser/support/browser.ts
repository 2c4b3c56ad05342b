import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { workbenchDir } from '../../../src/http/workbench.js';
import { projectRoot } from '../../../src/paths.js';

/** Debian's Chromium (`.ci/run` installs it with apt-get when it is missing). */
export const CHROMIUM = process.env.REPLIKA_CHROMIUM ?? '/usr/bin/chromium';
/** Screenshots and timings, gitignored. */
export const ARTIFACTS = join(projectRoot(), 'test-results');

/**
 * Builds the workbench when `npm test` has not (a lone `npx vitest run test/browser`). Test files
 * run in parallel: the first to take the lock builds, the others wait for its result.
 */
export async function ensureWorkbenchBuilt() {
  const index = join(workbenchDir(), 'index.html');
  if (existsSync(index)) return;
  const lock = join(projectRoot(), 'dist', '.web-build-lock');
  mkdirSync(dirname(lock), { recursive: true });
  try {
    mkdirSync(lock);
  } catch {
    const deadline = Date.now() + 170_000;
    while (!existsSync(index) || existsSync(lock)) {
      if (Date.now() > deadline) throw new Error(`the workbench build did not finish (${lock})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return;
  }
  try {
    execFileSync('npm', ['run', 'build:web'], { cwd: projectRoot(), stdio: 'inherit' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** True for a request that stays on this machine (or never touches the network at all). */
export function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

export interface RecordedBrowser {
  context: BrowserContext;
  /** Every request any page or worker of the browser made, in order. */
  requests: string[];
  /** Requests that would have left localhost (they are aborted, and recorded here). */
  outside(): string[];
  close(): Promise<void>;
}

/**
 * Headless Chromium with the flags this closed network needs, on a new empty profile
 * (`--user-data-dir`, which Playwright sets from the directory given here). It records every
 * request and refuses any that would leave localhost.
 */
export async function launch(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<RecordedBrowser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install chromium (as .ci/run does), or set REPLIKA_CHROMIUM`,
    );
  const profile = mkdtempSync(join(tmpdir(), 'replika-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: 120_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(60_000);
  const requests: string[] = [];
  context.on('request', (request) => {
    requests.push(request.url());
  });
  await context.route('**/*', (route) =>
    isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
  return {
    context,
    requests,
    outside: () => requests.filter((url) => !isLocal(url)),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core in the page and answers its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    const result = await (window as any).axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 4).map((n) => ({ target: n.target })),
    }));
}

/** Waits until every panel on the page has its data (no `sleep`: a condition in the page). */
export async function panelsReady(page: Page, timeout = 60_000) {
  await page.waitForFunction(
    () => {
      const panels = [...document.querySelectorAll('[data-panel]')];
      return panels.length > 0 && panels.every((p) => p.getAttribute('data-ready') === 'true');
    },
    undefined,
    { timeout, polling: 100 },
  );
}

export function screenshotPath(name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}
