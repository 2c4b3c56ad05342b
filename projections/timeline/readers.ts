import type Database from 'better-sqlite3';
import type { InnovationReaders } from '../innovations/readers.js';
import type { Params } from '../sql.js';
import {
  adoptionsOfRows,
  type DiffusionFigures,
  figures,
  type OriginFigures,
  type TimelineRow,
} from './diffusion.js';
import { counts, type DateRange, rangeConditions, type TimePoint } from './time-point.js';

/** Reads of the `milestone_timeline` table: the diffusion figures, on either clock. */
export class TimelineReaders {
  constructor(
    private readonly db: Database.Database,
    private readonly innovations: InnovationReaders,
  ) {}

  /** Diffusion figures of one innovation. */
  diffusion(innovationId: string, window?: DateRange | null, at?: TimePoint): DiffusionFigures {
    const rows = this.timeline('innovation_id', innovationId, window, at);
    return { innovationId, ...figures(rows) };
  }

  /** Diffusion figures over every innovation of an origin regency, and per innovation. */
  originDiffusion(originCode: string, window?: DateRange | null, at?: TimePoint): OriginFigures {
    const rows = this.timeline('origin_code', originCode, window, at);
    const innovationIds = this.innovations.idsOfOrigin(originCode, at?.knownAt);
    const byInnovation = new Map<string, TimelineRow[]>(innovationIds.map((id) => [id, []]));
    for (const row of rows) byInnovation.get(row.innovation_id)?.push(row);
    const adopters = new Set(
      [...adoptionsOfRows(rows).values()].filter((a) => a.rank > 0).map((a) => a.adopter),
    ).size;
    return {
      originCode,
      innovations: innovationIds.length,
      adopters,
      ...figures(rows),
      perInnovation: [...byInnovation].map(([innovationId, list]) => ({
        innovationId,
        ...figures(list),
      })),
    };
  }

  private timeline(
    column: 'innovation_id' | 'origin_code',
    value: string,
    window: DateRange | null | undefined,
    at: TimePoint | undefined,
  ): TimelineRow[] {
    const params: Params = { value };
    const where = [`t.${column} = @value`, counts('t', at, params)];
    where.push(...rangeConditions('t.occurred_on', window, 'window', params, false));
    return this.db
      .prepare(
        `SELECT adopter_code, innovation_id, kind, occurred_on
         FROM milestone_timeline t WHERE ${where.join(' AND ')}`,
      )
      .all(params) as TimelineRow[];
  }
}
