import { z } from 'zod';
import { badInput } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date, YYYY-MM-DD (the GraphQL `Date` scalar). */
export const CalendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'must be a calendar date written YYYY-MM-DD' });
export type CalendarDate = z.infer<typeof CalendarDate>;

/**
 * The earliest date a milestone or a study visit may carry: 1 January 2001, when regional
 * autonomy (UU 22/1999) took effect and kabupaten/kota gained the authority to adopt, regulate
 * and fund services of their own. Replication between regencies, the thing replika records,
 * cannot have happened before; an earlier date is a typing error (1899 for 2019) that would
 * silently stretch every "time to stage" figure.
 */
export const EARLIEST_REPORTED_DATE = '2001-01-01';

/** A calendar date of something a regency reports: a real date, not before regional autonomy. */
export const ReportedDate = CalendarDate.refine((d) => d >= EARLIEST_REPORTED_DATE, {
  message: `must be on or after ${EARLIEST_REPORTED_DATE} (regional autonomy began then; check the year)`,
});

/** A Kemendagri kabupaten/kota code such as `35.10`. Existence is checked against the regions. */
export const RegencyCode = z
  .string()
  .trim()
  .regex(/^\d{2}\.\d{2}$/, { message: 'must be a Kemendagri regency code such as 35.10' });

/** Innovation ids are lowercase slugs: `banyuwangi-mal-pelayanan-publik`. */
export const InnovationId = z
  .string()
  .trim()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'must be a lowercase slug of letters, digits and single dashes',
  });

/**
 * Characters that change how text looks without being seen: zero-width spaces and joiners, word
 * joiners and invisible operators, the byte-order mark, the soft hyphen, the Mongolian vowel
 * separator, and every bidirectional mark, embedding, override and isolate (which can make a
 * name read differently from what is stored).
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** A UTF-16 surrogate without its partner (not a character; stores differently in UTF-8). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The one normal form of free text, everywhere text is taken in (every mutation input, the CSV
 * import, and the events, which are read back through the same schemas): lone surrogates become
 * U+FFFD, invisible formatting characters are removed, the rest is Unicode NFC, and surrounding
 * white space is trimmed. What is stored is what is read back, and text that shows nothing is
 * empty.
 */
export function normalizeText(value: string): string {
  return value.replace(LONE_SURROGATE, '\ufffd').replace(INVISIBLE, '').normalize('NFC').trim();
}

/** Free text with sane limits, normalised (see normalizeText); control characters other than newlines and tabs refused. */
export const text = (max: number) =>
  z
    .string()
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .min(1, { message: 'must not be empty' })
        .max(max, { message: `must be at most ${max} characters` })
        // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
        .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), {
          message: 'must not contain control characters',
        }),
    );

/** Evidence (data dukung) for a milestone or an origin fact. */
export const EvidenceKind = z.enum(['DOCUMENT', 'REGULATION', 'NEWS', 'PHOTO', 'OTHER']);
export const Evidence = z.object({
  kind: EvidenceKind,
  title: text(300),
  url: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .max(2000)
    .optional(),
  reference: text(300).optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Turns a name into a slug: "Mal Pelayanan Publik" → "mal-pelayanan-publik". */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** The largest log position or stream revision (SQLite's and KurrentDB's signed 64-bit range). */
export const MAX_LOG_POSITION = 2n ** 63n - 1n;

/**
 * A log position or stream revision a client sends (a cursor, `X-Replika-Min-Position`): a
 * whole number from 0 to 2^63 - 1, written in decimal digits. Anything else is refused as
 * BAD_USER_INPUT naming `field`, never passed to a store that would fail on it.
 */
export function parseLogPosition(value: string, field: string, what = 'a log position'): bigint {
  const digits = value.trim();
  const position = /^\d{1,19}$/.test(digits) ? BigInt(digits) : undefined;
  if (position === undefined || position > MAX_LOG_POSITION)
    throw badInput(
      field,
      `${field} must be ${what}: a whole number from 0 to ${MAX_LOG_POSITION}, written in digits`,
    );
  return position;
}
