import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INNOVATIONS } from '../../src/demo/banyuwangi.js';
import { startServer, type TestServer } from '../support/server.js';
import type { RecordedBrowser } from './support/browser.js';
import { closeWorkbench, openWorkbench } from './support/session.js';
import { adoptionOf, expectAccessible, issueRegencyToken, snapshot } from './support/story.js';

/**
 * Lahat's officer's own reports on the Lapor page, in Debian's Chromium against a started server
 * on the demo story: each shows the ministry's verdict; an unverified report is retracted with a
 * reason; a verified one cannot be, and the server's refusal is shown beside it.
 */
let server: TestServer;
let browser: RecordedBrowser;
let lahat: string;
const SMART_KAMPUNG = DEMO_INNOVATIONS.smartKampung;

beforeAll(async () => {
  ({ server, browser } = await openWorkbench(() => startServer({ demo: true })));
  lahat = await issueRegencyToken(server, '16.04');
}, 240_000);

afterAll(() => closeWorkbench({ server, browser }), 60_000);

/** Lahat reports a milestone through the API with its own token; answers the milestone's id. */
async function reportAsLahat(kind: string, occurredOn: string) {
  const answer = await server.as(lahat)<{
    reportMilestone: { milestones: Array<{ id: string; kind: string; occurredOn: string }> };
  }>(
    `mutation($input: ReportMilestoneInput!) { reportMilestone(input: $input) { milestones { id kind occurredOn } } }`,
    {
      input: {
        adopterCode: '16.04',
        innovationId: SMART_KAMPUNG,
        kind,
        occurredOn,
        evidence: [{ kind: 'DOCUMENT', title: `${kind} Lahat`, reference: 'Surat 1/2025' }],
      },
    },
  );
  expect(answer.errors).toBeUndefined();
  const id = answer.data?.reportMilestone.milestones.find(
    (m) => m.kind === kind && m.occurredOn === occurredOn,
  )?.id;
  if (!id) throw new Error(`${kind} was not recorded`);
  return id;
}

async function openLapor(page: Page) {
  await page.goto(`${server.url}/#/lapor`);
  await page.fill('input[name="token"]', lahat);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.locator('[data-signed-in="REGENCY"]').waitFor();
  await page.locator('[data-panel="my-reports"][data-ready="true"]').waitFor();
}

const milestone = async (id: string) =>
  (await adoptionOf(server, '16.04', SMART_KAMPUNG)).milestones.find((m) => m.id === id);

describe('an officer’s own reports in a real browser', { timeout: 180_000 }, () => {
  it('shows each report’s verdict; an unverified one is retracted with a reason', async () => {
    const interest = await reportAsLahat('INTEREST_DECLARED', '2025-02-03');
    const agreement = await reportAsLahat('AGREEMENT_SIGNED', '2025-03-04');
    const verified = await server.gql(
      `mutation($input: VerifyMilestoneInput!) { verifyMilestone(input: $input) { id } }`,
      { input: { milestoneId: agreement, note: 'Naskah MoU diperiksa' } },
    );
    expect(verified.errors).toBeUndefined();
    const page = await browser.context.newPage();
    await openLapor(page);
    const verdict = (id: string) =>
      page.locator(`[data-report="${id}"] [data-verification]`).getAttribute('data-verification');
    expect(await verdict(interest)).toBe('UNVERIFIED');
    expect(await verdict(agreement)).toBe('VERIFIED');

    const report = page.locator(`[data-report="${interest}"]`);
    await report.getByRole('button', { name: 'Tarik', exact: true }).click();
    await report.locator('input').fill('Dilaporkan dua kali');
    await report.getByRole('button', { name: 'Tarik laporan' }).click();
    await report.getByText('ditarik').waitFor();
    expect((await milestone(interest))?.retracted).toBe(true);

    // What the ministry verified stays: the server refuses, and says so beside the report.
    const kept = page.locator(`[data-report="${agreement}"]`);
    await kept.getByRole('button', { name: 'Tarik', exact: true }).click();
    await kept.locator('input').fill('Salah tanggal');
    await kept.getByRole('button', { name: 'Tarik laporan' }).click();
    await page.waitForFunction(
      (id) =>
        (document.querySelector(`[data-report="${id}"] [role="alert"]`)?.textContent ?? '').length >
        0,
      agreement,
    );
    expect((await milestone(agreement))?.retracted).toBe(false);
    await snapshot(page, 'lapor-reports');
    await expectAccessible(page);
    await page.close();
  });

  it('no page made a request that left localhost', () => {
    expect(browser.outside()).toEqual([]);
  });
});
