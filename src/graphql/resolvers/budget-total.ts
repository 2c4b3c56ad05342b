import type { BudgetTotalResolvers } from '../generated.js';
import { innovationOf } from './shared.js';

export const BudgetTotal: BudgetTotalResolvers = {
  province: (total, _, ctx) =>
    total.provinceCode ? (ctx.regions.province(total.provinceCode) ?? null) : null,
  innovation: (total, _, ctx) =>
    total.innovationId ? innovationOf(ctx, total.innovationId) : null,
};
