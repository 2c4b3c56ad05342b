import type Database from 'better-sqlite3';
import { type AdoptionStage, stageOfRank, stageRank } from '../../src/domain/adoption/stages.js';
import type { Raw } from '../sql.js';
import { COLUMNS, type StudyVisitRow, toRow } from './readers.js';

/** A stage the visiting regency first reached after a visit. */
export interface StageAfterVisit {
  stage: AdoptionStage;
  occurredOn: string;
  days: number;
}

/** What became of one innovation a visit studied, for the visiting regency. */
export interface VisitOutcomeRow {
  innovationId: string;
  stage: AdoptionStage | null;
  suspended: boolean;
  reached: StageAfterVisit[];
}

const STUDIED = stageRank('STUDIED');
const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Study-visit outcomes, read from the adoptions projection's tables (milestones by adoption and
 * date, adoptions by key): per innovation studied, the visitor's stage now and the first date each
 * stage beyond STUDIED was reached on or after the visit's first day.
 */
export class VisitOutcomeReaders {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      firsts: db.prepare(
        `SELECT innovation_id AS innovationId, stage_rank AS rank, min(occurred_on) AS first
         FROM milestones
         WHERE adopter_code = @visitor AND innovation_id IN (SELECT value FROM json_each(@ids))
           AND retracted = 0 AND stage_rank > ${STUDIED} AND occurred_on >= @start
         GROUP BY innovation_id, stage_rank`,
      ),
      current: db.prepare(
        `SELECT innovation_id AS innovationId, stage_rank AS rank, suspended FROM adoptions
         WHERE adopter_code = @visitor AND innovation_id IN (SELECT value FROM json_each(@ids))`,
      ),
      ledToNothing: db.prepare(
        `SELECT ${COLUMNS} FROM study_visits v
         WHERE v.retracted = 0 AND (@host IS NULL OR v.host_code = @host)
           AND (@visitor IS NULL OR v.visitor_code = @visitor)
           AND date(v.end_date, '+' || @months || ' months') <= @today
           AND NOT EXISTS (
             SELECT 1 FROM json_each(v.innovation_ids) j JOIN milestones m
               ON m.adopter_code = v.visitor_code AND m.innovation_id = j.value
             WHERE m.retracted = 0 AND m.stage_rank > ${STUDIED}
               AND m.occurred_on >= v.start_date
               AND m.occurred_on <= date(v.end_date, '+' || @months || ' months'))
         ORDER BY v.start_date, v.id`,
      ),
    };
  }

  outcomes(visit: StudyVisitRow): VisitOutcomeRow[] {
    const params = {
      visitor: visit.visitorCode,
      ids: JSON.stringify(visit.innovationIds),
      start: visit.startDate,
    };
    const firsts = this.stmt.firsts.all(params) as Array<{
      innovationId: string;
      rank: number;
      first: string;
    }>;
    const current = new Map(
      (this.stmt.current.all(params) as Raw[]).map((r) => [r.innovationId as string, r]),
    );
    return visit.innovationIds.map((innovationId) => {
      const own = firsts.filter((f) => f.innovationId === innovationId);
      const reached: StageAfterVisit[] = [];
      // Reaching a stage means a milestone at it or a later one: the earliest date from the top down.
      for (let rank = STUDIED + 1; rank <= stageRank('OPERATIONAL'); rank++) {
        const dates = own.filter((f) => f.rank >= rank).map((f) => f.first);
        if (dates.length === 0) break;
        const occurredOn = dates.reduce((a, b) => (a < b ? a : b));
        reached.push({
          stage: stageOfRank(rank) as AdoptionStage,
          occurredOn,
          days: daysBetween(visit.startDate, occurredOn),
        });
      }
      const now = current.get(innovationId);
      return {
        innovationId,
        stage: now ? stageOfRank(now.rank as number) : null,
        suspended: now?.suspended === 1,
        reached,
      };
    });
  }

  /**
   * Visits that ended at least `months` months before `today` and after which, within those
   * months, the visitor reached no stage beyond STUDIED in any innovation studied.
   */
  ledToNothing(filter: {
    months: number;
    today: string;
    hostCode?: string | null;
    visitorCode?: string | null;
  }): StudyVisitRow[] {
    return (
      this.stmt.ledToNothing.all({
        months: filter.months,
        today: filter.today,
        host: filter.hostCode ?? null,
        visitor: filter.visitorCode ?? null,
      }) as Raw[]
    ).map(toRow);
  }
}
