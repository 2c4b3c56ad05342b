import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Principal } from '../application/access.js';
import type { Commands } from '../application/commands.js';
import { importMilestoneCsv } from '../application/milestone-csv.js';

export const IMPORT_PATH = '/import/milestones';

export interface ImportEndpointOptions {
  commands: Commands;
  /** Who the request's Authorization header speaks for. */
  authenticate: (authorization: string | undefined) => Principal;
  /** Waits until the read model holds `position` (read-your-writes, as mutations do). */
  caughtUp: (position: bigint) => Promise<void>;
  /** Largest CSV body accepted. */
  maxBytes: number;
}

/** One line of the NDJSON answer `replika import --url` reads. */
export type ImportMessage =
  | { event: 'checked'; toWrite: number }
  | { event: 'progress'; imported: number; total: number }
  | {
      event: 'done';
      rows: number;
      imported: number;
      alreadyImported: number;
      alreadyRecorded: number;
      dryRun: boolean;
      problems: Array<{ line: number; column?: string; message: string }>;
      position: string | null;
    }
  | { event: 'failed'; message: string };

/**
 * `POST /import/milestones` (CSV body, `?dryRun=true` to check only): the milestone CSV import
 * of `replika import`, run by the server that holds the data directory, as the caller's token
 * (each row is authorized as a reportMilestone of that token would be). The same
 * all-or-nothing check runs first: every bad row is listed and nothing is written unless all
 * are good. The answer streams NDJSON lines (`ImportMessage`): the check's result, progress
 * while rows are written, and the report, sent once the read model holds every row written.
 */
export function importEndpoint(
  options: ImportEndpointOptions,
): [RequestHandler, RequestHandler, ErrorRequestHandler] {
  const body = express.text({ type: () => true, limit: options.maxBytes });
  const handle: RequestHandler = async (req, res) => {
    const actor = options.authenticate(req.headers.authorization);
    if (!actor.role) {
      res.status(401).json({
        errors: [
          {
            message: `importing needs an access token (Authorization: Bearer <token>)${actor.authFailure ? `: ${actor.authFailure}` : ''}`,
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      });
      return;
    }
    const dryRun = req.query.dryRun === 'true' || req.query.dryRun === '1';
    res.status(200).set('content-type', 'application/x-ndjson; charset=utf-8');
    const send = (message: ImportMessage) => res.write(`${JSON.stringify(message)}\n`);
    let total = 0;
    let imported = 0;
    try {
      const report = await importMilestoneCsv(
        options.commands,
        typeof req.body === 'string' ? req.body : '',
        {
          actor: { ...actor, correlationId: `import:${Date.now().toString(36)}` },
          dryRun,
          onStart: (toWrite) => {
            total = toWrite;
            send({ event: 'checked', toWrite });
          },
          onRow: () => {
            imported++;
            // About a hundred progress lines however long the file is.
            if (imported === total || imported % Math.max(1, Math.floor(total / 100)) === 0)
              send({ event: 'progress', imported, total });
          },
        },
      );
      if (report.position !== undefined) await options.caughtUp(report.position);
      send({
        event: 'done',
        rows: report.rows,
        imported: report.imported,
        alreadyImported: report.alreadyImported,
        alreadyRecorded: report.alreadyRecorded,
        dryRun,
        problems: report.problems,
        position: report.position?.toString() ?? null,
      });
    } catch (error) {
      send({ event: 'failed', message: (error as Error).message });
    }
    res.end();
  };
  // A body the parser refuses (too large, unreadable) is answered as GraphQL errors are.
  const refused: ErrorRequestHandler = (error, _req, res, _next) => {
    const tooLarge = (error as { type?: string }).type === 'entity.too.large';
    res.status(tooLarge ? 413 : 400).json({
      errors: [
        {
          message: tooLarge
            ? `the CSV file is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB (REPLIKA_IMPORT_MAX_MB); split it and import the parts`
            : `the CSV body could not be read: ${(error as Error).message}`,
          extensions: { code: tooLarge ? 'REQUEST_ENTITY_TOO_LARGE' : 'BAD_REQUEST' },
        },
      ],
    });
  };
  return [body, handle, refused];
}
