import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Actor, Commands } from './commands.js';
import { canonicalJson } from './idempotency.js';
import { checkVisits, VISIT_COLUMNS, type VisitRow, visitsOf } from './visit-csv.js';

/** The columns of a milestone CSV, in the order the example file uses. */
export const CSV_COLUMNS = [
  'adopter_code',
  'innovation_id',
  'kind',
  'occurred_on',
  'mode',
  'note',
  'evidence_kind',
  'evidence_title',
  'evidence_url',
  'evidence_reference',
  'agreement_type',
  'agreement_parties',
  'agreement_document_number',
  'regulation_instrument',
  'regulation_number',
  'regulation_title',
  'budget_fiscal_year',
  'budget_amount_rupiah',
  'budget_source',
  'pilot_scope',
  'launch_inaugurated_by',
  'evaluation_outcome',
  'suspension_reason',
  'known_on',
  ...VISIT_COLUMNS,
] as const;
const REQUIRED = ['adopter_code', 'innovation_id', 'kind', 'occurred_on'] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

export interface CsvProblem {
  /** 1-based line of the file. */
  line: number;
  /** The column it is about, when it is about one. */
  column?: string;
  message: string;
}

export interface CsvRow {
  line: number;
  /** The reportMilestone input, with an idempotency key derived from the row's content. */
  input: Record<string, unknown>;
}

/** Parses the file into reportMilestone inputs; problems of shape (header, columns) per line. */
export function parseMilestoneCsv(text: string): {
  rows: CsvRow[];
  visits: VisitRow[];
  problems: CsvProblem[];
} {
  const problems: CsvProblem[] = [];
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      comment: '#',
      comment_no_infix: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    return {
      rows: [],
      visits: [],
      problems: [{ line: e.lines ?? 1, message: `not readable as CSV: ${e.message}` }],
    };
  }
  const [head, ...body] = records;
  if (!head) return { rows: [], visits: [], problems: [{ line: 1, message: 'the file is empty' }] };
  const header = head.record.map((h) => h.trim().toLowerCase());
  const known = new Set<string>(CSV_COLUMNS);
  for (const name of header)
    if (!known.has(name))
      problems.push({
        line: head.info.lines,
        column: name,
        message: `unknown column "${name}"; the columns are ${CSV_COLUMNS.join(', ')}`,
      });
  for (const name of REQUIRED)
    if (!header.includes(name))
      problems.push({
        line: head.info.lines,
        column: name,
        message: `column "${name}" is missing`,
      });
  if (new Set(header).size !== header.length)
    problems.push({ line: head.info.lines, message: 'a column name is repeated' });
  if (problems.length) return { rows: [], visits: [], problems };

  const rows: CsvRow[] = [];
  const visitRows: Array<{ line: number; cells: Row }> = [];
  for (const { record, info } of body) {
    if (record.length !== header.length) {
      problems.push({
        line: info.lines,
        message: `has ${record.length} fields, the header has ${header.length}`,
      });
      continue;
    }
    const row: Row = {};
    header.forEach((name, i) => {
      const value = record[i]?.trim();
      if (value) row[name as Column] = value;
    });
    if (row.kind?.toUpperCase() === 'STUDY_VISIT') {
      visitRows.push({ line: info.lines, cells: row });
      continue;
    }
    const input = toInput(row);
    const key = createHash('sha256').update(canonicalJson(input)).digest('hex').slice(0, 40);
    rows.push({ line: info.lines, input: { ...input, idempotencyKey: `csv-${key}` } });
  }
  return { rows, visits: visitsOf(visitRows), problems };
}

function toInput(row: Row): Record<string, unknown> {
  const group = (fields: Record<string, unknown>) =>
    Object.values(fields).some((v) => v !== undefined) ? fields : undefined;
  const number = (v: string | undefined) =>
    v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : v;
  const evidence = group({
    kind: row.evidence_kind?.toUpperCase(),
    title: row.evidence_title,
    url: row.evidence_url,
    reference: row.evidence_reference,
  });
  const details = group({
    agreement: group({
      type: row.agreement_type?.toUpperCase(),
      parties: row.agreement_parties?.split(';').map((p) => p.trim()),
      documentNumber: row.agreement_document_number,
    }),
    regulation: group({
      instrument: row.regulation_instrument?.toUpperCase(),
      number: row.regulation_number,
      title: row.regulation_title,
    }),
    budget: group({
      fiscalYear: number(row.budget_fiscal_year),
      amountRupiah: row.budget_amount_rupiah,
      source: row.budget_source?.toUpperCase(),
    }),
    pilot: group({ scope: row.pilot_scope }),
    launch: group({ inauguratedBy: row.launch_inaugurated_by }),
    evaluation: group({ outcome: row.evaluation_outcome }),
    suspension: group({ reason: row.suspension_reason }),
  });
  return Object.fromEntries(
    Object.entries({
      adopterCode: row.adopter_code,
      innovationId: row.innovation_id,
      kind: row.kind?.toUpperCase(),
      occurredOn: row.occurred_on,
      mode: row.mode?.toUpperCase(),
      note: row.note,
      evidence: evidence ? [evidence] : undefined,
      details,
      knownOn: row.known_on,
    }).filter(([, v]) => v !== undefined),
  );
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The CSV column an input field path is about: `details.budget.fiscalYear` → budget_fiscal_year. */
export function columnOf(field: string | undefined): string | undefined {
  if (!field) return undefined;
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p));
  if (parts[0] === 'details') {
    if (parts.length === 2) return `${parts[1]}_* columns`;
    return parts[1] && parts[2] ? `${parts[1]}_${snake(parts[2])}` : undefined;
  }
  if (parts[0] === 'evidence')
    return parts[1] ? `evidence_${snake(parts[1])}` : 'evidence_* columns';
  return parts[0] ? snake(parts[0]) : undefined;
}

/** Adoptions written at the same time during an import. */
const PARALLEL_ADOPTIONS = 16;

export interface ImportOptions {
  actor: Actor;
  /** Check every row, write nothing. */
  dryRun?: boolean;
  /** Called before the writes start, and after each row written. */
  onStart?: (toWrite: number) => void;
  onRow?: () => void;
}

export interface ImportReport {
  rows: number;
  /** Rows written now. */
  imported: number;
  /** Rows of an earlier run of the same file (same row, same key). */
  alreadyImported: number;
  /** Rows whose kind and date the adoption already holds (entered otherwise). */
  alreadyRecorded: number;
  problems: CsvProblem[];
  /** Log position of the last row written. */
  position?: bigint;
}

/**
 * Imports milestones from CSV, all or nothing: every row is checked first (against the store and
 * the file's earlier rows), every bad row is listed, and nothing is written unless all are good.
 * Each row carries an idempotency key derived from its content, so a re-run adds nothing and an
 * interrupted run is finished by running it again.
 */
export async function importMilestoneCsv(
  commands: Commands,
  text: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const { rows, visits, problems } = parseMilestoneCsv(text);
  const report: ImportReport = {
    rows: rows.length + visits.reduce((n, v) => n + v.lines.length, 0),
    imported: 0,
    alreadyImported: 0,
    alreadyRecorded: 0,
    problems,
  };
  if (problems.length && report.rows === 0) return report;
  const newVisits = await checkVisits(commands, visits, options.actor, report);
  const checks = await commands.checkMilestoneReports(
    rows.map((r) => r.input),
    options.actor,
    (index) => `line ${rows[index]?.line ?? index + 1}`,
  );
  const toWrite: CsvRow[] = [];
  checks.forEach((check, i) => {
    const row = rows[i] as CsvRow;
    if (check.status === 'invalid') {
      const column = columnOf(check.error.field);
      const message = check.error.message.replace(/^[\w.]+: /, '');
      problems.push({ line: row.line, ...(column ? { column } : {}), message });
    } else if (check.status === 'imported') report.alreadyImported++;
    else if (check.status === 'recorded') report.alreadyRecorded++;
    else toWrite.push(row);
  });
  problems.sort((a, b) => a.line - b.line);
  if (problems.length || options.dryRun) return report;
  options.onStart?.(toWrite.length + newVisits.length);
  // Study visits first (each its own stream), then the adoptions' milestones.
  for (const visit of newVisits) {
    const { position } = await commands.reportStudyVisit(visit.input, options.actor);
    if (report.position === undefined || position > report.position) report.position = position;
    report.imported += visit.lines.length;
    options.onRow?.();
  }
  // Rows of one adoption are written in file order; adoptions are written side by side, so the
  // store group-commits their appends.
  const byAdoption = new Map<string, CsvRow[]>();
  for (const row of toWrite) {
    const key = `${row.input.adopterCode}|${row.input.innovationId}`;
    byAdoption.set(key, [...(byAdoption.get(key) ?? []), row]);
  }
  const queues = [...byAdoption.values()];
  let failure: unknown;
  const worker = async () => {
    for (let rows = queues.shift(); rows && failure === undefined; rows = queues.shift())
      for (const row of rows) {
        if (failure !== undefined) return;
        try {
          const { position } = await commands.reportMilestone(row.input, options.actor);
          if (report.position === undefined || position > report.position)
            report.position = position;
          report.imported++;
          options.onRow?.();
        } catch (error) {
          // Something changed since the check: stop; a re-run finishes without doubling.
          failure ??= Object.assign(new Error(`line ${row.line}: ${(error as Error).message}`), {
            cause: error,
          });
        }
      }
  };
  await Promise.all(Array.from({ length: PARALLEL_ADOPTIONS }, worker));
  if (failure !== undefined) throw failure;
  return report;
}
