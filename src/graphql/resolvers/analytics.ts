import { GraphQLScalarType } from 'graphql';
import { adoptionStream } from '../../domain/adoption/events.js';
import { stageRank } from '../../domain/adoption/stages.js';
import { badInput } from '../../domain/shared/errors.js';
import { studyVisitStream } from '../../domain/study-visit/events.js';
import type { RecordedEvent } from '../../eventstore/port.js';
import { InvalidPositionError } from '../../eventstore/port.js';
import {
  type AdoptionSort,
  type AtTime,
  decodeSortCursor,
  encodeSortCursor,
  type TimePoint,
} from '../../read-model/analytics.js';
import type { Figures } from '../../read-model/diffusion.js';
import type { AdoptionRow, InnovationRow } from '../../read-model/queries.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated.js';
import type { MilestoneNotice } from '../live-feed.js';
import { loaders } from '../loaders.js';
import { regencyOf } from './shared.js';

const MAX_PAGE = 500;
const MAX_EVENTS_PAGE = 1000;

const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value',
  serialize: (value) => value,
  parseValue: (value) => value,
});

/** The time point asked for, falling back to the one the parent row was answered at. */
function timePoint(
  args: { asOf?: string | null; knownAt?: string | Date | null },
  parent?: { at?: TimePoint },
): TimePoint | undefined {
  if (args.asOf || args.knownAt) return { asOf: args.asOf ?? null, knownAt: instant(args.knownAt) };
  return parent?.at;
}

const instant = (value: string | Date | null | undefined) =>
  value == null ? null : typeof value === 'string' ? value : value.toISOString();

function pageSize(first: number | null | undefined, max: number, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > max)
    throw badInput('first', `first must be between 0 and ${max}`);
  return size;
}

function checkRange(
  field: string,
  range: { from?: string | null; to?: string | null } | null | undefined,
) {
  if (range?.from && range.to && range.from > range.to)
    throw badInput(field, `${field}: from (${range.from}) must not be after to (${range.to})`);
}

function provinceCounts(ctx: GraphQLContext, figures: Figures) {
  return figures.provinces.map((p) => {
    const province = ctx.regions.province(p.provinceCode);
    if (!province) throw new Error(`province ${p.provinceCode} missing from the region data`);
    return { province, adopters: p.adopters };
  });
}

async function innovationOf(ctx: GraphQLContext, id: string): Promise<InnovationRow> {
  const innovation = await loaders(ctx).innovation.load(id);
  if (!innovation) throw new Error(`innovation ${id} missing from the read model`);
  return innovation;
}

/** Every event that shaped one adoption: its own stream and the study visits that count for it. */
async function historyOf(ctx: GraphQLContext, adoption: AdoptionRow): Promise<RecordedEvent[]> {
  const streams = [
    adoptionStream(adoption.adopterCode, adoption.innovationId),
    ...ctx.analytics
      .visitIdsOfAdoption(adoption.adopterCode, adoption.innovationId)
      .map(studyVisitStream),
  ];
  const events = (await Promise.all(streams.map((s) => ctx.store.readStream(s)))).flat();
  return events.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
}

/**
 * What analysts ask: filtered, sorted and paged adoptions on two clocks, diffusion figures, the
 * audit trail and raw event log, and the live feed. Registered after the registry module, so
 * the fields it also defines (adoption lists, nested lookups) answer through batch loaders here.
 */
export const analyticsResolvers: Resolvers = {
  JSON: JSONScalar,

  Query: {
    adoptions: (_, { filter, sort, first, after, asOf, knownAt }, ctx) => {
      const size = pageSize(first, MAX_PAGE, 50);
      const order: AdoptionSort = {
        field: sort?.field ?? 'ADOPTER',
        direction: sort?.direction ?? 'ASC',
      };
      const cursor = after == null ? undefined : decodeSortCursor(after, order);
      if (after != null && !cursor)
        throw badInput('after', 'after is not a cursor of this query and sort order');
      const f = filter ?? {};
      checkRange('filter.reportedBetween', f.reportedBetween);
      checkRange('filter.occurredBetween', f.occurredBetween);
      const page = ctx.analytics.adoptions(f, order, size, cursor, timePoint({ asOf, knownAt }));
      const edges = page.rows.map((node, i) => ({
        node,
        cursor: encodeSortCursor(order, page.keys[i], node),
      }));
      return {
        edges,
        totalCount: page.totalCount,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },
    innovations: (_, args, ctx) =>
      ctx.analytics.innovations({ ...args, knownAt: instant(args.knownAt) }),
    diffusion: (_, { innovationId, window, asOf, knownAt }, ctx) => {
      checkRange('window', window);
      return ctx.queries.innovation(innovationId)
        ? ctx.analytics.diffusion(innovationId, window, timePoint({ asOf, knownAt }))
        : null;
    },
    originDiffusion: (_, { originCode, window, asOf, knownAt }, ctx) => {
      checkRange('window', window);
      if (!ctx.regions.regency(originCode))
        throw badInput('originCode', `${originCode} is not a kabupaten/kota code`);
      return ctx.analytics.originDiffusion(originCode, window, timePoint({ asOf, knownAt }));
    },
    events: async (_, { stream, first, after }, ctx) => {
      const size = pageSize(first, MAX_EVENTS_PAGE, 100);
      if (after != null && !/^\d{1,20}$/.test(after))
        throw badInput('after', 'after must be an endCursor of this query');
      if (stream?.startsWith('$'))
        throw badInput('stream', "stream names starting with $ are the event store's own streams");
      const from = after == null ? undefined : BigInt(after);
      const events =
        stream != null
          ? await ctx.store.readStream(stream, {
              fromRevision: from === undefined ? 0n : from + 1n,
              maxCount: size + 1,
            })
          : await ctx.store.readAll({ after: from ?? 0n, maxCount: size + 1 }).catch((error) => {
              if (error instanceof InvalidPositionError)
                throw badInput('after', 'after must be an endCursor of this query');
              throw error;
            });
      const nodes = events.slice(0, size);
      const last = nodes.at(-1);
      return {
        nodes,
        pageInfo: {
          hasNextPage: events.length > size,
          endCursor: last
            ? String(stream != null ? last.revision : last.position)
            : (after ?? null),
        },
      };
    },
  },

  Subscription: {
    milestoneReported: {
      subscribe: (_, { originCode, adopterCode }, ctx) =>
        ctx.feed.subscribe(originCode, adopterCode),
      resolve: (notice: MilestoneNotice) => notice,
    },
  },

  MilestoneNotice: {
    position: (notice) => notice.position.toString(),
    milestone: async (notice, _, ctx) => {
      const milestone = await loaders(ctx).milestone.load(notice.milestoneId);
      if (!milestone)
        throw new Error(`milestone ${notice.milestoneId} missing from the read model`);
      return milestone;
    },
    adoption: (notice, _, ctx) =>
      ctx.queries.adoption(notice.adopterCode, notice.innovationId) ?? null,
  },

  Regency: {
    innovations: (regency, _, ctx) => loaders(ctx).innovationsOfOrigin.load(regency.code),
    studyVisitsMade: (regency, _, ctx) => loaders(ctx).visitsMade.load(regency.code),
    studyVisitsHosted: (regency, _, ctx) => loaders(ctx).visitsHosted.load(regency.code),
    adoptions: (regency, { asOf, knownAt }, ctx) =>
      loaders(ctx).adoptionsOfAdopter(timePoint({ asOf, knownAt })).load(regency.code),
    diffusion: (regency, { window, asOf, knownAt }, ctx) =>
      ctx.analytics.originDiffusion(regency.code, window, timePoint({ asOf, knownAt })),
  },

  Innovation: {
    adoptions: (innovation, { minStage, asOf, knownAt }, ctx) =>
      loaders(ctx)
        .adoptionsOfInnovation(
          minStage ? stageRank(minStage) : 1,
          timePoint({ asOf, knownAt }, innovation as AtTime<InnovationRow>),
        )
        .load(innovation.id),
    diffusion: (innovation, { window, asOf, knownAt }, ctx) =>
      ctx.analytics.diffusion(
        innovation.id,
        window,
        timePoint({ asOf, knownAt }, innovation as AtTime<InnovationRow>),
      ),
  },

  Adoption: {
    innovation: (adoption, _, ctx) => innovationOf(ctx, adoption.innovationId),
    milestones: (adoption, _, ctx) =>
      loaders(ctx)
        .milestones((adoption as AtTime<AdoptionRow>).at)
        .load([adoption.adopterCode, adoption.innovationId]),
    history: (adoption, _, ctx) => historyOf(ctx, adoption),
  },

  Milestone: {
    studyVisit: async (milestone, _, ctx) =>
      milestone.visitId ? ((await loaders(ctx).studyVisit.load(milestone.visitId)) ?? null) : null,
  },

  StudyVisit: {
    innovations: (visit, _, ctx) =>
      Promise.all(visit.innovationIds.map((id) => innovationOf(ctx, id))),
  },

  Diffusion: {
    innovation: (figures, _, ctx) => innovationOf(ctx, figures.innovationId),
    provinces: (figures, _, ctx) => provinceCounts(ctx, figures),
  },

  OriginDiffusion: {
    origin: (figures, _, ctx) => regencyOf(ctx, figures.originCode),
    provinces: (figures, _, ctx) => provinceCounts(ctx, figures),
  },

  AuditEvent: {
    position: (event) => event.position.toString(),
    stream: (event) => event.streamName,
    revision: (event) => event.revision.toString(),
    recordedAt: (event) => event.recordedAt,
    actor: (event) => (typeof event.metadata.actor === 'string' ? event.metadata.actor : null),
    correlationId: (event) =>
      typeof event.metadata.correlationId === 'string' ? event.metadata.correlationId : null,
  },
};
