/**
 * Parses an HTTP Retry-After value (RFC 9110 §10.2.3): either delay-seconds ("120") or an HTTP-date
 * ("Wed, 21 Oct 2015 07:28:00 GMT"). Returns the wait in ms from `nowMs`, or null when the header is absent or not
 * one of those forms (a malformed header is ignored rather than guessed at; the caller's own backoff applies).
 * A date in the past means "now" (0).
 */

const DELAY_SECONDS = /^\s*(\d{1,10})\s*$/;
// IMF-fixdate, the preferred form; obsolete RFC 850 and asctime forms are accepted through Date.parse below only if
// they carry a weekday and a GMT zone, so a bare number or free text is never read as a date.
const HTTP_DATE = /^\s*[A-Za-z]{3},\s+\d{2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+GMT\s*$/;
const RFC850_DATE = /^\s*[A-Za-z]{6,9},\s+\d{2}-[A-Za-z]{3}-\d{2}\s+\d{2}:\d{2}:\d{2}\s+GMT\s*$/;

export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const seconds = DELAY_SECONDS.exec(value);
  if (seconds?.[1] !== undefined) return Number(seconds[1]) * 1000;
  if (HTTP_DATE.test(value) || RFC850_DATE.test(value)) {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return null;
    return Math.max(0, at - nowMs);
  }
  return null;
}
