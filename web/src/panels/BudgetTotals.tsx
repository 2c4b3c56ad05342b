import {
  BUDGET_FIELDS,
  type BudgetTotal,
  type BudgetTotals,
  type FigureFilter,
} from '../lib/figures';
import { formatNumber, t } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { href } from '../lib/router';
import { Panel } from './Panel';

/** Rupiah as Indonesians write them (Rp 1.250.000.000); the API answers decimal digits. */
const rupiah = (digits: string) => `Rp ${new Intl.NumberFormat('id-ID').format(BigInt(digits))}`;

/**
 * Budget allocations (alokasi APBD) of BUDGET_ALLOCATED milestones that count under the filter,
 * as the server totals them (`budgetTotals`): by province, innovation and fiscal year, or for one
 * innovation by province and fiscal year, and the total over all of them.
 */
export function BudgetTotalsPanel({
  filter,
  innovationId,
  refresh,
}: {
  filter: FigureFilter;
  innovationId?: string;
  refresh?: number;
}) {
  const groupBy = innovationId ? '[PROVINCE, FISCAL_YEAR]' : '[PROVINCE, INNOVATION, FISCAL_YEAR]';
  const query = `query WorkbenchBudget($filter: FigureFilter, $innovationId: ID) {
    budgetTotals(groupBy: ${groupBy}, innovationId: $innovationId, filter: $filter) { ${BUDGET_FIELDS} }
    total: budgetTotals(groupBy: [], innovationId: $innovationId, filter: $filter) { ${BUDGET_FIELDS} }
  }`;
  const state = useQuery<BudgetTotals>(
    query,
    { filter, ...(innovationId ? { innovationId } : {}) },
    { refresh: refresh ?? 0 },
  );
  return (
    <Panel id="budget" title={t('budgetTitle')} state={state} wide={!innovationId}>
      {(data) => {
        const total = data.total[0];
        if (data.budgetTotals.length === 0 || !total) return <p>{t('budgetNone')}</p>;
        return (
          <>
            <p class="caption">{t('budgetCaption')}</p>
            <div class="scroll">
              <table class="data stack">
                <thead>
                  <tr>
                    <th scope="col">{t('province')}</th>
                    {!innovationId && <th scope="col">{t('innovation')}</th>}
                    <th scope="col">{t('fiscalYear')}</th>
                    <th scope="col" class="num">
                      {t('budgetAmount')}
                    </th>
                    <th scope="col" class="num">
                      {t('budgetAllocations')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.budgetTotals.map((row: BudgetTotal) => (
                    <tr
                      key={`${row.province?.code}|${row.innovation?.id}|${row.fiscalYear}`}
                      data-budget-province={row.province?.code}
                      data-amount={row.amountRupiah}
                    >
                      <td>{row.province?.name}</td>
                      {!innovationId && (
                        <td>
                          {row.innovation && (
                            <a href={href('inovasi', row.innovation.id)}>{row.innovation.name}</a>
                          )}
                        </td>
                      )}
                      <td>{row.fiscalYear}</td>
                      <td class="num">{rupiah(row.amountRupiah)}</td>
                      <td class="num">{formatNumber(row.allocations)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-budget-total={total.amountRupiah}>
                    <th scope="row" colSpan={innovationId ? 2 : 3}>
                      {t('budgetTotal', { adopters: total.adopters })}
                    </th>
                    <td class="num">{rupiah(total.amountRupiah)}</td>
                    <td class="num">{formatNumber(total.allocations)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </>
        );
      }}
    </Panel>
  );
}
