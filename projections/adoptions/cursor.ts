import type { AdoptionRow } from './readers.js';

export type SortField =
  | 'ADOPTER'
  | 'INNOVATION'
  | 'STAGE'
  | 'FIRST_OCCURRED'
  | 'LAST_OCCURRED'
  | 'UPDATED';
export interface AdoptionSort {
  field: SortField;
  direction: 'ASC' | 'DESC';
}

/** Opaque keyset cursor: the sort, the sort key and the (adopter, innovation) tie-breaker. */
export const encodeSortCursor = (sort: AdoptionSort, key: unknown, row: AdoptionRow) =>
  Buffer.from(
    JSON.stringify([sort.field, sort.direction, key, row.adopterCode, row.innovationId]),
  ).toString('base64url');

/** The cursor's sort key and tie-breaker; undefined when it is not a cursor of this sort. */
export function decodeSortCursor(
  cursor: string,
  sort: AdoptionSort,
): [unknown, string, string] | undefined {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 5 &&
      v[0] === sort.field &&
      v[1] === sort.direction &&
      typeof v[3] === 'string' &&
      typeof v[4] === 'string'
    )
      return [v[2], v[3], v[4]];
  } catch {}
  return undefined;
}
