/** Dates as readers read them; kept apart from format.ts because that module imports ru.ts. */

// Created once: building a formatter costs more than formatting (seconds over a 5 000-page build).
const dateFormat = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** «24 ноября 2026 г.» */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** `YYYY-MM-DD` (UTC), as `<time datetime>` and the content files write a day. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
