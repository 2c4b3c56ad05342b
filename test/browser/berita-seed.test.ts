import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsOf } from '../news/seed-facts.js';
import { SEED_PATH, seedText } from '../news/support.js';
import { startServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.js';
import { draftReport, serverWithInnovations, signInOnPage } from './support/berita.js';
import { ensureWorkbenchBuilt, launch, type RecordedBrowser } from './support/browser.js';
import { expectAccessible, snapshot } from './support/story.js';

/**
 * The Done-when of issue 16 in the workbench: the seed report (read from ../shared/seeds, never
 * copied into the repository) drafted on the Berita page and every proposal confirmed as drafted,
 * on a fresh server, holds the same study visits and MPP interests as the demo story by hand.
 */
const text = seedText();
if (!text) console.warn(`seed report not found at ${SEED_PATH}: the Berita seed test is skipped`);

let demo: TestServer;
let fresh: TestServer;
let browser: RecordedBrowser;

beforeAll(async () => {
  if (!text) return;
  await ensureWorkbenchBuilt();
  [demo, fresh] = await Promise.all([startServer({ demo: true }), serverWithInnovations()]);
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([demo?.destroy(), fresh?.destroy()]);
}, 60_000);

describe.skipIf(!text)('the seed report on the Berita page', { timeout: 180_000 }, () => {
  it('confirmed as drafted, records what the demo story records by hand', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fresh.url}/#/berita`);
    await draftReport(page, text ?? '', '2019-02-25');
    expect(await page.textContent('[data-report-text]')).toBe(text);
    // Two visits (Pasangkayu, Lahat) and two interests in the MPP, nothing missing.
    const proposals = page.locator('[data-proposal]');
    expect(await proposals.count()).toBe(4);
    expect(await page.locator('[data-missing]').count()).toBe(0);
    const visitors = [
      await page.inputValue('#v0-f-visitorCode'),
      await page.inputValue('#v1-f-visitorCode'),
    ];
    expect(visitors.sort()).toEqual(['16.04', '76.01']);
    expect(await page.locator('[data-report-text] mark').count()).toBeGreaterThan(5);

    // The admin confirms every proposal, one after the other.
    await signInOnPage(page, TEST_ADMIN_TOKEN, 'ADMIN');
    await snapshot(page, 'berita-seed');
    await expectAccessible(page);
    for (const id of ['v0', 'v1', 'm0', 'm1']) {
      await page.locator(`[data-proposal="${id}"] button[type="submit"]`).click();
      await page.locator(`[data-proposal="${id}"] [data-recorded]`).waitFor();
    }
    const confirmed = await factsOf(fresh);
    const byHand = await factsOf(demo);
    expect(byHand.visits).toHaveLength(2);
    expect(byHand.interests).toHaveLength(2);
    expect(confirmed).toEqual(byHand);
    expect(browser.outside()).toEqual([]);
  });
});
