import type Database from 'better-sqlite3';
import type { Params } from '../sql.js';

export type BudgetGrouping = 'PROVINCE' | 'INNOVATION' | 'FISCAL_YEAR';

/** Which allocations a total counts (the FigureFilter's fields, and the budget's own). */
export interface BudgetScope {
  innovationId?: string | null;
  originCode?: string | null;
  fiscalYear?: number | null;
  provinceCode?: string | null;
  verification?: 'ANY' | 'EXCLUDE_REJECTED' | 'VERIFIED_ONLY' | null;
  period?: { from?: string | null; to?: string | null } | null;
  mode?: 'ADOPTION' | 'ADAPTATION' | 'MODIFICATION' | null;
  category?: string | null;
}

export interface BudgetTotalRow {
  provinceCode: string | null;
  innovationId: string | null;
  fiscalYear: number | null;
  amountRupiah: string;
  allocations: number;
  adopters: number;
}

const GROUP_COLUMN: Record<BudgetGrouping, string> = {
  PROVINCE: 'b.province_code',
  INNOVATION: 'b.innovation_id',
  FISCAL_YEAR: 'b.fiscal_year',
};
const SPLIT = 1_000_000_000n;

/** Totals of budget allocations, from the `budget_allocations` table and its indexes. */
export class BudgetReaders {
  constructor(private readonly db: Database.Database) {}

  totals(groupBy: readonly BudgetGrouping[], scope: BudgetScope): BudgetTotalRow[] {
    const params: Params = {};
    const where = ['b.retracted = 0'];
    const equal = (column: string, name: string, value: unknown) => {
      if (value == null) return;
      where.push(`${column} = @${name}`);
      params[name] = value;
    };
    equal('b.innovation_id', 'innovation', scope.innovationId);
    equal('b.origin_code', 'origin', scope.originCode);
    equal('b.fiscal_year', 'year', scope.fiscalYear);
    equal('b.province_code', 'province', scope.provinceCode);
    const verification = scope.verification ?? 'EXCLUDE_REJECTED';
    if (verification === 'EXCLUDE_REJECTED') where.push(`b.verification <> 'REJECTED'`);
    if (verification === 'VERIFIED_ONLY') where.push(`b.verification = 'VERIFIED'`);
    if (scope.period?.from) {
      where.push('b.occurred_on >= @from');
      params.from = scope.period.from;
    }
    if (scope.period?.to) {
      where.push('b.occurred_on <= @to');
      params.to = scope.period.to;
    }
    if (scope.category) {
      where.push(
        'EXISTS (SELECT 1 FROM innovations i WHERE i.id = b.innovation_id AND i.category = @category)',
      );
      params.category = scope.category;
    }
    if (scope.mode) {
      // The adoption's mode: that of its latest milestone that counts and names one.
      where.push(`(SELECT w.mode FROM milestones w
        WHERE w.adopter_code = b.adopter_code AND w.innovation_id = b.innovation_id
          AND w.retracted = 0 AND w.mode IS NOT NULL
        ORDER BY w.occurred_on DESC, w.position DESC LIMIT 1) = @mode`);
      params.mode = scope.mode;
    }
    const groups = [...new Set(groupBy)].map((g) => GROUP_COLUMN[g]);
    const column = (g: BudgetGrouping, as: string) =>
      groups.includes(GROUP_COLUMN[g]) ? `${GROUP_COLUMN[g]} AS ${as}` : `NULL AS ${as}`;
    const rows = this.db
      .prepare(
        `SELECT ${column('PROVINCE', 'provinceCode')}, ${column('INNOVATION', 'innovationId')},
           ${column('FISCAL_YEAR', 'fiscalYear')},
           sum(b.amount / ${SPLIT}) AS high, sum(b.amount % ${SPLIT}) AS low,
           count(*) AS allocations, count(DISTINCT b.adopter_code) AS adopters
         FROM budget_allocations b WHERE ${where.join(' AND ')}
         ${groups.length ? `GROUP BY ${groups.join(', ')}` : ''}`,
      )
      .safeIntegers(true)
      .all(params) as Array<{
      provinceCode: string | null;
      innovationId: string | null;
      fiscalYear: bigint | null;
      high: bigint | null;
      low: bigint | null;
      allocations: bigint;
      adopters: bigint;
    }>;
    return rows
      .filter((r) => r.allocations > 0n)
      .map((r) => ({
        amount: (r.high ?? 0n) * SPLIT + (r.low ?? 0n),
        row: r,
      }))
      .sort((a, b) =>
        a.amount === b.amount
          ? `${a.row.provinceCode}|${a.row.innovationId}|${a.row.fiscalYear}`.localeCompare(
              `${b.row.provinceCode}|${b.row.innovationId}|${b.row.fiscalYear}`,
            )
          : a.amount > b.amount
            ? -1
            : 1,
      )
      .map(({ amount, row }) => ({
        provinceCode: row.provinceCode,
        innovationId: row.innovationId,
        fiscalYear: row.fiscalYear === null ? null : Number(row.fiscalYear),
        amountRupiah: amount.toString(),
        allocations: Number(row.allocations),
        adopters: Number(row.adopters),
      }));
  }
}
