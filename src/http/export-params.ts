/** Query parameters of the CSV export, checked like the GraphQL arguments they mirror. */
import { z } from 'zod';
import type { AdoptionSort } from '../../projections/adoptions/cursor.js';
import type { Counting } from '../../projections/adoptions/export.js';
import type { AnalystAdoptionFilter } from '../../projections/adoptions/list.js';
import { AdoptionStage } from '../domain/adoption/stages.js';
import { isCalendarDate } from '../domain/shared/values.js';

const date = z.string().refine(isCalendarDate, 'must be a real date, YYYY-MM-DD');
const instant = z
  .string()
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)),
    'must be an ISO-8601 instant',
  )
  .transform((s) => new Date(s).toISOString());
const code = z.string().regex(/^\d{2}(\.\d{2})?$/, 'must be a Kemendagri code such as 35.10 or 35');

/** The query parameters: the `adoptions` query's filter, sort and time point, flattened. */
const Params = z
  .object({
    originCode: code,
    adopterCode: code,
    innovationId: z.string().min(1).max(200),
    provinceCode: z.string().regex(/^\d{2}$/, 'must be a two-digit province code'),
    minStage: AdoptionStage,
    stage: AdoptionStage,
    suspended: z.enum(['true', 'false']).transform((s) => s === 'true'),
    mode: z.enum(['ADOPTION', 'ADAPTATION', 'MODIFICATION']),
    category: z.enum(['GOVERNANCE', 'PUBLIC_SERVICE', 'OTHER']),
    // A milestone's verdict (the adoptions filter's), or which verdicts count (FigureFilter's).
    verification: z.enum([
      'UNVERIFIED',
      'VERIFIED',
      'REJECTED',
      'ANY',
      'EXCLUDE_REJECTED',
      'VERIFIED_ONLY',
    ]),
    periodFrom: date,
    periodTo: date,
    reportedFrom: date,
    reportedTo: date,
    occurredFrom: date,
    occurredTo: date,
    asOf: date,
    knownAt: instant,
    sort: z.enum(['ADOPTER', 'INNOVATION', 'STAGE', 'FIRST_OCCURRED', 'LAST_OCCURRED', 'UPDATED']),
    direction: z.enum(['ASC', 'DESC']),
  })
  .partial()
  .strict();

const verdicts = ['UNVERIFIED', 'VERIFIED', 'REJECTED'] as const;

export class BadParameter extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The export's query parameters: the `adoptions` query's filters, sort and time travel. */
export function parseExportParams(query: unknown) {
  const raw = query as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw))
    if (typeof value !== 'string') throw new BadParameter(key, `${key} must be given once`);
  const parsed = Params.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field =
      issue?.code === 'unrecognized_keys' ? String(issue.keys[0]) : String(issue?.path[0] ?? '');
    throw new BadParameter(
      field,
      issue?.code === 'unrecognized_keys'
        ? `${field} is not a filter of this export`
        : `${field}: ${issue?.message}`,
    );
  }
  const p = parsed.data;
  for (const [from, to, name] of [
    [p.reportedFrom, p.reportedTo, 'reportedTo'],
    [p.occurredFrom, p.occurredTo, 'occurredTo'],
    [p.periodFrom, p.periodTo, 'periodTo'],
  ] as const)
    if (from && to && from > to)
      throw new BadParameter(name, `${name} must not be before its from`);
  const filter: AnalystAdoptionFilter = {
    originCode: p.originCode,
    adopterCode: p.adopterCode,
    innovationId: p.innovationId,
    provinceCode: p.provinceCode,
    minStage: p.minStage,
    stage: p.stage,
    suspended: p.suspended,
    mode: p.mode,
    category: p.category,
    verification: verdicts.includes(p.verification as never)
      ? (p.verification as (typeof verdicts)[number])
      : undefined,
    reportedBetween:
      p.reportedFrom || p.reportedTo ? { from: p.reportedFrom, to: p.reportedTo } : null,
    occurredBetween:
      p.occurredFrom || p.occurredTo ? { from: p.occurredFrom, to: p.occurredTo } : null,
  };
  const sort: AdoptionSort = { field: p.sort ?? 'ADOPTER', direction: p.direction ?? 'ASC' };
  const at = p.asOf || p.knownAt ? { asOf: p.asOf ?? null, knownAt: p.knownAt ?? null } : undefined;
  // FigureFilter's: only these milestones count, the adoptions are added up from them.
  const counting: Counting = {
    verification: verdicts.includes(p.verification as never)
      ? null
      : (p.verification as Counting['verification']),
    period: p.periodFrom || p.periodTo ? { from: p.periodFrom, to: p.periodTo } : null,
  };
  return { filter, sort, at, counting };
}
