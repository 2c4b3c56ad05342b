import { createHash } from 'node:crypto';
import type { Actor, Commands } from './commands.js';
import { canonicalJson } from './idempotency.js';
import type { ImportReport } from './milestone-csv.js';

/**
 * Study visits in a milestone CSV: rows of kind STUDY_VISIT, one per innovation studied, with
 * the host (`host_code`), the visit's last day (`visit_end_date`, the first is `occurred_on`), its
 * delegation (`visit_delegation_size`, `visit_leader`) and optionally the day the ministry
 * learned of it (`known_on`). Rows with the same visitor, host, dates, leader and delegation are
 * one visit covering all their innovations.
 */
export const VISIT_COLUMNS = [
  'host_code',
  'visit_end_date',
  'visit_delegation_size',
  'visit_leader',
] as const;

export interface VisitRow {
  /** The file lines of the visit's rows. */
  lines: number[];
  /** The reportStudyVisit input, with an idempotency key derived from its content. */
  input: Record<string, unknown>;
}

type Cells = Partial<Record<string, string>>;

/** Groups STUDY_VISIT rows into reportStudyVisit inputs, in the order of their first rows. */
export function visitsOf(rows: Array<{ line: number; cells: Cells }>): VisitRow[] {
  const visits = new Map<string, { lines: number[]; cells: Cells; innovations: string[] }>();
  for (const { line, cells } of rows) {
    const key = [
      cells.adopter_code,
      cells.host_code,
      cells.occurred_on,
      cells.visit_end_date ?? cells.occurred_on,
      cells.visit_leader,
      cells.visit_delegation_size,
    ].join('|');
    const visit = visits.get(key) ?? { lines: [], cells, innovations: [] };
    visit.lines.push(line);
    if (cells.innovation_id) visit.innovations.push(cells.innovation_id);
    visits.set(key, visit);
  }
  return [...visits.values()].map(({ lines, cells, innovations }) => {
    const size = cells.visit_delegation_size;
    const evidence =
      cells.evidence_title !== undefined
        ? [
            Object.fromEntries(
              Object.entries({
                kind: cells.evidence_kind?.toUpperCase(),
                title: cells.evidence_title,
                url: cells.evidence_url,
                reference: cells.evidence_reference,
              }).filter(([, v]) => v !== undefined),
            ),
          ]
        : undefined;
    const input = Object.fromEntries(
      Object.entries({
        hostCode: cells.host_code,
        visitorCode: cells.adopter_code,
        startDate: cells.occurred_on,
        endDate: cells.visit_end_date ?? cells.occurred_on,
        delegationSize: size !== undefined && /^\d{1,6}$/.test(size) ? Number(size) : size,
        leader: cells.visit_leader,
        innovationIds: innovations,
        note: cells.note,
        evidence,
        knownOn: cells.known_on,
      }).filter(([, v]) => v !== undefined),
    );
    const digest = createHash('sha256').update(canonicalJson(input)).digest('hex').slice(0, 40);
    return { lines, input: { ...input, idempotencyKey: `csv-visit-${digest}` } };
  });
}

/** The CSV column a reportStudyVisit input field is about. */
export function visitColumnOf(field: string | undefined): string | undefined {
  const top = field?.split('.')[0];
  const columns: Record<string, string> = {
    hostCode: 'host_code',
    visitorCode: 'adopter_code',
    startDate: 'occurred_on',
    endDate: 'visit_end_date',
    delegationSize: 'visit_delegation_size',
    leader: 'visit_leader',
    innovationIds: 'innovation_id',
    note: 'note',
    evidence: 'evidence_* columns',
    knownOn: 'known_on',
    id: 'adopter_code',
  };
  return top ? columns[top] : undefined;
}

/** Checks the file's study visits; lists their problems; answers the ones to write. */
export async function checkVisits(
  commands: Commands,
  visits: VisitRow[],
  actor: Actor,
  report: ImportReport,
): Promise<VisitRow[]> {
  if (visits.length === 0) return [];
  const checks = await commands.checkStudyVisitReports(
    visits.map((v) => v.input),
    actor,
  );
  const toWrite: VisitRow[] = [];
  checks.forEach((check, i) => {
    const visit = visits[i] as VisitRow;
    if (check.status === 'invalid') {
      const column = visitColumnOf(check.error.field);
      const message = check.error.message.replace(/^[\w.]+: /, '');
      report.problems.push({ line: visit.lines[0] ?? 1, ...(column ? { column } : {}), message });
    } else if (check.status === 'imported') report.alreadyImported += visit.lines.length;
    else toWrite.push(visit);
  });
  return toWrite;
}
