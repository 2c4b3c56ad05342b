import Database from 'better-sqlite3';
import express from 'express';
import {
  adoptionExport,
  type ExportQuery,
  milestoneExport,
} from '../../projections/adoptions/export.js';
import { authenticate, type TokenLookup } from '../application/access.js';
import type { Regions } from '../application/regions.js';
import { maturityOf, stageOfRank } from '../domain/adoption/stages.js';
import { csvRow, UTF8_BOM } from './csv.js';
import { BadParameter, parseExportParams as parse } from './export-params.js';

export interface ExportDeps {
  /** The read model's file; each export reads it through its own read-only connection. */
  readModelPath: string;
  regions: Regions;
  tokens: TokenLookup;
  readsRequireToken: boolean;
}

type Row = Record<string, unknown>;

/**
 * GET /export/adoptions.csv and GET /export/milestones.csv: the `adoptions` query's answer (and
 * its milestones) as CSV, with the same filters as query parameters. Rows are streamed from a
 * better-sqlite3 statement iterator on a read-only connection of its own, a chunk at a time,
 * waiting for `drain` whenever the socket's buffer is full, so an export of any size holds only a
 * chunk in memory and one snapshot of the read model.
 */
export function exportRoutes(deps: ExportDeps): express.Router {
  const router = express.Router();
  const regencyName = (c: unknown) => deps.regions.regency(String(c))?.name ?? '';
  const provinceName = (c: string) => deps.regions.province(c)?.name ?? '';

  const adoptionCsv = {
    file: 'replika-adoptions.csv',
    header: [
      'adopter_code',
      'adopter_name',
      'province_code',
      'province_name',
      'innovation_id',
      'innovation_name',
      'origin_code',
      'origin_name',
      'stage',
      'maturity',
      'suspended',
      'milestone_count',
      'first_occurred_on',
      'last_occurred_on',
      'updated_at',
    ],
    row: (r: Row) => {
      const stage = stageOfRank(Number(r.stage_rank));
      const province = String(r.adopter_code).slice(0, 2);
      return [
        r.adopter_code,
        regencyName(r.adopter_code),
        province,
        provinceName(province),
        r.innovation_id,
        r.innovation_name,
        r.origin_code,
        regencyName(r.origin_code),
        stage,
        stage && maturityOf(stage),
        r.suspended === 1,
        r.milestone_count,
        r.first_occurred_on,
        r.last_occurred_on,
        r.updated_at,
      ];
    },
  };
  const milestoneCsv = {
    file: 'replika-milestones.csv',
    header: [
      'milestone_id',
      'adopter_code',
      'adopter_name',
      'province_code',
      'innovation_id',
      'innovation_name',
      'origin_code',
      'kind',
      'occurred_on',
      'recorded_at',
      'mode',
      'verification',
      'retracted',
      'retracted_at',
      'study_visit_id',
      'reported_by',
      'budget_fiscal_year',
      'budget_amount_rupiah',
      'note',
      'evidence',
    ],
    row: (r: Row) => {
      const details = r.details ? JSON.parse(String(r.details)) : {};
      const evidence = JSON.parse(String(r.evidence)) as Array<{
        title: string;
        url?: string;
        reference?: string;
      }>;
      return [
        r.id,
        r.adopter_code,
        regencyName(r.adopter_code),
        String(r.adopter_code).slice(0, 2),
        r.innovation_id,
        r.innovation_name,
        r.origin_code,
        r.kind,
        r.occurred_on,
        r.recorded_at,
        r.mode,
        r.verification,
        r.retracted === 1,
        r.retracted_at,
        r.visit_id,
        r.reported_by,
        details.budget?.fiscalYear,
        details.budget?.amountRupiah,
        r.note,
        evidence.map((e) => [e.title, e.url ?? e.reference].filter(Boolean).join(' ')).join(' | '),
      ];
    },
  };

  const serve =
    (csv: typeof adoptionCsv, query: (p: ReturnType<typeof parse>) => ExportQuery) =>
    (req: express.Request, res: express.Response) => {
      if (deps.readsRequireToken) {
        const actor = authenticate(req.headers.authorization, deps.tokens);
        if (!actor.role)
          return void res
            .status(401)
            .json(
              error(
                'UNAUTHENTICATED',
                undefined,
                `exports need an access token${actor.authFailure ? `: ${actor.authFailure}` : ''}`,
              ),
            );
      }
      let statement: ExportQuery;
      try {
        statement = query(parse(req.query));
      } catch (e) {
        if (e instanceof BadParameter)
          return void res.status(400).json(error('BAD_USER_INPUT', e.field, e.message));
        throw e;
      }
      stream(deps.readModelPath, statement, csv, res);
    };

  router.get(
    '/export/adoptions.csv',
    serve(adoptionCsv, (p) => adoptionExport(p.filter, p.sort, p.at, p.counting)),
  );
  router.get(
    '/export/milestones.csv',
    serve(milestoneCsv, (p) => milestoneExport(p.filter, p.at, p.counting)),
  );
  return router;
}

const error = (code: string, field: string | undefined, message: string) => ({
  errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }],
});

/** About 64 KiB of CSV per write. */
const CHUNK = 64 * 1024;

function stream(
  path: string,
  statement: ExportQuery,
  csv: { file: string; header: string[]; row: (r: Row) => unknown[] },
  res: express.Response,
) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const rows = db.prepare(statement.sql).iterate(statement.params) as IterableIterator<Row>;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    rows.return?.();
    db.close();
  };
  res.on('close', finish);
  res.status(200);
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${csv.file}"`);
  res.setHeader('cache-control', 'no-store');
  let chunk = UTF8_BOM + csvRow(csv.header);
  const pump = () => {
    if (finished) return;
    try {
      for (;;) {
        const next = rows.next();
        if (next.done) {
          res.end(chunk);
          finish();
          return;
        }
        chunk += csvRow(csv.row(next.value));
        if (chunk.length >= CHUNK) {
          const more = res.write(chunk);
          chunk = '';
          // Backpressure: wait until the socket took the buffered bytes (and yield to others).
          if (!more) return void res.once('drain', pump);
          return void setImmediate(pump);
        }
      }
    } catch (e) {
      finish();
      res.destroy(e as Error);
    }
  };
  pump();
}
