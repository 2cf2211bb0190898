import { intlLocale, t } from './i18n.js';
import { session } from './session.js';

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

/**
 * A wall-clock time typed in the merchant's time zone ("2026-03-10T12:00", as an input of type
 * datetime-local gives it) as an ISO instant. The zone's offset at that moment comes from Intl: the
 * guess is corrected by the offset the zone shows at it, twice, which settles across DST changes.
 */
export function zonedToInstant(local, timeZone) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local || '');
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map((x) => (x === undefined ? 0 : Number(x)));
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const offsetAt = (instant) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
    const shown = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
    return shown - instant;
  };
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

/** Now as a datetime-local value in the merchant's time zone (minutes precision). */
export function zonedNow(timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A key as the API names it (its id), marked "(you)" when it is the signed-in key. */
export const who = (keyId) => (keyId && keyId === session.me?.keyId ? `${keyId} (${t('session.you')})` : keyId);

/**
 * A merchant-local wall-clock time as the API writes it ("2026-11-01T00:00" or "…T00:00:00", a campaign's
 * window) in the console's language, unchanged by any zone: it is shown as the merchant wrote it.
 */
export function wallClock(local) {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(local || '');
  if (!match) return local || '';
  const instant = new Date(`${match[1]}T${match[2] || '00:00'}:00Z`);
  const options = match[2] ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(intlLocale(), options).format(instant);
}
