import { intlLocale } from './i18n.js';

/** An instant in the merchant's time zone, in the console's language (e.g. 2026年12月1日 00:00 / 1 Dec 2026, 00:00). */
export function when(iso, timeZone) {
  if (!iso) return '';
  try {
    return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
  } catch {
    return iso; // an unknown zone: the instant as the API wrote it
  }
}

export const number = (n) => (n === null || n === undefined ? '' : new Intl.NumberFormat(intlLocale()).format(n));
