import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analystExamples } from '../../src/graphql/examples.js';
import { startServer, type TestServer } from '../support/server.js';
import type { RecordedBrowser } from './support/browser.js';
import { closeWorkbench, openWorkbench } from './support/session.js';
import { eventually, expectAccessible, MPP, openPage, snapshot } from './support/story.js';

/**
 * The analysts' pages and GraphiQL in Debian's Chromium against a started server on the demo
 * story: what each page shows, in Indonesian and English, on a phone, by keyboard, accessibly,
 * and that no request leaves localhost. Every wait is for a condition, never a fixed sleep.
 */
let server: TestServer;
let browser: RecordedBrowser;

beforeAll(async () => {
  ({ server, browser } = await openWorkbench(() => startServer({ demo: true })));
}, 240_000);

afterAll(() => closeWorkbench({ server, browser }), 60_000);

describe('the analysts’ pages in a real browser', { timeout: 180_000 }, () => {
  it('Nasional: the map colours the provinces of Lahat and Pasangkayu, in Indonesian', async () => {
    const page = await browser.context.newPage();
    await openPage(page, `${server.url}/`, 'nasional');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(await page.locator('h1').textContent()).toBe('Replikasi inovasi di Indonesia');
    for (const province of ['ID-SS', 'ID-SR']) {
      const shape = page.locator(`path[data-province="${province}"]`);
      expect(Number(await shape.getAttribute('data-count'))).toBeGreaterThan(0);
      expect(await shape.getAttribute('fill')).not.toBe('#d3dbe4');
    }
    // Banyuwangi is the origin, not an adopter: East Java keeps the pale fill.
    expect(await page.locator('path[data-province="ID-JI"]').getAttribute('fill')).toBe('#d3dbe4');
    expect(await page.locator('[data-panel="top-innovations"] tbody tr').count()).toBeGreaterThan(
      0,
    );
    await snapshot(page, 'nasional');
    await expectAccessible(page);
    // At PILOTING South Sumatra (Lahat) stays coloured and West Sulawesi (Pasangkayu) turns pale.
    await page.selectOption('select[name="stage"]', 'PILOTING');
    await page.waitForFunction(
      () =>
        document.querySelector('path[data-province="ID-SR"]')?.getAttribute('data-count') === '0',
    );
    expect(await page.locator('path[data-province="ID-SS"]').getAttribute('data-count')).toBe('1');
    await page.close();
  });

  it('Inovasi: the MPP page shows Lahat at PILOTING and Pasangkayu at FUNDED', async () => {
    const page = await browser.context.newPage();
    await openPage(page, `${server.url}/#/inovasi/${MPP}`, 'inovasi');
    const stageOf = (code: string) =>
      page.locator(`tr[data-adopter="${code}"] [data-stage]`).getAttribute('data-stage');
    expect(await stageOf('16.04')).toBe('PILOTING');
    expect(await stageOf('76.01')).toBe('FUNDED');
    expect(await page.locator('tr[data-adopter="16.04"]').textContent()).toContain('Uji coba');
    await page.locator('.network canvas').first().waitFor();
    expect(await page.locator('[data-edge-kind="visit"]').count()).toBe(2);
    await snapshot(page, 'inovasi');
    await expectAccessible(page);
    await page.close();
  });

  it('Daerah: Lahat with dates as Indonesians write them, in English on the switch', async () => {
    const page = await browser.context.newPage();
    await openPage(page, `${server.url}/#/daerah/16.04`, 'daerah');
    const adoptions = page.locator('[data-panel="regency-adoptions"]');
    expect(await adoptions.textContent()).toContain('28 Maret 2024');
    expect(await page.locator('[data-panel="visits-made"]').textContent()).toContain('25 Feb 2019');
    await snapshot(page, 'daerah');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await adoptions.textContent()).toContain('28 March 2024');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.close();
  });

  it('works by keyboard alone: skip link, then the menu to Lapor', async () => {
    const page = await browser.context.newPage();
    await openPage(page, `${server.url}/`, 'nasional (keyboard)');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.locator('nav a').first().focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Lapor');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('h1')?.textContent?.startsWith('Lapor'),
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it('fits a phone-sized screen without sideways scrolling', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openPage(page, `${server.url}/`, 'nasional (phone)');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await snapshot(page, 'nasional-phone');
    await page.goto(`${server.url}/#/inovasi/${MPP}`);
    await page.locator('[data-panel="adopters"][data-ready="true"]').waitFor();
    await snapshot(page, 'inovasi-phone');
    await page.close();
  });

  it('GraphiQL loads offline with the saved example tabs and its editor workers', async () => {
    const page = await browser.context.newPage();
    const started = performance.now();
    await page.goto(`${server.url}/graphql`);
    await page.locator('.graphiql-container').first().waitFor();
    await page.locator('.monaco-editor').first().waitFor();
    const tabs = page.locator('.graphiql-tab');
    await page.waitForFunction(
      (n) => document.querySelectorAll('.graphiql-tab').length >= n,
      analystExamples.length,
    );
    expect(await tabs.count()).toBeGreaterThanOrEqual(analystExamples.length);
    await eventually(() =>
      browser.requests.some((url) => url.includes('/graphiql/graphql.worker.')),
    );
    console.log(`GraphiQL ready in ${Math.round(performance.now() - started)} ms`);
    await snapshot(page, 'graphiql');
    await page.close();
  });

  it('no page made a request that left localhost', () => {
    expect(browser.requests.length).toBeGreaterThan(20);
    expect(browser.outside()).toEqual([]);
  });
});
