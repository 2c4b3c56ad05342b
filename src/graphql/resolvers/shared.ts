import type { InnovationRow } from '../../../projections/innovations/readers.js';
import type { Figures } from '../../../projections/timeline/diffusion.js';
import type { TimePoint } from '../../../projections/timeline/time-point.js';
import type { Written } from '../../application/commands.js';
import { badInput } from '../../domain/shared/errors.js';
import type { GraphQLContext } from '../context.js';
import { StoredNotConfirmedError } from '../errors.js';
import { loaders } from '../loaders.js';

/**
 * Runs a command, waits until the local read model holds its events, then answers. Once the
 * events are appended they are stored whatever happens next: if the read model cannot confirm
 * them in time, the answer says so (STORED_NOT_CONFIRMED, with the position), never a failure
 * that reads as if nothing was stored.
 */
export async function write<T>(ctx: GraphQLContext, run: Promise<Written<T>>): Promise<T> {
  const { result, position } = await run;
  if (ctx.written.position === undefined || position > ctx.written.position)
    ctx.written.position = position;
  try {
    await ctx.projector.waitFor(position);
  } catch (error) {
    throw new StoredNotConfirmedError(position, error);
  }
  return result;
}

/** A regency the read model refers to; region data always has it. */
export function regencyOf(ctx: GraphQLContext, code: string) {
  const regency = ctx.regions.regency(code);
  if (!regency) throw new Error(`regency ${code} missing from the region data`);
  return regency;
}

/** An innovation the read model refers to, through the request's batch loader. */
export async function innovationOf(ctx: GraphQLContext, id: string): Promise<InnovationRow> {
  const innovation = await loaders(ctx).innovation.load(id);
  if (!innovation) throw new Error(`innovation ${id} missing from the read model`);
  return innovation;
}

/** The time point asked for, falling back to the one the parent row was answered at. */
export function timePoint(
  args: { asOf?: string | null; knownAt?: string | Date | null },
  parent?: { at?: TimePoint },
): TimePoint | undefined {
  if (args.asOf || args.knownAt) return { asOf: args.asOf ?? null, knownAt: instant(args.knownAt) };
  return parent?.at;
}

export const instant = (value: string | Date | null | undefined) =>
  value == null ? null : typeof value === 'string' ? value : value.toISOString();

export function pageSize(first: number | null | undefined, max: number, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > max)
    throw badInput('first', `first must be between 0 and ${max}`);
  return size;
}

export function checkRange(
  field: string,
  range: { from?: string | null; to?: string | null } | null | undefined,
) {
  if (range?.from && range.to && range.from > range.to)
    throw badInput(field, `${field}: from (${range.from}) must not be after to (${range.to})`);
}

/** Adopters per province of a diffusion figure, with the province itself. */
export function provinceCounts(ctx: GraphQLContext, figures: Figures) {
  return figures.provinces.map((p) => {
    const province = ctx.regions.province(p.provinceCode);
    if (!province) throw new Error(`province ${p.provinceCode} missing from the region data`);
    return { province, adopters: p.adopters };
  });
}
