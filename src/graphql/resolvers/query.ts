import {
  type AdoptionSort,
  decodeSortCursor,
  encodeSortCursor,
} from '../../../projections/adoptions/cursor.js';
import { requireRole } from '../../application/access.js';
import { badInput } from '../../domain/shared/errors.js';
import { MAX_LOG_POSITION, parseLogPosition } from '../../domain/shared/values.js';
import { InvalidPositionError } from '../../eventstore/port.js';
import { visibleEvents } from '../event-visibility.js';
import type { QueryResolvers } from '../generated.js';
import { draftReport } from '../news-drafts.js';
import { deadlineOf } from '../time-budget.js';
import { figureQueries } from './figures.js';
import { answerQueries } from './query-answers.js';
import { checkRange, instant, pageSize, timePoint } from './shared.js';

const MAX_PAGE = 500;
const MAX_EVENTS_PAGE = 1000;

/** Every root query: the registry, the analysts' lists and figures, the event log, the viewer. */
export const Query: QueryResolvers = {
  ...figureQueries,
  regency: (_, { code }, ctx) => ctx.regions.regency(code) ?? null,
  regencies: (_, { provinceCode }, ctx) => ctx.regions.regencies(provinceCode ?? undefined),
  province: (_, { code }, ctx) => ctx.regions.province(code) ?? null,
  provinces: (_, __, ctx) => ctx.regions.provinces(),
  innovation: (_, { id }, ctx) => ctx.read.innovations.innovation(id) ?? null,
  innovations: (_, args, ctx) =>
    ctx.read.innovations.list({ ...args, knownAt: instant(args.knownAt) }),
  studyVisit: (_, { id }, ctx) => ctx.read.studyVisits.studyVisit(id) ?? null,

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
    const page = ctx.read.adoptionLists.page(f, order, size, cursor, timePoint({ asOf, knownAt }));
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

  diffusion: (_, { innovationId, window, asOf, knownAt }, ctx) => {
    checkRange('window', window);
    return ctx.read.innovations.innovation(innovationId)
      ? ctx.read.timeline.diffusion(
          innovationId,
          window,
          timePoint({ asOf, knownAt }),
          deadlineOf(ctx),
        )
      : null;
  },
  originDiffusion: (_, { originCode, window, asOf, knownAt }, ctx) => {
    checkRange('window', window);
    if (!ctx.regions.regency(originCode))
      throw badInput('originCode', `${originCode} is not a kabupaten/kota code`);
    return ctx.read.timeline.originDiffusion(
      originCode,
      window,
      timePoint({ asOf, knownAt }),
      deadlineOf(ctx),
    );
  },

  events: async (_, { stream, first, after }, ctx) => {
    const size = pageSize(first, MAX_EVENTS_PAGE, 100);
    if (stream?.startsWith('$'))
      throw badInput('stream', "stream names starting with $ are the event store's own streams");
    const from =
      after == null
        ? undefined
        : parseLogPosition(after, 'after', 'an endCursor of this query (a log position)');
    const events =
      stream != null
        ? await ctx.store.readStream(stream, {
            fromRevision:
              from === undefined ? 0n : from < MAX_LOG_POSITION ? from + 1n : MAX_LOG_POSITION,
            maxCount: size + 1,
          })
        : await ctx.store.readAll({ after: from ?? 0n, maxCount: size + 1 }).catch((error) => {
            if (error instanceof InvalidPositionError)
              throw badInput('after', 'after must be an endCursor of this query');
            throw error;
          });
    const page = events.slice(0, size);
    const last = page.at(-1);
    return {
      // Token grants only for the admin, never a token hash (the cursor still moves past them).
      nodes: visibleEvents(page, ctx.actor),
      pageInfo: {
        hasNextPage: events.length > size,
        endCursor: last ? String(stream != null ? last.revision : last.position) : (after ?? null),
      },
    };
  },

  viewer: (_, __, ctx) => ({
    authenticated: ctx.actor.role !== undefined,
    role: ctx.actor.role ?? null,
    regency: ctx.actor.regencyCode ? (ctx.regions.regency(ctx.actor.regencyCode) ?? null) : null,
  }),
  ...answerQueries,
  draftFromReport: (_, args, ctx) => draftReport(args, ctx),
  accessTokens: (_, __, ctx) => {
    requireRole(ctx.actor, ['ADMIN'], 'accessTokens');
    return ctx.read.accessTokens.accessTokens();
  },
};
