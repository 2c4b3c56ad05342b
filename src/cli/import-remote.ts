import type { SingleBar } from 'cli-progress';
import type { ImportMessage } from '../http/import.js';
import { IMPORT_PATH } from '../http/import.js';
import { printOutcome, progressBar, stoppedMessage } from './import-report.js';

/**
 * `replika import --url URL FILE.csv`: the file goes to the running server
 * (`POST /import/milestones`), which holds the data directory, checks every row and writes all
 * or nothing as the token in REPLIKA_TOKEN; its NDJSON answer drives the same progress bar and
 * report as an offline import. Answers the exit code.
 */
export async function importThroughServer(
  url: string,
  file: string,
  text: string,
  dryRun: boolean,
): Promise<number> {
  const token = process.env.REPLIKA_TOKEN;
  if (!token) {
    console.error(
      'importing through a server needs a token: set REPLIKA_TOKEN (the admin token, or a regency token for its own rows)',
    );
    return 2;
  }
  let target: URL;
  try {
    target = new URL(`${IMPORT_PATH}${dryRun ? '?dryRun=true' : ''}`, url);
  } catch {
    console.error(`--url ${url} is not an address such as http://localhost:4000`);
    return 2;
  }
  let response: Response;
  try {
    response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8', authorization: `Bearer ${token}` },
      body: text,
    });
  } catch (error) {
    console.error(
      `cannot reach the server at ${url}: ${(error as Error).cause ?? (error as Error).message}`,
    );
    return 2;
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => ({}))) as {
      errors?: Array<{ message: string }>;
    };
    console.error(
      `${file}: the server refused the import (HTTP ${response.status}): ${body.errors?.[0]?.message ?? response.statusText}`,
    );
    return response.status === 401 || response.status === 403 ? 2 : 1;
  }
  let bar: SingleBar | undefined;
  let buffered = '';
  const decoder = new TextDecoder();
  try {
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffered += decoder.decode(chunk.value, { stream: true });
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const message = JSON.parse(buffered.slice(0, nl)) as ImportMessage;
        buffered = buffered.slice(nl + 1);
        if (message.event === 'checked') bar = progressBar(message.toWrite);
        else if (message.event === 'progress') bar?.update(message.imported);
        else if (message.event === 'failed') {
          bar?.stop();
          console.error(stoppedMessage(file, message.message));
          return 1;
        } else {
          bar?.stop();
          return printOutcome(file, message, message.dryRun);
        }
      }
    }
  } catch (error) {
    bar?.stop();
    console.error(
      stoppedMessage(file, `the connection to ${url} broke: ${(error as Error).message}`),
    );
    return 1;
  }
  bar?.stop();
  console.error(stoppedMessage(file, 'the server ended the answer without a report'));
  return 1;
}
