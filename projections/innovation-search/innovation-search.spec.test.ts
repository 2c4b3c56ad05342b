import { describe, expect, it } from 'vitest';
import { projectionSpec, sample } from '../spec.js';
import { innovationSearchProjection } from './projection.js';
import { acronymOf, words } from './words.js';

const spec = projectionSpec(innovationSearchProjection);

describe('innovation-search projection', () => {
  it('given nothing, when an innovation is registered, then its name, acronym and slug are indexed', () => {
    spec
      .given([])
      .when([sample.mpp])
      .thenRows('innovation_search', [
        {
          innovation_id: 'banyuwangi-mal-pelayanan-publik',
          name: 'Mal Pelayanan Publik',
          acronym: 'mpp',
          slug: 'banyuwangi mal pelayanan publik',
        },
      ])
      .thenQuery(
        (t) =>
          `SELECT innovation_id FROM ${t('innovation_search')} WHERE ${t('innovation_search')} MATCH '"pelay"*'`,
        [{ innovation_id: 'banyuwangi-mal-pelayanan-publik' }],
      );
  });

  it('folds case and accents into words, and spells acronyms from initials', () => {
    expect(words('Pelayanan Térpadu (PTSP) Satu-Pintu')).toEqual([
      'pelayanan',
      'terpadu',
      'ptsp',
      'satu',
      'pintu',
    ]);
    expect(acronymOf('Mal Pelayanan Publik')).toBe('mpp');
    expect(acronymOf('e-Village Budgeting')).toBe('vb evb');
    expect(acronymOf('Sistem Informasi Desa')).toBe('sid');
    expect(acronymOf('Desa')).toBe('');
  });
});
