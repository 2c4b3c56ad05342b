import type { Projection } from '../projection.js';

/**
 * Budget allocations (alokasi APBD): one row per BUDGET_ALLOCATED milestone that carries budget
 * details, with its amount, fiscal year, the ministry's verdict and whether it was retracted,
 * indexed for totals by province, innovation and fiscal year. The amount is kept as an integer
 * (at most 18 digits, so it fits SQLite's 64 bits); totals add it up in two exact halves.
 */
export const budgetsProjection: Projection = {
  name: 'budgets',
  version: 1,
  tables: ['budget_allocations'],
  handles: ['MilestoneReported', 'MilestoneRetracted', 'MilestoneVerified', 'MilestoneRejected'],
  migrate(db, t) {
    db.exec(`
      CREATE TABLE ${t('budget_allocations')} (
        milestone_id  TEXT PRIMARY KEY,
        adopter_code  TEXT NOT NULL,
        province_code TEXT NOT NULL,
        innovation_id TEXT NOT NULL,
        origin_code   TEXT NOT NULL,
        fiscal_year   INTEGER NOT NULL,
        amount        INTEGER NOT NULL,
        source        TEXT NOT NULL,
        occurred_on   TEXT NOT NULL,
        retracted     INTEGER NOT NULL DEFAULT 0,
        verification  TEXT NOT NULL DEFAULT 'UNVERIFIED',
        position      INTEGER NOT NULL
      );
    `);
  },
  readIndexes(db, t) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t('budget_province')}
        ON ${t('budget_allocations')} (province_code, innovation_id, fiscal_year);
      CREATE INDEX IF NOT EXISTS ${t('budget_innovation')}
        ON ${t('budget_allocations')} (innovation_id, fiscal_year);
      CREATE INDEX IF NOT EXISTS ${t('budget_origin')}
        ON ${t('budget_allocations')} (origin_code, fiscal_year);
      CREATE INDEX IF NOT EXISTS ${t('budget_year')} ON ${t('budget_allocations')} (fiscal_year);
    `);
  },
  prepare(db, t) {
    const insert = db.prepare(
      `INSERT INTO ${t('budget_allocations')} (milestone_id, adopter_code, province_code,
         innovation_id, origin_code, fiscal_year, amount, source, occurred_on, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const retract = db.prepare(
      `UPDATE ${t('budget_allocations')} SET retracted = 1 WHERE milestone_id = ?`,
    );
    const judge = db.prepare(
      `UPDATE ${t('budget_allocations')} SET verification = ? WHERE milestone_id = ?`,
    );
    return (event) => {
      switch (event.type) {
        case 'MilestoneReported': {
          const m = event.data;
          const budget = m.details?.budget;
          if (m.kind !== 'BUDGET_ALLOCATED' || !budget) return;
          insert.run(
            m.milestoneId,
            m.adopterCode,
            m.adopterCode.slice(0, 2),
            m.innovationId,
            m.originCode,
            budget.fiscalYear,
            BigInt(budget.amountRupiah),
            budget.source,
            m.occurredOn,
            event.position,
          );
          return;
        }
        case 'MilestoneRetracted':
          retract.run(event.data.milestoneId);
          return;
        case 'MilestoneVerified':
          judge.run('VERIFIED', event.data.milestoneId);
          return;
        case 'MilestoneRejected':
          judge.run('REJECTED', event.data.milestoneId);
          return;
      }
    };
  },
};
