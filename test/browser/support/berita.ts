import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { demoInputs } from '../../news/support.js';
import { startServer } from '../../support/server.js';

/** A fresh server with Banyuwangi's innovations (registered as the demo does) and nothing else. */
export async function serverWithInnovations() {
  const fresh = await startServer({ demo: false });
  for (const input of (await demoInputs()).innovations) {
    const res = await fresh.gql(
      'mutation($input: RegisterInnovationInput!) { registerInnovation(input: $input) { id } }',
      { input },
    );
    expect(res.errors).toBeUndefined();
  }
  return fresh;
}

/** Pastes a report into the Berita page, gives its date (and URL) and reads it. */
export async function draftReport(page: Page, text: string, publishedOn: string, url?: string) {
  await page.fill('#f-text', text);
  await page.fill('#f-publishedOn', publishedOn);
  if (url) await page.fill('#f-url', url);
  await page.getByRole('button', { name: 'Baca berita' }).click();
  await page.locator('[data-drafted]').waitFor();
}

/** Signs in on the page with a token and waits until the page says who is signed in. */
export async function signInOnPage(page: Page, token: string, role: string) {
  await page.fill('input[name="token"]', token);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.locator(`[data-signed-in="${role}"]`).waitFor();
}
