import { isCalendarDate } from './calendar-date.js';

// Instants the system records (recordedAt) are ISO 8601 UTC text with milliseconds. An instant
// from outside must name its zone, so that "known at 10:00" is never read in the server's zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    INSTANT.test(value) &&
    isCalendarDate(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value))
  );
}

// The same instant in the stored form, so that it compares with recordedAt as text.
export function toStoredInstant(value: string): string {
  return new Date(value).toISOString();
}
