import { z } from 'zod';

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

/** Free text with sane limits; control characters other than newlines and tabs refused. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` })
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), {
      message: 'must not contain control characters',
    });

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
