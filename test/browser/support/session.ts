import type { TestServer } from '../../support/server.js';
import { ensureWorkbenchBuilt, launch, type RecordedBrowser } from './browser.js';

/** A started server with the workbench built, and Debian's Chromium open beside it. */
export type WorkbenchSession = { server: TestServer; browser: RecordedBrowser };

/** Builds the workbench when needed, starts the server `start` gives, then launches Chromium. */
export async function openWorkbench(start: () => Promise<TestServer>): Promise<WorkbenchSession> {
  await ensureWorkbenchBuilt();
  const server = await start();
  try {
    return { server, browser: await launch() };
  } catch (error) {
    await server.destroy();
    throw error;
  }
}

/** Closes what `openWorkbench` opened; either part may be missing when its start failed. */
export async function closeWorkbench(session: Partial<WorkbenchSession> | undefined) {
  await session?.browser?.close();
  await session?.server?.destroy();
}
