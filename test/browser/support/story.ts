import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_INNOVATIONS } from '../../../src/demo/banyuwangi.js';
import type { TestServer } from '../../support/server.js';
import { ARTIFACTS, panelsReady, screenshotPath, seriousViolations } from './browser.js';

export const MPP = DEMO_INNOVATIONS.mpp;

/** Issues a REGENCY token through the API, as the ministry would. */
export async function issueRegencyToken(server: TestServer, regencyCode: string) {
  const answer = await server.gql<{ issueAccessToken: { token: string } }>(
    `mutation($input: IssueAccessTokenInput!) { issueAccessToken(input: $input) { token } }`,
    { input: { role: 'REGENCY', regencyCode, label: `Petugas ${regencyCode}` } },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data?.issueAccessToken.token ?? '';
}

/** An adoption as the API answers it, straight from the server (not through the page). */
export async function adoptionOf(server: TestServer, adopterCode: string, innovationId: string) {
  const answer = await server.gql<{
    adoptions: {
      edges: Array<{
        node: {
          stage: string;
          milestones: Array<{ id: string; kind: string; verification: string; retracted: boolean }>;
        };
      }>;
    };
  }>(
    `query($filter: AdoptionFilter) { adoptions(filter: $filter) {
      edges { node { stage milestones { id kind verification retracted } } } } }`,
    { filter: { adopterCode, innovationId } },
  );
  const node = answer.data?.adoptions.edges[0]?.node;
  if (!node) throw new Error(`${adopterCode} has no adoption of ${innovationId}`);
  return node;
}

/** Render times per page, one JSON line each (appends do not race across parallel test files). */
export function recordRenderTime(name: string, ms: number) {
  mkdirSync(ARTIFACTS, { recursive: true });
  appendFileSync(join(ARTIFACTS, 'render-times.jsonl'), `${JSON.stringify({ page: name, ms })}\n`);
  console.log(`${name}: every panel drawn ${ms} ms after navigation`);
}

/** Opens a workbench route and waits for every panel's data; answers how long that took. */
export function openPage(page: Page, url: string, name: string) {
  return timeUntilReady(page, name, () => page.goto(url));
}

/** Runs `action` (a navigation, a sign-in) and keeps how long until every panel had its data. */
export async function timeUntilReady(page: Page, name: string, action: () => Promise<unknown>) {
  const started = performance.now();
  await action();
  await panelsReady(page);
  const ms = Math.round(performance.now() - started);
  recordRenderTime(name, ms);
  return ms;
}

export async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

export async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

/** Waits for a condition outside the page (e.g. the recorded requests), polling; no fixed sleep. */
export async function eventually(condition: () => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
