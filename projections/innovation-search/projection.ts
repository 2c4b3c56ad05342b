import type { Projection } from '../projection.js';
import { acronymOf, words } from './words.js';

/**
 * Innovation search: an SQLite FTS5 index of every innovation's name, its acronym ("MPP" for Mal
 * Pelayanan Publik), its description and its slug, with accents removed and case folded
 * (tokenizer `unicode61 remove_diacritics 2`), so `searchInnovations` matches whole words and
 * word prefixes without a table scan.
 */
export const innovationSearchProjection: Projection = {
  name: 'innovation-search',
  version: 1,
  tables: ['innovation_search'],
  handles: ['InnovationRegistered'],
  migrate(db, t) {
    db.exec(`
      CREATE VIRTUAL TABLE ${t('innovation_search')} USING fts5(
        innovation_id UNINDEXED, name, acronym, description, slug,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
  prepare(db, t) {
    const insert = db.prepare(
      `INSERT INTO ${t('innovation_search')} (innovation_id, name, acronym, description, slug)
       VALUES (?, ?, ?, ?, ?)`,
    );
    return (event) => {
      if (event.type !== 'InnovationRegistered') return;
      const e = event.data;
      insert.run(
        e.innovationId,
        e.name,
        acronymOf(e.name),
        e.description ?? null,
        words(e.innovationId).join(' '),
      );
    };
  },
};
