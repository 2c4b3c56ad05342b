import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import type { RecordedBrowser } from './support/browser.js';
import { closeWorkbench, openWorkbench } from './support/session.js';
import { expectAccessible, MPP, openPage, snapshot } from './support/story.js';

/**
 * The analysts' figures in Debian's Chromium against a started server on the demo story: every
 * ranking, curve, map count, time to stage and budget total on the page is what the server's own
 * figure answers for the page's filters, and each CSV link is the server's export with the same
 * filters (its rows fetched from the link's address and compared with the page).
 */
let server: TestServer;
let browser: RecordedBrowser;

beforeAll(async () => {
  ({ server, browser } = await openWorkbench(() => startServer({ demo: true })));
}, 240_000);

afterAll(() => closeWorkbench({ server, browser }), 60_000);

/** The rows of a CSV download, fetched from the server at the link's own address. */
async function csvRows(page: Page, file: string) {
  const link = await page.locator(`a[data-export="${file}"]`).first().getAttribute('href');
  if (!link) throw new Error(`no ${file} link`);
  const response = await fetch(new URL(link, server.url));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/csv');
  const rows = parse(await response.text(), { bom: true, columns: true }) as Array<
    Record<string, string>
  >;
  return { link, rows };
}

/** What the server's own figure answers, asked directly (not through the page). */
async function figure<T>(query: string, variables?: Record<string, unknown>) {
  const answer = await server.gql<T>(query, variables);
  expect(answer.errors).toBeUndefined();
  if (!answer.data) throw new Error('no data');
  return answer.data;
}

const waitReady = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('[data-panel]')].every(
      (p) => p.getAttribute('data-ready') === 'true',
    ),
  );

describe('the server’s figures and exports in a real browser', { timeout: 180_000 }, () => {
  it('Nasional: rankings, curve and map are the server’s figures for the page’s filters', async () => {
    const page = await browser.context.newPage();
    await openPage(page, `${server.url}/`, 'nasional (figures)');
    const answer = await figure<{
      topAdopters: Array<{ count: number; regency: { code: string } }>;
      topInnovations: Array<{ count: number; innovation: { id: string } }>;
      topProvinces: Array<{ count: number; province: { code: string } }>;
      adoptionCurve: { periods: Array<{ period: string; cumulativeAdoptions: number }> };
    }>(`{ topAdopters(minStage: AGREED, first: 500) { count regency { code } }
          topProvinces(minStage: AGREED, first: 50) { count province { code } }
          topInnovations(minStage: AGREED, first: 10) { count innovation { id } }
          adoptionCurve(stage: AGREED) { periods { period cumulativeAdoptions } } }`);
    const shown = (panel: string) =>
      page
        .locator(`[data-panel="${panel}"] [data-ranked]`)
        .evaluateAll((rows) =>
          rows.map((r) => [r.getAttribute('data-ranked'), Number(r.getAttribute('data-count'))]),
        );
    expect(await shown('top-adopters')).toEqual(
      answer.topAdopters.slice(0, 10).map((r) => [r.regency.code, r.count]),
    );
    expect(await shown('top-innovations')).toEqual(
      answer.topInnovations.map((r) => [r.innovation.id, r.count]),
    );
    const curve = await page
      .locator('[data-panel="national-curve"] tr[data-period]')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-period'), Number(r.getAttribute('data-cumulative'))]),
      );
    expect(curve).toEqual(
      answer.adoptionCurve.periods.map((p) => [p.period, p.cumulativeAdoptions]),
    );
    // The map's table is the server's provinces ranking: South Sumatra has Lahat.
    const mapped = await page
      .locator('[data-province-code]')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.getAttribute('data-province-code'),
          Number(r.querySelector('.num')?.textContent),
        ]),
      );
    expect(mapped.sort()).toEqual(
      answer.topProvinces.map((r) => [r.province.code, r.count]).sort(),
    );
    expect(mapped.find(([code]) => code === '16')?.[1]).toBeGreaterThan(0);
    await page.close();
  });

  it('Nasional: the CSV link is the server’s export with the page’s filters', async () => {
    const page = await browser.context.newPage();
    await openPage(page, `${server.url}/`, 'nasional (export)');
    await page.selectOption('select[name="stage"]', 'PILOTING');
    await page.selectOption('select[name="province"]', '16');
    await page.fill('input[name="from"]', '2019-01-01');
    await page.selectOption('select[name="verification"]', 'VERIFIED_ONLY');
    await page.waitForFunction(() =>
      document
        .querySelector('a[data-export="adoptions.csv"]')
        ?.getAttribute('href')
        ?.includes('verification=VERIFIED_ONLY'),
    );
    await waitReady(page);
    const verified = await csvRows(page, 'adoptions.csv');
    const params = new URL(verified.link, server.url).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      minStage: 'PILOTING',
      provinceCode: '16',
      periodFrom: '2019-01-01',
      verification: 'VERIFIED_ONLY',
    });
    // Nothing of the demo story is verified yet: no rows, and no adopter in the ranking.
    expect(verified.rows).toEqual([]);
    expect(await page.locator('[data-panel="top-adopters"] [data-ranked]').count()).toBe(0);
    // Counting every report, the download's rows are the ranked adopters' adoptions.
    await page.selectOption('select[name="verification"]', 'ANY');
    await page.waitForFunction(() =>
      document
        .querySelector('a[data-export="adoptions.csv"]')
        ?.getAttribute('href')
        ?.includes('verification=ANY'),
    );
    await waitReady(page);
    const all = await csvRows(page, 'adoptions.csv');
    expect(all.rows.map((r) => [r.adopter_code, r.stage])).toEqual([['16.04', 'PILOTING']]);
    const ranked = await page
      .locator('[data-panel="top-adopters"] [data-ranked]')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-ranked'), r.getAttribute('data-count')]),
      );
    expect(ranked).toEqual([['16.04', String(all.rows.length)]]);
    await page.close();
  });

  it('Nasional: a panel is never ready with the previous filters’ answer', async () => {
    const page = await browser.context.newPage();
    await openPage(page, `${server.url}/`, 'nasional (filter change)');
    await waitReady(page);
    // Change a filter and look at the page right after it re-renders: the links already carry the
    // new filter, while the effect that sends the new query has not run yet. No panel may claim to
    // be ready then, or a reader (or a test) takes the old answer for the new filters'.
    const seen = await page.evaluate(async () => {
      const select = document.querySelector<HTMLSelectElement>('select[name="verification"]');
      if (!select) throw new Error('no verification filter');
      select.value = 'VERIFIED_ONLY';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      for (let i = 0; i < 5; i++) await Promise.resolve();
      const link = document.querySelector('a[data-export="adoptions.csv"]')?.getAttribute('href');
      const panels = [...document.querySelectorAll('[data-panel]')];
      // The old answer stays on screen, fading to dim (a CSS transition on its opacity).
      const dimming = document
        .getAnimations()
        .filter(
          (a) =>
            a instanceof CSSTransition &&
            a.transitionProperty === 'opacity' &&
            a.effect instanceof KeyframeEffect &&
            a.effect.target?.closest('[aria-busy="true"]'),
        );
      return {
        link: link ?? '',
        ready: panels.filter((p) => p.getAttribute('data-ready') === 'true').length,
        busy: panels.filter((p) => p.getAttribute('aria-busy') === 'true').length,
        dimming: dimming.length,
      };
    });
    expect(seen.link).toContain('verification=VERIFIED_ONLY');
    expect(seen.ready).toBe(0);
    expect(seen.busy).toBeGreaterThan(0);
    expect(seen.dimming).toBeGreaterThan(0);
    await waitReady(page);
    expect(await page.locator('[data-panel="top-adopters"] [data-ranked]').count()).toBe(0);
    await page.close();
  });

  it('Inovasi: time to stage is the server’s quartiles; the milestones link its export', async () => {
    const page = await browser.context.newPage();
    await openPage(page, `${server.url}/#/inovasi/${MPP}`, 'inovasi (figures)');
    // Time to stage: the server's quartiles, shown as it answers them.
    const { timeToStage } = await figure<{
      timeToStage: { stages: Array<{ stage: string; adoptions: number; medianDays: number }> };
    }>(
      `query($id: ID) { timeToStage(innovationId: $id) { stages { stage adoptions medianDays } } }`,
      {
        id: MPP,
      },
    );
    const timings = await page
      .locator('[data-panel="durations"] tr[data-timing]')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-timing'), Number(r.getAttribute('data-median'))]),
      );
    expect(timings).toEqual(
      timeToStage.stages.filter((s) => s.adoptions > 0).map((s) => [s.stage, s.medianDays]),
    );
    // The milestones download is the server's export of this innovation's milestones.
    const { link, rows } = await csvRows(page, 'milestones.csv');
    expect(new URL(link, server.url).searchParams.get('innovationId')).toBe(MPP);
    const shown = await page
      .locator('[data-panel="adopters"] [data-milestone]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-milestone')));
    expect(rows.map((r) => r.milestone_id).sort()).toEqual([...shown].sort());
    await page.close();
  });

  it('budget totals: an allocation reported with its amount shows on Nasional and Inovasi', async () => {
    const page = await browser.context.newPage();
    await openPage(page, `${server.url}/`, 'nasional (budget before)');
    expect(await page.locator('[data-panel="budget"] [data-budget-total]').count()).toBe(0);
    const reported = await server.gql(
      `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage } }`,
      {
        input: {
          adopterCode: '76.01',
          innovationId: MPP,
          kind: 'BUDGET_ALLOCATED',
          occurredOn: '2024-01-10',
          details: { budget: { fiscalYear: 2024, amountRupiah: '1250000000', source: 'APBD' } },
          evidence: [{ kind: 'DOCUMENT', title: 'DPA Pasangkayu 2024', reference: 'DPA 2024' }],
        },
      },
    );
    expect(reported.errors).toBeUndefined();
    await page.close();
    const after = await browser.context.newPage();
    await openPage(after, `${server.url}/#/nasional`, 'nasional (budget)');
    const row = after.locator('[data-panel="budget"] tr[data-budget-province="76"]');
    expect(await row.getAttribute('data-amount')).toBe('1250000000');
    expect(await row.textContent()).toContain('Rp 1.250.000.000');
    expect(await row.textContent()).toContain('Mal Pelayanan Publik');
    expect(await row.textContent()).toContain('2024');
    await snapshot(after, 'nasional-budget');
    await expectAccessible(after);
    await openPage(after, `${server.url}/#/inovasi/${MPP}`, 'inovasi (budget)');
    expect(
      await after
        .locator('[data-panel="budget"] [data-budget-total]')
        .getAttribute('data-budget-total'),
    ).toBe('1250000000');
    await after.close();
  });

  it('no page made a request that left localhost', () => {
    expect(browser.outside()).toEqual([]);
  });
});
