import type Database from 'better-sqlite3';
import type { Evidence } from '../../src/domain/shared/values.js';
import { groupBy, type Params, type Raw } from '../sql.js';

export interface InnovationRow {
  id: string;
  originCode: string;
  name: string;
  description: string | null;
  category: string;
  digital: boolean;
  launchedOn: string | null;
  evidence: Evidence[];
  registeredAt: string;
}

export interface InnovationFilter {
  originCode?: string | null;
  category?: string | null;
  digital?: boolean | null;
  /** Only innovations registered by then; the rows answer at that time point. */
  knownAt?: string | null;
}

const COLUMNS = `id, origin_code AS originCode, name, description, category, digital,
  launched_on AS launchedOn, evidence, registered_at AS registeredAt`;

const toRow = (r: Raw) =>
  ({ ...r, digital: r.digital === 1, evidence: JSON.parse(r.evidence as string) }) as InnovationRow;

/** Reads of the `innovations` table: by id, by origin, filtered. */
export class InnovationReaders {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      byId: db.prepare(`SELECT ${COLUMNS} FROM innovations WHERE id = ?`),
      byIds: db.prepare(
        `SELECT ${COLUMNS} FROM innovations WHERE id IN (SELECT value FROM json_each(?))`,
      ),
      ofOrigins: db.prepare(
        `SELECT ${COLUMNS} FROM innovations
         WHERE origin_code IN (SELECT value FROM json_each(?)) ORDER BY origin_code, name`,
      ),
      idsOfOrigin: db.prepare(
        `SELECT id FROM innovations WHERE origin_code = @origin
           AND (@knownAt IS NULL OR registered_at <= @knownAt) ORDER BY name`,
      ),
    };
  }

  innovation(id: string): InnovationRow | undefined {
    const row = this.stmt.byId.get(id) as Raw | undefined;
    return row && toRow(row);
  }

  byIds(ids: readonly string[]): Map<string, InnovationRow> {
    const rows = this.stmt.byIds.all(JSON.stringify(ids)) as Raw[];
    return new Map(rows.map((r) => [r.id as string, toRow(r)]));
  }

  ofOrigins(codes: readonly string[]): Map<string, InnovationRow[]> {
    const rows = (this.stmt.ofOrigins.all(JSON.stringify(codes)) as Raw[]).map(toRow);
    return groupBy(codes, rows, (r) => r.originCode);
  }

  /** Ids of an origin's innovations (registered by `knownAt` when given), by name. */
  idsOfOrigin(originCode: string, knownAt?: string | null): string[] {
    const rows = this.stmt.idsOfOrigin.all({ origin: originCode, knownAt: knownAt ?? null });
    return (rows as Array<{ id: string }>).map((r) => r.id);
  }

  list(filter: InnovationFilter): Array<InnovationRow & { at?: { knownAt: string } }> {
    const where = ['1 = 1'];
    const params: Params = {};
    const equal = (column: string, value: unknown) => {
      if (value == null || value === '') return;
      where.push(`${column} = @${column}`);
      params[column] = value;
    };
    equal('origin_code', filter.originCode);
    equal('category', filter.category);
    equal('digital', filter.digital == null ? null : filter.digital ? 1 : 0);
    if (filter.knownAt) {
      where.push('registered_at <= @knownAt');
      params.knownAt = filter.knownAt;
    }
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM innovations WHERE ${where.join(' AND ')} ORDER BY origin_code, name`,
      )
      .all(params) as Raw[];
    return rows.map((r) => ({
      ...toRow(r),
      ...(filter.knownAt ? { at: { knownAt: filter.knownAt } } : {}),
    }));
  }
}
