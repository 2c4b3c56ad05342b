import { MAX_SEARCH_WORDS } from '../../../projections/innovation-search/readers.js';
import { words } from '../../../projections/innovation-search/words.js';
import { badInput } from '../../domain/shared/errors.js';
import type { QueryResolvers } from '../generated.js';
import { deadlineOf } from '../time-budget.js';
import { checkRange, pageSize } from './shared.js';

const MAX_SEARCH_RESULTS = 100;
const MAX_MONTHS = 600;

/** The analysts' answers of issue 12 (second half): innovation search, visits without outcome. */
export const answerQueries: Pick<
  QueryResolvers,
  'searchInnovations' | 'studyVisits' | 'budgetTotals'
> = {
  searchInnovations: async (_, { text, first }, ctx) => {
    const size = pageSize(first, MAX_SEARCH_RESULTS, 20);
    if (text.length === 0 || text.length > 200)
      throw badInput('text', 'text must be 1 to 200 characters long');
    const terms = words(text);
    if (terms.length === 0) throw badInput('text', 'text must hold at least one letter or digit');
    if (terms.length > MAX_SEARCH_WORDS)
      throw badInput('text', `text may hold at most ${MAX_SEARCH_WORDS} words`);
    const ids = ctx.read.innovationSearch.search(text, size);
    const found = ctx.read.innovations.byIds(ids);
    return ids.flatMap((id) => found.get(id) ?? []);
  },

  studyVisits: (_, { hostCode, visitorCode, ledToNothingAfterMonths }, ctx) => {
    if (ledToNothingAfterMonths == null)
      return ctx.read.studyVisits.list({ hostCode, visitorCode });
    if (
      !Number.isInteger(ledToNothingAfterMonths) ||
      ledToNothingAfterMonths < 1 ||
      ledToNothingAfterMonths > MAX_MONTHS
    )
      throw badInput(
        'ledToNothingAfterMonths',
        `ledToNothingAfterMonths must be 1 to ${MAX_MONTHS}`,
      );
    return ctx.read.visitOutcomes.ledToNothing(
      {
        months: ledToNothingAfterMonths,
        today: new Date().toISOString().slice(0, 10),
        hostCode,
        visitorCode,
      },
      deadlineOf(ctx),
    );
  },

  budgetTotals: (_, { groupBy, innovationId, originCode, fiscalYear, filter }, ctx) => {
    const f = filter ?? {};
    if (innovationId != null && !ctx.read.innovations.innovation(innovationId))
      throw badInput('innovationId', `innovation "${innovationId}" is not registered`);
    if (originCode != null && !ctx.regions.regency(originCode))
      throw badInput('originCode', `${originCode} is not a kabupaten/kota code`);
    if (fiscalYear != null && (fiscalYear < 1945 || fiscalYear > 2200))
      throw badInput('fiscalYear', 'fiscalYear must be between 1945 and 2200');
    if (f.provinceCode != null && !ctx.regions.province(f.provinceCode))
      throw badInput('filter.provinceCode', `${f.provinceCode} is not a province code`);
    checkRange('filter.period', f.period);
    if (new Set(groupBy).size !== groupBy.length)
      throw badInput('groupBy', 'groupBy names each grouping at most once');
    return ctx.read.budgets.totals(groupBy, { ...f, innovationId, originCode, fiscalYear });
  },
};
