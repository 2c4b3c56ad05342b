import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_ADMIN_TOKEN, type TestServer } from '../support/server.js';
import type { RecordedBrowser } from './support/browser.js';
import { closeWorkbench, openWorkbench } from './support/session.js';
import {
  adoptionOf,
  expectAccessible,
  issueRegencyToken,
  MPP,
  openPage,
  snapshot,
  timeUntilReady,
} from './support/story.js';

/**
 * A regency officer and the ministry in Debian's Chromium against a started server on the demo
 * story: Lahat's officer reports a milestone (a future date refused at its field, a double click
 * recorded once, Pasangkayu out of reach), then the ministry verifies it from the queue and the
 * verified figure changes. Outcomes are checked against the server, not only the page.
 */
let server: TestServer;
let browser: RecordedBrowser;
let lahatToken: string;

beforeAll(async () => {
  ({ server, browser } = await openWorkbench(() => startServer({ demo: true })));
  lahatToken = await issueRegencyToken(server, '16.04');
}, 240_000);

afterAll(() => closeWorkbench({ server, browser }), 60_000);

async function signIn(page: Page, token: string, role: string) {
  await page.fill('input[name="token"]', token);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.locator(`[data-signed-in="${role}"]`).waitFor();
}

/** Nasional at OPERATIONAL counting verified milestones only: South Sumatra's count on the map. */
async function verifiedLaunchesInSouthSumatra(page: Page) {
  await page.goto(`${server.url}/#/nasional`);
  await page.reload(); // a fresh page: the figures are asked again, not kept from the last visit
  await page.selectOption('select[name="stage"]', 'OPERATIONAL');
  await page.selectOption('select[name="verification"]', 'VERIFIED_ONLY');
  await page.waitForFunction(() => {
    const panels = [...document.querySelectorAll('[data-panel]')];
    const href = document.querySelector('a[data-export]')?.getAttribute('href') ?? '';
    return (
      href.includes('minStage=OPERATIONAL') &&
      href.includes('verification=VERIFIED_ONLY') &&
      panels.every((p) => p.getAttribute('data-ready') === 'true')
    );
  });
  return page.locator('path[data-province="ID-SS"]').getAttribute('data-count');
}

const launches = async () =>
  (await adoptionOf(server, '16.04', MPP)).milestones.filter((m) => m.kind === 'SERVICE_LAUNCHED');

describe('reporting and verifying in a real browser', { timeout: 180_000 }, () => {
  it('Lahat’s officer reports a launch once, and sees it on the innovation page', async () => {
    // An analyst keeps the MPP page open in another tab while the officer reports.
    const watcher = await browser.context.newPage();
    await openPage(watcher, `${server.url}/#/inovasi/${MPP}`, 'inovasi (live)');
    await watcher.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/lapor`);
    await timeUntilReady(page, 'lapor', () => signIn(page, lahatToken, 'REGENCY'));
    // The token stays in the browser session: never in the address or any request's URL.
    expect(page.url()).not.toContain(lahatToken);
    expect(browser.requests.some((url) => url.includes(lahatToken))).toBe(false);
    expect(await page.inputValue('#f-adopterCode')).toContain('16.04');
    expect(await page.getAttribute('#f-adopterCode', 'readonly')).not.toBeNull();

    const form = page.locator('form[aria-labelledby="report-title"]');
    await form.locator('input[name="innovationId-search"]').fill('mal pelay');
    await form.getByRole('radio', { name: /Mal Pelayanan Publik/ }).check();
    await page.selectOption('#f-kind', 'SERVICE_LAUNCHED');
    await page.fill('#f-details-launch-inauguratedBy', 'Bupati Lahat');
    await page.fill('#f-evidence-0-title', 'Peresmian MPP Lahat');
    await page.fill('#f-evidence-0-reference', 'Berita acara peresmian');
    await snapshot(page, 'lapor');
    await expectAccessible(page);
    const submit = form.locator('button[type="submit"]');

    // A date in the future is refused at the date field, and nothing is written.
    await page.fill('#f-occurredOn', '2099-01-01');
    await submit.click();
    await page.waitForFunction(
      () => (document.getElementById('f-occurredOn-error')?.textContent ?? '').length > 0,
    );
    expect(await page.getAttribute('#f-occurredOn', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#f-occurredOn-error')).toContain('masa depan');
    expect(await launches()).toHaveLength(0);

    // A double click records the report once (one idempotency key per submission).
    await page.fill('#f-occurredOn', '2025-01-15');
    // The chosen date is echoed as Indonesians write it, whatever the browser's date picker shows.
    expect(await page.textContent('[data-date-as-written]')).toBe('15 Januari 2025');
    await submit.dblclick();
    await page.locator('[data-reported]').waitFor();
    expect(await launches()).toHaveLength(1);
    expect((await adoptionOf(server, '16.04', MPP)).stage).toBe('OPERATIONAL');

    // The open MPP page shows it from the live feed, without reloading.
    await watcher.waitForFunction(
      () =>
        document
          .querySelector('tr[data-adopter="16.04"] [data-stage]')
          ?.getAttribute('data-stage') === 'OPERATIONAL',
    );
    expect(
      await watcher.locator('tr[data-adopter="16.04"] [data-kind="SERVICE_LAUNCHED"]').count(),
    ).toBe(1);
    expect(
      await watcher.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    await watcher.close();

    // So does the innovation page the report links to, opened within the app (no reload).
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    await page.click('[data-reported] a');
    await page.waitForFunction(
      () =>
        document
          .querySelector('tr[data-adopter="16.04"] [data-stage]')
          ?.getAttribute('data-stage') === 'OPERATIONAL',
    );
    expect(
      await page.locator('tr[data-adopter="16.04"] [data-kind="SERVICE_LAUNCHED"]').count(),
    ).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    await page.close();
  });

  it('Lahat’s officer reports a study visit, its host named by the innovation studied', async () => {
    const visits = async () =>
      (
        await server.gql<{ studyVisits: Array<{ id: string; leader: string }> }>(
          `{ studyVisits(visitorCode: "16.04") { id leader } }`,
        )
      ).data?.studyVisits ?? [];
    const before = (await visits()).length;
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/lapor`);
    await signIn(page, lahatToken, 'REGENCY');
    const form = page.locator('form[aria-labelledby="visit-title"]');
    await form.locator('input[name="visit-innovation-search"]').fill('smart');
    await form.getByRole('radio', { name: /Smart Kampung/ }).check();
    await form.locator('#f-startDate').fill('2025-03-03');
    await form.locator('#f-endDate').fill('2025-03-04');
    await form.locator('#f-delegationSize').fill('12');
    await form.locator('#f-leader').fill('Sekretaris Daerah Lahat');
    await form.locator('#f-sites-0-name').fill('Smart Kampung Desa Tamansari');
    await form.locator('button[type="submit"]').dblclick();
    await form.locator('.success').waitFor();
    const after = await visits();
    expect(after).toHaveLength(before + 1);
    expect(after.some((v) => v.leader === 'Sekretaris Daerah Lahat')).toBe(true);
    await page.close();
  });

  it('Lahat’s token cannot submit for Pasangkayu', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/lapor`);
    await signIn(page, lahatToken, 'REGENCY');
    // The form offers only Lahat; a request made with the session's token for Pasangkayu is refused.
    const answer = await page.evaluate(async (innovationId) => {
      const token = sessionStorage.getItem('replika.token');
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { stage } }`,
          variables: {
            input: {
              adopterCode: '76.01',
              innovationId,
              kind: 'PILOT_STARTED',
              occurredOn: '2025-02-01',
            },
          },
        }),
      });
      return (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    }, MPP);
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await adoptionOf(server, '76.01', MPP)).stage).toBe('FUNDED');
    await page.close();
  });

  it('Lahat’s officer adds evidence to the launch later; a bad link is refused at its field', async () => {
    const [launch] = await launches();
    if (!launch) throw new Error('the launch was not recorded');
    const evidenceOf = async () =>
      (
        await server.gql<{
          adoptions: {
            edges: Array<{
              node: { milestones: Array<{ id: string; evidence: Array<{ title: string }> }> };
            }>;
          };
        }>(
          `query($f: AdoptionFilter) { adoptions(filter: $f) { edges { node { milestones { id evidence { title } } } } } }`,
          { f: { adopterCode: '16.04', innovationId: MPP } },
        )
      ).data?.adoptions.edges[0]?.node.milestones.find((m) => m.id === launch.id)?.evidence ?? [];
    const before = await evidenceOf();
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/lapor`);
    await signIn(page, lahatToken, 'REGENCY');
    const report = page.locator(`[data-report="${launch.id}"]`);
    // The officer's own reports show the ministry's verdict on each.
    expect(await report.locator('[data-verification]').getAttribute('data-verification')).toBe(
      'UNVERIFIED',
    );
    await report.getByRole('button', { name: 'Tambah data dukung' }).click();
    const form = report.locator('form[data-add-evidence]');
    const prefix = `#ev-${launch.id.replace(/\W/g, '-')}-f-evidence-0-`;
    await form.locator(`${prefix}title`).fill('Foto peresmian MPP Lahat');
    await form.locator(`${prefix}url`).fill('ftp://example.org/peresmian.jpg');
    await form.locator('button[type="submit"]').click();
    await page.waitForFunction(
      (id) => (document.querySelector(id)?.textContent ?? '').length > 0,
      `${prefix}url-error`,
    );
    expect(await page.getAttribute(`${prefix}url`, 'aria-invalid')).toBe('true');
    expect(await evidenceOf()).toEqual(before);
    await snapshot(page, 'lapor-evidence-refused');
    await form.locator(`${prefix}url`).fill('https://example.org/peresmian.jpg');
    await form.locator('button[type="submit"]').dblclick();
    await report.getByText('Foto peresmian MPP Lahat').waitFor();
    const after = await evidenceOf();
    expect(after.map((e) => e.title)).toEqual([
      ...before.map((e) => e.title),
      'Foto peresmian MPP Lahat',
    ]);
    await snapshot(page, 'lapor-evidence');
    await expectAccessible(page);
    // The innovation page shows it at the milestone.
    await page.goto(`${server.url}/#/inovasi/${MPP}`);
    await page
      .locator(`[data-milestone="${launch.id}"]`)
      .getByText('Foto peresmian MPP Lahat')
      .waitFor();
    await page.close();
  });

  it('the ministry verifies the launch from the queue and the verified figure changes', async () => {
    const nasional = await browser.context.newPage();
    expect(await verifiedLaunchesInSouthSumatra(nasional)).toBe('0');
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/#/verifikasi`);
    await timeUntilReady(page, 'verifikasi', () => signIn(page, TEST_ADMIN_TOKEN, 'ADMIN'));
    const figure = page.locator('[data-figure="verified"]');
    const before = Number(await figure.textContent());
    const [launch] = await launches();
    if (!launch) throw new Error('the launch was not recorded');
    const item = page.locator(`[data-queue-item="${launch.id}"]`);
    await item.locator('input').fill('Sesuai berita acara peresmian');
    await snapshot(page, 'verifikasi');
    await expectAccessible(page);
    await item.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await page.waitForFunction(
      (expected) => document.querySelector('[data-figure="verified"]')?.textContent === expected,
      String(before + 1),
    );
    expect((await launches())[0]?.verification).toBe('VERIFIED');
    await item.waitFor({ state: 'detached' });
    // Nasional's VERIFIED_ONLY figures are the server's: Lahat's verified launch now counts.
    expect(await verifiedLaunchesInSouthSumatra(nasional)).toBe('1');
    expect(
      await nasional
        .locator('[data-panel="top-innovations"] [data-ranked]')
        .evaluateAll((rows) =>
          rows.map((r) => [r.getAttribute('data-ranked'), r.getAttribute('data-count')]),
        ),
    ).toEqual([[MPP, '1']]);
    await nasional.close();

    // A token for Kab. Semarang is shown once, then only its grant is listed.
    await page.fill('#f-regencyCode', '33.22');
    await page.fill('#f-label', 'Bagian Organisasi Setda Semarang');
    await page.getByRole('button', { name: 'Terbitkan token' }).click();
    const secret = await page.locator('[data-new-token]').textContent();
    expect(secret?.length).toBeGreaterThan(20);
    await page.close();
  });

  it('no page made a request that left localhost', () => {
    expect(browser.outside()).toEqual([]);
  });
});
