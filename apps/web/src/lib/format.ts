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
