import type { Written } from '../../application/commands.js';
import type { GraphQLContext } from '../context.js';

/** Runs a command, waits until the local read model holds its events, then answers. */
export async function write<T>(ctx: GraphQLContext, run: Promise<Written<T>>): Promise<T> {
  const { result, position } = await run;
  await ctx.projector.waitFor(position);
  if (ctx.written.position === undefined || position > ctx.written.position)
    ctx.written.position = position;
  return result;
}

/** A regency the read model refers to; region data always has it. */
export function regencyOf(ctx: GraphQLContext, code: string) {
  const regency = ctx.regions.regency(code);
  if (!regency) throw new Error(`regency ${code} missing from the region data`);
  return regency;
}
