import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.js';
import { draftReport, serverWithInnovations, signInOnPage } from './support/berita.js';
import { type RecordedBrowser, screenshotPath } from './support/browser.js';
import { closeWorkbench, openWorkbench } from './support/session.js';
import { expectAccessible, issueRegencyToken, snapshot } from './support/story.js';

/**
 * The Berita page in Debian's Chromium, on a fresh server that knows Banyuwangi's innovations
 * (registered as the demo registers them) and nothing else: one of our own hand-written reports
 * is pasted, drafted, corrected and confirmed by Pohuwato's officer; the result is checked on the
 * server and on the Daerah page.
 */
const FIXTURE = join(import.meta.dirname, '..', 'news', 'fixtures', 'pohuwato-2026-01.txt');
const URL_OF_REPORT = 'https://example.go.id/berita/pohuwato-studi-tiru';

let server: TestServer;
let browser: RecordedBrowser;
let pohuwatoToken: string;

beforeAll(async () => {
  ({ server, browser } = await openWorkbench(serverWithInnovations));
  pohuwatoToken = await issueRegencyToken(server, '75.04');
}, 240_000);

afterAll(() => closeWorkbench({ server, browser }), 60_000);

type Visits = {
  studyVisits: Array<{
    visitor: { code: string };
    startDate: string;
    endDate: string;
    delegationSize: number;
    leader: string;
    sites: Array<{ name: string; villageCode: string | null }>;
    innovations: Array<{ id: string }>;
    evidence: Array<{ kind: string; url: string | null }>;
  }>;
};
const visitsTo = async (hostCode: string) => {
  const answer = await server.gql<Visits>(
    `query($hostCode: ID!) { studyVisits(hostCode: $hostCode) { visitor { code } startDate endDate
      delegationSize leader sites { name villageCode } innovations { id } evidence { kind url } } }`,
    { hostCode },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data?.studyVisits ?? [];
};

describe('the Berita page in a real browser', { timeout: 180_000 }, () => {
  it('drafts a hand-written report, is corrected, and records the visit once', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/berita`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Nothing typed: refused at the fields, nothing sent to the server's draft.
    await page.getByRole('button', { name: 'Baca berita' }).click();
    expect(await page.textContent('#f-text-error')).toBe('Wajib diisi.');
    expect(await page.getAttribute('#f-publishedOn', 'aria-invalid')).toBe('true');

    // Too long a text is refused by the server, shown at the text field.
    await page.fill('#f-text', 'Bupati Lahat '.repeat(1600));
    await page.fill('#f-publishedOn', '2026-01-31');
    await page.getByRole('button', { name: 'Baca berita' }).click();
    await page.waitForFunction(() =>
      (document.getElementById('f-text-error')?.textContent ?? '').includes('20000'),
    );
    expect(await page.locator('[data-drafted]').count()).toBe(0);

    // The report arrives as a file, as an officer saves it from a site.
    await page.setInputFiles('input[name="report-file"]', FIXTURE);
    const text = readFileSync(FIXTURE, 'utf8');
    await page.waitForFunction(
      (length) =>
        (document.getElementById('f-text') as HTMLTextAreaElement).value.length === length,
      text.length,
    );
    await draftReport(page, await page.inputValue('#f-text'), '2026-01-31', URL_OF_REPORT);

    // The text with its source spans highlighted, beside one visit and one interest.
    const marks = await page.locator('[data-report-text] mark').allTextContents();
    expect(marks.join(' ')).toContain('Pohuwato');
    expect(marks.join(' ')).toContain('25 orang');
    expect(marks.some((m) => m.includes('Desa Kemiren'))).toBe(true);
    expect(await page.textContent('[data-report-text]')).toBe(text);
    await page.locator('[data-proposal="v0"]').waitFor();
    await page.locator('[data-proposal="m0"]').waitFor();
    expect(await page.inputValue('#v0-f-hostCode')).toBe('35.10');
    expect(await page.inputValue('#v0-f-visitorCode')).toBe('75.04');
    expect(await page.inputValue('#v0-f-startDate')).toBe('2026-01-28');
    expect(await page.inputValue('#v0-f-endDate')).toBe('2026-01-30');
    expect(await page.inputValue('#v0-f-delegationSize')).toBe('25');
    expect(await page.inputValue('#v0-f-evidence-0-url')).toBe(URL_OF_REPORT);
    expect(
      await page.locator('[data-proposal="v0"] input[type="checkbox"]:checked').count(),
    ).toBeGreaterThan(0);
    // Focusing a proposal makes its own spans bold.
    await page.focus('#v0-f-leader');
    expect(await page.locator('[data-report-text] mark.active').count()).toBeGreaterThan(0);

    // Not signed in: the server refuses, the page says so on the proposal, nothing is written.
    await page.locator('[data-proposal="m0"] button[type="submit"]').click();
    await page.locator('[data-proposal="m0"] [data-general-error]').waitFor();
    expect(await page.locator('[data-proposal="m0"] [data-recorded]').count()).toBe(0);

    // Pohuwato's officer signs in on the page itself.
    await signInOnPage(page, pohuwatoToken, 'REGENCY');
    expect(browser.requests.some((url) => url.includes(pohuwatoToken))).toBe(false);

    // A correction: the leader as the regency's own record names the office.
    await page.fill('#v0-f-leader', 'Wakil Bupati Pohuwato dan Asisten Pemerintahan');
    await snapshot(page, 'berita');
    // The part of the page docs/img/berita.png shows: the report, its spans and the visit.
    const bottom = await page.evaluate(
      () =>
        (document.querySelector('[data-proposal="v0"]')?.getBoundingClientRect().bottom ?? 0) +
        window.scrollY,
    );
    await page.screenshot({
      path: screenshotPath('berita-view'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: Math.ceil(bottom) + 16 },
    });
    await expectAccessible(page);

    // An end before the start is refused by the server, shown at the end date, nothing written.
    await page.fill('#v0-f-endDate', '2026-01-20');
    const confirm = page.locator('[data-proposal="v0"] button[type="submit"]');
    await confirm.click();
    await page.waitForFunction(
      () => (document.getElementById('v0-f-endDate-error')?.textContent ?? '').length > 0,
    );
    expect(await page.getAttribute('#v0-f-endDate', 'aria-invalid')).toBe('true');
    expect(await visitsTo('35.10')).toEqual([]);

    // Corrected and confirmed with a double click: recorded once.
    await page.fill('#v0-f-endDate', '2026-01-30');
    await confirm.dblclick();
    await page.locator('[data-proposal="v0"] [data-recorded]').waitFor();
    const visits = await visitsTo('35.10');
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({
      visitor: { code: '75.04' },
      startDate: '2026-01-28',
      endDate: '2026-01-30',
      delegationSize: 25,
      leader: 'Wakil Bupati Pohuwato dan Asisten Pemerintahan',
      innovations: [{ id: 'banyuwangi-mal-pelayanan-publik' }],
      evidence: [{ kind: 'NEWS', url: URL_OF_REPORT }],
    });
    expect(visits[0]?.sites.map((s) => s.villageCode)).toContain('35.10.15.2004');

    // The interest is dropped: gone from the page, and nothing recorded for it.
    await page
      .locator('[data-proposal="m0"]')
      .getByRole('button', { name: 'Buang usulan' })
      .click();
    expect(await page.locator('[data-proposal="m0"]').count()).toBe(0);
    expect(await page.textContent('[data-announce]')).toContain('Usulan dibuang');
    const kinds = await server.gql<{
      adoptions: { edges: Array<{ node: { milestones: Array<{ kind: string }> } }> };
    }>(
      `{ adoptions(filter: { adopterCode: "75.04" }) { edges { node { milestones { kind } } } } }`,
    );
    expect(kinds.errors).toBeUndefined();
    expect(
      kinds.data?.adoptions.edges.flatMap((e) => e.node.milestones.map((m) => m.kind)),
    ).not.toContain('INTEREST_DECLARED');

    // The visit on Pohuwato's Daerah page, reached by the link the confirmation gives.
    await page.locator('[data-proposal="v0"] [data-recorded] a').click();
    await page.locator('[data-panel="visits-made"][data-ready="true"]').waitFor();
    expect(await page.textContent('[data-panel="visits-made"]')).toContain('Kabupaten Banyuwangi');
    expect(browser.outside()).toEqual([]);
  });

  it('works by keyboard, in English, and on a phone-sized screen', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/#/berita`);
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('heading', { name: 'From a news report to replication milestones' })
      .waitFor();
    // From the report text to the button by Tab alone, and Enter reads it.
    await page.focus('#f-text');
    await page.keyboard.insertText(readFileSync(FIXTURE, 'utf8'));
    await page.keyboard.press('Tab'); // the file picker
    await page.keyboard.press('Tab'); // the publication date
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-publishedOn');
    await page.fill('#f-publishedOn', '2026-01-31');
    await page.focus('#f-url');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-proposal="v0"]').waitFor();
    expect(await page.textContent('[data-proposal="v0"] h3')).toContain('Proposed study visit 1');
    // One column, no sideways scroll.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await snapshot(page, 'berita-phone');
    await expectAccessible(page);
    expect(browser.outside()).toEqual([]);
  });
});
