import { signal } from '@preact/signals';
import { en } from './i18n-en';
import { id } from './i18n-id';

/** Indonesian first; English as a switch, remembered on this device. */
export type Lang = 'id' | 'en';
export const lang = signal<Lang>(localStorage.getItem('replika.lang') === 'en' ? 'en' : 'id');

export function setLang(next: Lang) {
  lang.value = next;
  localStorage.setItem('replika.lang', next);
  document.documentElement.lang = next;
}
document.documentElement.lang = lang.value;

export type Key = keyof typeof id;
const dictionaries: Record<Lang, Record<Key, string>> = { id, en };

/** The text of `key` in the current language, `{name}` placeholders filled from `values`. */
export function t(key: Key, values: Record<string, string | number> = {}): string {
  const text = dictionaries[lang.value][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

const locale = () => (lang.value === 'id' ? 'id-ID' : 'en-GB');

/** A calendar date as people write it: "28 Maret 2024" (id) or "28 March 2024" (en). */
export function formatDate(date: string | null | undefined, month: 'long' | 'short' = 'long') {
  if (!date) return '–';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const value = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month,
    year: 'numeric',
    timeZone: 'UTC',
  }).format(value);
}

/** An instant in Western Indonesia time, e.g. "25 Feb 2019 10.00". */
export function formatInstant(instant: string | null | undefined) {
  if (!instant) return '–';
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(instant));
}

export const formatNumber = (n: number) => new Intl.NumberFormat(locale()).format(n);

/** Today in Indonesia's easternmost time zone (WIT), the latest date a report may carry. */
export function todayInIndonesia(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jayapura' }).format(new Date());
}
