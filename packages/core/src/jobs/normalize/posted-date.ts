import { foldAccents } from "../../shared/fold.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A date further ahead than this is garbage, not a clock a little fast. */
const MAX_FUTURE = 2 * DAY;
/** Nothing was posted online before this; earlier "dates" are zeros and placeholders. */
const EARLIEST = Date.UTC(1995, 0, 1);

/** Units of relative dates in English, Spanish, Portuguese and German, accents stripped. */
const UNITS: [RegExp, number][] = [
  [/^(?:s|secs?|seconds?|segundos?|sekunden?)$/, 1000],
  [/^(?:m|mins?|minutes?|minutos?|minuten?)$/, MINUTE],
  [/^(?:h|hrs?|hours?|horas?|stunden?)$/, HOUR],
  [/^(?:d|days?|dias?|tag|tage|tagen)$/, DAY],
  [/^(?:w|wks?|weeks?|semanas?|wochen?)$/, 7 * DAY],
  [/^(?:mo|mos|months?|mes|meses|monat|monate|monaten)$/, 30 * DAY],
  [/^(?:y|yrs?|years?|anos?|jahr|jahre|jahren)$/, 365 * DAY],
];

/** Words for "one" in relative dates: "an hour ago", "hace un día", "vor einem Tag". */
const ONE = /^(?:a|an|one|un|una|um|uma|ein|eine|einem|einer|einen)$/;
const COUNT = "(\\d+\\+?|(?:an|a|one|una|un|uma|um|einem|einer|einen|eine|ein)\\b)";
const UNIT = "([a-z]+)";
const RELATIVE: RegExp[] = [
  new RegExp(`\\b${COUNT}\\s*${UNIT}\\s+ago\\b`), // 3 days ago, 30+ days ago, 2h ago
  new RegExp(`\\bhace\\s+${COUNT}\\s*${UNIT}\\b`), // hace 3 días
  new RegExp(`\\bha\\s+${COUNT}\\s*${UNIT}\\b`), // há 2 dias
  new RegExp(`\\b${COUNT}\\s*${UNIT}\\s+atras\\b`), // 2 dias atrás
  new RegExp(`\\bvor\\s+${COUNT}\\s*${UNIT}\\b`), // vor 3 Tagen
];
const NOW_WORDS = /\b(?:just now|now|today|just posted|heute|hoy|hoje|ahora|agora|gerade eben)\b/;
const YESTERDAY_WORDS = /\b(?:yesterday|gestern|ayer|ontem)\b/;

const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?))?$/i;
const HAS_ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const DAY_MONTH_YEAR = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;

/**
 * When a posting was published, from whatever a board gives: epoch seconds or
 * milliseconds (told apart by magnitude, also as numeric strings), ISO 8601 (no
 * zone means UTC), RFC 2822, "2026-07-20", "20.07.2026", or relative phrases
 * ("3 days ago", "an hour ago", "today", "yesterday", "30+ days ago", "hace 3
 * días", "há 2 dias", "vor 3 Tagen"). Null for anything unreadable, before 1995,
 * or more than two days after `now`. Day/month order is guessed only when
 * unambiguous ("25/07/2026", "07/25/2026"); "05/07/2026" is null.
 */
export function parsePostedDate(
  value: string | number | Date | null | undefined,
  now: Date,
): Date | null {
  const time = toTime(value, now);
  if (time === null || !Number.isFinite(time)) return null;
  if (time < EARLIEST || time > now.getTime() + MAX_FUTURE) return null;
  return new Date(time);
}

function toTime(value: unknown, now: Date): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return fromEpoch(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (text === "") return null;
  if (/^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/.test(text))
    return fromCompactDate(text);
  if (/^\d+(?:\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  return fromIso(text) ?? fromNumericDate(text) ?? fromRelative(text, now) ?? fromFreeForm(text);
}

/**
 * Seconds, milliseconds or microseconds since 1970, by magnitude: today is about
 * 1.8e9 seconds, 1.8e12 ms and 1.8e15 µs.
 */
function fromEpoch(n: number): number | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  if (n < 1e11) return n * 1000;
  if (n < 1e14) return n;
  return n / 1000;
}

/** "20260720": a date written without separators. */
function fromCompactDate(text: string): number {
  return Date.UTC(Number(text.slice(0, 4)), Number(text.slice(4, 6)) - 1, Number(text.slice(6, 8)));
}

function fromIso(text: string): number | null {
  if (!ISO_DATE.test(text)) return null;
  let iso = text.replace(" ", "T").replace(/\s+/g, "");
  if (iso.includes("T")) {
    // Date.parse reads a date-time without a zone as local time; boards mean UTC.
    if (!HAS_ZONE.test(iso)) iso += "Z";
    // "+0000" and "+02" are not ISO; "+00:00" is.
    iso = iso.replace(/([+-]\d{2})(\d{2})$/, "$1:$2").replace(/([+-]\d{2})$/, "$1:00");
  }
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}

/** "20.07.2026", "25/07/2026", "07/25/2026": only when day and month cannot be confused. */
function fromNumericDate(text: string): number | null {
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) return null;
  const a = Number(match[1]);
  const b = Number(match[3]);
  const year = Number(match[4]);
  let day: number;
  let month: number;
  if (match[2] === ".")
    [day, month] = [a, b]; // German order, always
  else if (a > 12 && b <= 12) [day, month] = [a, b];
  else if (b > 12 && a <= 12) [day, month] = [b, a];
  else return null;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  return check.getUTCDate() === day && check.getUTCMonth() === month - 1 ? time : null;
}

function fromRelative(text: string, now: Date): number | null {
  const lower = foldAccents(text.toLowerCase());
  for (const pattern of RELATIVE) {
    const match = pattern.exec(lower);
    if (!match) continue;
    const count = ONE.test(match[1] as string) ? 1 : Number.parseInt(match[1] as string, 10);
    const unit = UNITS.find(([re]) => re.test(match[2] as string))?.[1];
    if (unit !== undefined && Number.isFinite(count)) return now.getTime() - count * unit;
  }
  if (YESTERDAY_WORDS.test(lower)) return now.getTime() - DAY;
  if (NOW_WORDS.test(lower)) return now.getTime();
  return null;
}

/** RFC 2822 and other English dates Date.parse knows; without a zone they are read as UTC. */
function fromFreeForm(text: string): number | null {
  if (!/\d{4}/.test(text) || !/[a-z]/i.test(text)) return null;
  const hasZone = /(?:\b(?:GMT|UTC|UT|Z|[ECMP][SD]T)\b|[+-]\d{4}\b|[+-]\d{2}:\d{2}\b)/i.test(text);
  const time = Date.parse(hasZone ? text : `${text} UTC`);
  if (!Number.isNaN(time)) return time;
  const fallback = Date.parse(text);
  return Number.isNaN(fallback) ? null : fallback;
}
