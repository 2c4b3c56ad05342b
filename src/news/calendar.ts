/** Calendar arithmetic on YYYY-MM-DD strings (UTC), and the Indonesian month and day names. */

/** Month names and the abbreviations newsrooms use, by month number. */
export const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    'januari jan',
    'februari pebruari feb peb',
    'maret mar',
    'april apr',
    'mei',
    'juni jun',
    'juli jul',
    'agustus agu agt ags agst',
    'september sep sept',
    'oktober okt',
    'november nopember nov nop',
    'desember des',
  ].flatMap((names, k) => names.split(' ').map((name) => [name, k + 1])),
);

/** Weekday names, 0 = Sunday as Date#getUTCDay counts. */
export const WEEKDAYS: Readonly<Record<string, number>> = Object.fromEntries(
  ['minggu ahad', 'senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu'].flatMap((names, k) =>
    names.split(' ').map((name) => [name, k]),
  ),
);

export const UNTIL = new Set(['hingga', 'sampai', 'sd', 'until']);

export function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** The year for a day and month that puts the date closest to the publication date. */
export function nearestYear(m: number, d: number, published: string): string | undefined {
  const year = Number(published.slice(0, 4));
  let best: string | undefined;
  for (const y of [year - 1, year, year + 1]) {
    const iso = isoDate(y, m, d);
    if (!iso) continue;
    if (!best || Math.abs(daysBetween(published, iso)) < Math.abs(daysBetween(published, best)))
      best = iso;
  }
  return best;
}

export function fullYear(word: string): number | undefined {
  if (/^\d{4}$/.test(word)) return Number(word);
  if (/^\d{2}$/.test(word)) return 2000 + Number(word);
  return undefined;
}
