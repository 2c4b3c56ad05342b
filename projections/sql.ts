/** Small helpers the readers share: a raw row, named parameters, rows grouped by key. */
export type Raw = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** Rows grouped under each of `keys` (every key present, in order, empty when none matched). */
export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string) {
  const out = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) out.get(keyOf(row))?.push(row);
  return out;
}
