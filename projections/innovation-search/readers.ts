import type Database from 'better-sqlite3';
import { words } from './words.js';

/** The most words a search may hold; more are a BAD_USER_INPUT (checked by the resolver). */
export const MAX_SEARCH_WORDS = 12;

/**
 * Reads of the innovation search index. FTS5's MATCH and bm25() need the virtual table itself,
 * not the view over it, so each search looks up the live version's table first.
 */
export class InnovationSearchReaders {
  private readonly live;

  constructor(private readonly db: Database.Database) {
    this.live = db.prepare(
      `SELECT version FROM projection_checkpoints WHERE name = 'innovation-search' AND state = 'live'`,
    );
  }

  /**
   * Ids of the innovations matching every word of `text` as a word or a word's prefix, best
   * first: name matches weigh most, then the acronym, the slug and the description.
   */
  search(text: string, first: number): string[] {
    const terms = words(text).slice(0, MAX_SEARCH_WORDS);
    const row = this.live.get() as { version: number } | undefined;
    if (terms.length === 0 || first === 0 || !row) return [];
    const table = `innovation_search__v${row.version}`;
    // Terms hold only letters and digits, so quoting them cannot change the query's syntax.
    const query = terms.map((w) => `"${w}"*`).join(' ');
    return (
      this.db
        .prepare(
          `SELECT innovation_id AS id FROM ${table} WHERE ${table} MATCH ?
           ORDER BY bm25(${table}, 0, 10.0, 6.0, 1.0, 2.0), innovation_id LIMIT ?`,
        )
        .all(query, first) as Array<{ id: string }>
    ).map((r) => r.id);
  }
}
