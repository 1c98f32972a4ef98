import type { Job } from "./api";

/** "USD 90,000–120,000 / year", in the page's language; null when the posting has no pay. */
export function payRange(job: Job, locale: string): string | null {
  if (job.salaryMin === null && job.salaryMax === null) return null;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const parts = [job.salaryMin, job.salaryMax].filter((n): n is number => n !== null);
  const range = [...new Set(parts)].map((n) => number.format(n)).join("–");
  const per = job.salaryPeriod ? ` / ${job.salaryPeriod}` : "";
  return `${job.currency ?? ""} ${range}${per}`.trim();
}

/** "3 days ago", in the page's language. */
export function age(iso: string, locale: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 365 * 86400],
    ["month", 30 * 86400],
    ["week", 7 * 86400],
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, "minute");
}

/** A zone the browser knows, else UTC (a zone saved on a server with newer time zone data). */
function knownZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/**
 * A UTC instant shown in the person's time zone, in the page's language, with the zone's short
 * name: "Monday, 14 December, 09:00 CET".
 */
export function dateTimeIn(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: knownZone(timeZone),
    timeZoneName: "short",
  }).format(new Date(iso));
}

/** The time of day of a UTC instant in the person's time zone: "14:32 CET" (or "2:32 PM EST"). */
export function timeIn(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: "numeric",
    minute: "2-digit",
    timeZone: knownZone(timeZone),
    timeZoneName: "short",
  }).format(new Date(iso));
}

/** Every IANA time zone the browser knows, with UTC and `also` (e.g. the saved one) among them. */
export function timeZones(...also: (string | null | undefined)[]): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {}
  const all = new Set([...zones, "UTC"]);
  for (const zone of also) if (zone) all.add(zone);
  return [...all].sort((a, b) => a.localeCompare(b));
}
