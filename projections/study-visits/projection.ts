import type { Projection } from '../projection.js';

/** Study visits (studi tiru) as reported, one row each. */
export const studyVisitsProjection: Projection = {
  name: 'study-visits',
  version: 1,
  tables: ['study_visits'],
  handles: ['StudyVisitReported', 'StudyVisitRetracted'],
  migrate(db, t) {
    db.exec(`
      CREATE TABLE ${t('study_visits')} (
        id                TEXT PRIMARY KEY,
        host_code         TEXT NOT NULL,
        visitor_code      TEXT NOT NULL,
        start_date        TEXT NOT NULL,
        end_date          TEXT NOT NULL,
        delegation_size   INTEGER NOT NULL,
        leader            TEXT NOT NULL,
        sites             TEXT NOT NULL,
        innovation_ids    TEXT NOT NULL,
        note              TEXT,
        evidence          TEXT NOT NULL,
        recorded_at       TEXT NOT NULL,
        reported_by       TEXT,
        retracted         INTEGER NOT NULL DEFAULT 0,
        retracted_at      TEXT,
        retraction_reason TEXT,
        position          INTEGER NOT NULL
      );
    `);
  },
  readIndexes(db, t) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t('study_visits_host')} ON ${t('study_visits')} (host_code, start_date);
      CREATE INDEX IF NOT EXISTS ${t('study_visits_visitor')} ON ${t('study_visits')} (visitor_code, start_date);
    `);
  },
  prepare(db, t) {
    const insert = db.prepare(
      `INSERT INTO ${t('study_visits')} (id, host_code, visitor_code, start_date, end_date,
         delegation_size, leader, sites, innovation_ids, note, evidence, recorded_at, reported_by, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const retract = db.prepare(
      `UPDATE ${t('study_visits')} SET retracted = 1, retracted_at = ?, retraction_reason = ?
       WHERE id = ?`,
    );
    return (event) => {
      switch (event.type) {
        case 'StudyVisitReported': {
          const v = event.data;
          insert.run(
            v.visitId,
            v.hostCode,
            v.visitorCode,
            v.startDate,
            v.endDate,
            v.delegationSize,
            v.leader,
            JSON.stringify(v.sites),
            JSON.stringify(v.innovationIds),
            v.note ?? null,
            JSON.stringify(v.evidence),
            event.recordedAt.toISOString(),
            event.metadata.actor ?? null,
            event.position,
          );
          return;
        }
        case 'StudyVisitRetracted':
          retract.run(event.recordedAt.toISOString(), event.data.reason, event.data.visitId);
          return;
      }
    };
  },
};
