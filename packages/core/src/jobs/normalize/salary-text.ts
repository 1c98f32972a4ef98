import type { SalaryPeriod } from "../job.ts";
import { CURRENCY_SIGNS, normalizeCurrency } from "./currency.ts";
import { annualize, inferPeriod, periodOfWord } from "./pay-period.ts";

export interface ParsedSalary {
  min: number | null;
  max: number | null;
  /** ISO 4217 code, or null when the text names no currency. */
  currency: string | null;
  period: SalaryPeriod;
  /** True when the text named no period and `period` was inferred from the amount. */
  periodInferred: boolean;
  /** True when the currency is USD only because of a bare "$" (which other dollars use too). */
  bareDollar: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Codes recognized in free text. Rarer ISO codes are too often ordinary words ("ALL", "TOP"). */
const CODES =
  "USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|CNY|RMB|INR|BRL|MXN|ARS|CLP|COP|PEN|UYU|SGD|HKD|SEK|NOK|DKK|PLN|CZK|HUF|RON|BGN|TRY|ILS|AED|SAR|QAR|ZAR|NGN|KES|EGP|PHP|IDR|MYR|THB|VND|KRW|TWD|PKR|UAH|RUB|GEL|RSD|CRC|usd|eur|gbp|cad|aud|chf|inr|brl";
const SIGNS = CURRENCY_SIGNS.map(([sign]) => escapeRegExp(sign)).join("|");
const CURRENCY_BEFORE = `(?<![\\p{L}\\p{N}])(?:(?:${CODES})\\s?\\$?|${SIGNS})`;
const CURRENCY_AFTER = `(?:${SIGNS}|(?:${CODES}|euros?|dollars?|reais|pounds?|rupees?)(?![\\p{L}]))`;
/**
 * A number with optional thousands separators (",", ".", "'", "’", a space before
 * exactly three digits) and up to two decimals: "120000", "120,000", "60.000",
 * "120'000", "60 000", "122,600.00", "31,2", "14.50", and Indian lakh grouping "8,00,000".
 */
const NUMBER =
  "(?<![\\d.,])(?:\\d{1,2}(?:,\\d{2})+,\\d{3}(?:\\.\\d{1,2})?|\\d{1,3}(?:(?:[,.'’]|[ ](?=\\d{3}(?!\\d)))\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)(?!\\d)";
const MULTIPLIER =
  "(?:\\s?(?:[kK]|thousand|[tT]sd\\.?|mil|[mM][mMnN]?|[mM]io\\.?|million|[bB][nN]?|billion|lakhs?|lacs?|LPA|lpa|L|[cC]r|crores?)(?![\\p{L}]))";
const amount = (n: number) =>
  `(?:(?<cur${n}>${CURRENCY_BEFORE})\\s?)?(?<num${n}>${NUMBER})(?<mult${n}>${MULTIPLIER})?(?:\\s?(?<suf${n}>${CURRENCY_AFTER}))?`;
const RANGE_SEPARATOR =
  "\\s*(?:-{1,2}|~|[Tt][Oo]|[Bb]is|[Aa]t[ée]|[Hh]asta|[Aa]nd|[Uu]nd|a|à|y|e)(?![\\p{L}])\\s*";
const MONEY = new RegExp(`${amount(1)}(?:(?<sep>${RANGE_SEPARATOR})${amount(2)})?`, "gu");

/** Multipliers by their lower-case spelling; millions and billions mark funding, not pay. */
const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  tsd: 1e3,
  "tsd.": 1e3,
  mil: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mio: 1e6,
  "mio.": 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  lacs: 1e5,
  lpa: 1e5,
  l: 1e5,
  cr: 1e7,
  crore: 1e7,
  crores: 1e7,
};

const PERIOD_SHORT = "h|hr|d|w|wk|m|mo|mth|y|yr|a|an";
const PERIOD_WORD =
  "hours?|hourly|hrs?|stunden?|stündlich|horas?|days?|daily|tag|täglich|días?|dias?|diári[oa]|diari[oa]|weeks?|weekly|woche|wöchentlich|semanas?|semanal|months?|monthly|monat|monatlich|mes|mês|meses|mensal|mensual|years?|yearly|annual(?:ly)?|annum|anual|año|ano|jahr|jährlich|pa|lpa|ctc|heures?|horaire|jours?|semaines?|mois|mensuel(?:le)?|années?|annuel(?:le)?";
/** A period word after an amount: "/hour", "per year", "an hour", "/mês", "brutto/Jahr", "p.a.". */
const PERIOD_AFTER = new RegExp(
  `(?:\\/\\s*|(?<![\\p{L}])(?:per|an?|each|every|por|pro|par|al|im|la|le)\\s+)(?<short>${PERIOD_SHORT})(?![\\p{L}])` +
    `|(?<![\\p{L}])(?<word>${PERIOD_WORD})(?![\\p{L}])` +
    "|(?<![\\p{L}])(?<pa>p\\.\\s?a\\.?)",
  "iu",
);
/**
 * A rate per something other than time ("$20 per 100 words", "$80 per accepted
 * challenge", "$30 or $17 per page"): piecework, not a salary.
 */
const PIECE_RATE = new RegExp(
  `^\\s*(?:(?:or|and|to|-)\\s*\\S*\\d\\S*\\s*)?(?:\\/|(?:per|each|an?|par)(?![\\p{L}]))\\s*(?!(?:per\\s+)?(?:${PERIOD_WORD}|${PERIOD_SHORT}|${CODES})(?![\\p{L}]))[\\p{L}\\d]`,
  "iu",
);
/** A period said before the amount: "hourly rate of", "annual salary", "Jahresgehalt", "salario mensual". */
const PERIOD_BEFORE =
  /(?<![\p{L}])(?:(?<word>hourly|daily|weekly|monthly|yearly|annual|annually|stündlich|monatlich|jährlich|mensal|mensual|anual|semanal|diario|diária)|per\s+(?<per>hour|day|week|month|year|annum)|(?<de>stunden|tages|wochen|monats|jahres)(?:lohn|gehalt|satz|brutto))/giu;
const UP_TO =
  /(?<![\p{L}])(?:up\s+to|bis\s+zu|bis|hasta|até|max(?:imum)?\.?|no\s+more\s+than|as\s+much\s+as)\s*:?\s*$/iu;
const FROM =
  /(?<![\p{L}])(?:from|starting\s+(?:at|from)|starts\s+at|ab|desde|a\s+partir\s+de|min(?:imum)?\.?|at\s+least)\s*:?\s*$/iu;
const CONJUNCTION_RANGE = /^\s*(?:and|und|y|e)\s*$/i;
const BETWEEN = /(?:between|zwischen|entre)\s*$/i;

/** One amount or range found in text, before any judgement of whether it is pay. */
export interface MoneyMatch {
  start: number;
  end: number;
  low: number;
  high: number | null;
  currency: string | null;
  /** Millions or billions: a funding or revenue figure, never pay. */
  large: boolean;
  /** The currency comes from a bare "$" alone. */
  bareDollar: boolean;
  /** "LPA" (lakhs per annum) names the period itself. */
  periodFromMultiplier: SalaryPeriod | null;
  qualifier: "up-to" | "from" | null;
}

/**
 * Replaces dashes and exotic spaces one for one, so positions in the result are
 * positions in the input.
 */
function simplify(text: string): string {
  return text.replace(/[‐‑‒–—―−]/g, "-").replace(/[\u00a0\u2007\u2009\u200a\u202f\t]/g, " ");
}

/** The first amount alone, to cut a false range back to it. */
const ONE_AMOUNT = new RegExp(amount(1), "uy");

/** Every amount or range in the text, with its currency (from either side) and multiplier. */
export function findMoney(text: string): MoneyMatch[] {
  const simple = simplify(text);
  const found: MoneyMatch[] = [];
  for (const match of simple.matchAll(MONEY)) {
    const g = match.groups ?? {};
    const start = match.index ?? 0;
    const range = readRange(g, simple.slice(Math.max(0, start - 40), start));
    if (!Number.isFinite(range.low) || range.low <= 0) continue;
    let end = start + match[0].length;
    if (range.high === null && g.num2 !== undefined) {
      // The second amount was not the top of a range: the match ends after the first.
      ONE_AMOUNT.lastIndex = start;
      end = start + (ONE_AMOUNT.exec(simple)?.[0].length ?? 0);
    }
    const single = range.high === null;
    const marks = single ? [g.cur1, g.suf1] : [g.cur1, g.suf1, g.cur2, g.suf2];
    found.push({
      start,
      end,
      low: round2(range.low),
      high: single ? null : round2(range.high as number),
      currency: currencyOf(marks),
      bareDollar: marks.every((m) => m === undefined || m.trim() === "$") && marks.some(Boolean),
      // Crores (1e7) are Indian salaries; millions and billions are not pay.
      large: range.multipliers.some((m) => m !== null && m >= 1e6 && m !== 1e7),
      periodFromMultiplier: (single ? [g.mult1] : [g.mult1, g.mult2]).some(
        (m) => m?.trim().toLowerCase() === "lpa",
      )
        ? "year"
        : null,
      qualifier: single ? qualifierBefore(simple, start, end) : null,
    });
  }
  return mergeSplitRanges(simple, found);
}

/**
 * The values of a matched amount or range. A multiplier on one end applies to a
 * small other end ("$120-150k", "80-100k EUR"). A "range" whose top is below its
 * bottom ("$120k and $10k bonus") is the first amount alone.
 */
function readRange(
  g: Record<string, string | undefined>,
  textBefore: string,
): { low: number; high: number | null; multipliers: (number | null)[] } {
  const low = parseAmount(g.num1 ?? "");
  const own = multiplierOf(g.mult1);
  if (g.num2 === undefined || !isRangeSeparator(g.sep ?? "", textBefore)) {
    return { low: low * (own ?? 1), high: null, multipliers: [own] };
  }
  const high = parseAmount(g.num2);
  const other = multiplierOf(g.mult2);
  const lowMult = own ?? (low < 1000 ? other : null);
  const highMult = other ?? (high < 1000 ? own : null);
  const lowValue = low * (lowMult ?? 1);
  const highValue = high * (highMult ?? 1);
  if (!Number.isFinite(highValue) || highValue < lowValue) {
    return { low: low * (own ?? 1), high: null, multipliers: [own] };
  }
  return { low: lowValue, high: highValue, multipliers: [lowMult, highMult] };
}

/** Between two amounts of a range written with a period on each: "PHP 40,000/month to PHP 50,000/month". */
const SPLIT_RANGE_GAP =
  /^\s*(?:p?\/\s*\p{L}+\.?|per\s+\p{L}+)?\s*(?:-{1,2}|~|to|bis|até|hasta|à)\s*(?:(?:a\s+)?max(?:imum)?\.?\s*(?:of\s*)?:?\s*)?$/iu;

function mergeSplitRanges(text: string, found: MoneyMatch[]): MoneyMatch[] {
  const merged: MoneyMatch[] = [];
  for (const money of found) {
    const previous = merged[merged.length - 1];
    if (
      previous !== undefined &&
      previous.high === null &&
      money.high === null &&
      !previous.large &&
      !money.large &&
      money.low > previous.low &&
      (money.currency === null ||
        previous.currency === null ||
        money.currency === previous.currency) &&
      SPLIT_RANGE_GAP.test(text.slice(previous.end, money.start))
    ) {
      merged[merged.length - 1] = {
        ...previous,
        end: money.end,
        high: money.low,
        currency: previous.currency ?? money.currency,
        bareDollar: previous.bareDollar && (money.bareDollar || money.currency === null),
        qualifier: null,
      };
      continue;
    }
    merged.push(money);
  }
  return merged;
}

/**
 * The currency of an amount or range. A bare "$" is only a guess at US dollars, so a
 * code or specific sign anywhere in the match wins: "$165,000 to $195,000 CAD" is CAD.
 */
function currencyOf(marks: (string | undefined)[]): string | null {
  const present = marks.filter((m): m is string => m !== undefined);
  const specific = present.find((m) => m.trim() !== "$");
  return normalizeCurrency(specific ?? present[0]);
}

/** "up to $x" keeps only a maximum; "from $x" and "$x+" only a minimum. */
function qualifierBefore(text: string, start: number, end: number): MoneyMatch["qualifier"] {
  const before = text.slice(Math.max(0, start - 25), start);
  if (UP_TO.test(before)) return "up-to";
  if (FROM.test(before) || text[end] === "+") return "from";
  return null;
}

/** "and"/"y"/"e" join a range only after "between"/"zwischen"/"entre". */
function isRangeSeparator(separator: string, textBefore: string): boolean {
  return !CONJUNCTION_RANGE.test(separator) || BETWEEN.test(textBefore);
}

function multiplierOf(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  return MULTIPLIERS[raw.trim().toLowerCase()] ?? null;
}

/**
 * Reads a number whose separators may be thousands or decimal marks. Spaces and
 * apostrophes group thousands. With both "," and ".", the last one is the decimal
 * mark ("122,600.00", "1.234,56"). With one kind used once, it is a decimal mark
 * unless exactly three digits follow ("60.000" is sixty thousand, "14.50" and
 * "31,2" are decimals).
 */
export function parseAmount(raw: string): number {
  const s = raw.replace(/[\s'’]/g, "");
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  if (lastDot === -1 && lastComma === -1) return Number(s);
  const last = Math.max(lastDot, lastComma);
  const mark = s[last] as string;
  const digitsAfter = s.length - last - 1;
  const bothUsed = lastDot !== -1 && lastComma !== -1;
  const usedOnce = s.indexOf(mark) === last;
  const decimal = bothUsed || (usedOnce && digitsAfter !== 3);
  const whole = (decimal ? s.slice(0, last) : s).replace(/[.,]/g, "");
  return decimal ? Number(`${whole}.${s.slice(last + 1)}`) : Number(whole);
}

/**
 * The text after an amount up to the next number, without a word cut in half at
 * the limit, and with glued words split ("per yearThis job" reads "per year This").
 */
function wordWindow(text: string, end: number, limit: number): string {
  const raw = text.slice(end, end + limit + 1);
  const whole = raw.length > limit ? raw.replace(/\p{L}+$/u, "") : raw;
  const beforeNumber = simplify(whole).split(/\d/)[0] ?? "";
  return splitGluedWords(beforeNumber);
}

/** Blocks glued by a board's HTML ("per yearThis job") read as separate words. */
function splitGluedWords(text: string): string {
  return text.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
}

/** The period named right after an amount (up to the next number), or null. */
export function periodAfter(text: string, end: number, limit = 40): SalaryPeriod | null {
  const window = wordWindow(text, end, limit);
  const match = PERIOD_AFTER.exec(window);
  if (!match?.groups) return null;
  const { short, word, pa } = match.groups;
  if (pa !== undefined) return "year";
  if (short !== undefined && short.toLowerCase() === "a") return "year"; // "€/a": per annum
  return periodOfWord(short ?? word ?? "");
}

/** The period named shortly before an amount in its sentence ("annual salary: $x"), closest first. */
export function periodBefore(text: string, start: number, limit = 60): SalaryPeriod | null {
  // Only the same line and sentence: "3 days per week. Salary: $x" says nothing of $x.
  const window =
    text
      .slice(Math.max(0, start - limit), start)
      .split(/\n|[.!?;]\s/)
      .pop() ?? "";
  let found: SalaryPeriod | null = null;
  for (const match of window.matchAll(PERIOD_BEFORE)) {
    const g = match.groups ?? {};
    const word = g.word ?? g.per ?? DE_PREFIX[(g.de ?? "").toLowerCase()] ?? "";
    found = periodOfWord(word) ?? found;
  }
  return found;
}

const DE_PREFIX: Record<string, string> = {
  stunden: "hour",
  tages: "day",
  wochen: "week",
  monats: "month",
  jahres: "year",
};

/** Turns one money match into a salary, naming or inferring the period. */
export function toParsedSalary(
  money: MoneyMatch,
  period: SalaryPeriod | null,
  defaultCurrency: string | null = null,
): ParsedSalary {
  let min: number | null = money.low;
  let max: number | null = money.high ?? money.low;
  if (money.qualifier === "up-to") min = null;
  if (money.qualifier === "from") max = null;
  const stated = period ?? money.periodFromMultiplier;
  return {
    min,
    max,
    currency: money.currency ?? defaultCurrency,
    period: stated ?? inferPeriod(max ?? min ?? 0),
    periodInferred: stated === null,
    bareDollar: money.bareDollar,
  };
}

/**
 * Pay from a board's free-text salary field: "$120k–150k", "€60.000",
 * "60.000 € brutto/Jahr", "45/hour", "USD 100000-120000", "up to $185,500",
 * "₹12 LPA", "R$ 8.000/mês", "3000 - 4000 € al mes". A single amount is both min
 * and max ("up to" keeps only max, "from"/"+" only min). When no period is named
 * it is inferred from the amount: under 300 hourly, under 20,000 monthly, else
 * yearly. Amounts in millions or billions are not pay. Null when no amount is found.
 */
export function parseSalaryText(text: string): ParsedSalary | null {
  if (typeof text !== "string" || text.trim() === "") return null;
  const candidates = findMoney(text).filter((m) => !m.large);
  const money = candidates.find((m) => m.currency !== null) ?? candidates[0];
  if (!money) return null;
  const period =
    periodAfter(text, money.end, text.length) ?? periodBefore(text, money.start, money.start);
  return toParsedSalary(money, period);
}

/** Rough units per US dollar, so plausibility bounds fit currencies with large numbers. */
const CURRENCY_SCALE: Record<string, number> = {
  JPY: 150,
  KRW: 1300,
  INR: 80,
  IDR: 15000,
  VND: 25000,
  HUF: 350,
  CLP: 900,
  COP: 4000,
  ARS: 900,
  PHP: 55,
  THB: 35,
  RUB: 90,
  NGN: 1500,
  PKR: 280,
  KZT: 450,
  TRY: 30,
  UAH: 40,
  CZK: 22,
  EGP: 48,
  LKR: 300,
  KES: 130,
  MXN: 17,
  BRL: 5,
  ZAR: 18,
  CNY: 7,
  TWD: 32,
  SEK: 10,
  NOK: 10,
  DKK: 7,
  PLN: 4,
  RON: 4.5,
  UYU: 40,
  CRC: 520,
  RSD: 100,
  PEN: 3.7,
  MYR: 4.5,
};

/**
 * Whether a salary is believable as pay: a yearly equivalent between 5,000 and
 * 2,000,000, and an hourly rate between 5 and 1,000 (scaled for currencies such
 * as JPY or INR whose numbers run larger).
 */
export function isPlausibleSalary(salary: ParsedSalary): boolean {
  const scale = CURRENCY_SCALE[salary.currency ?? ""] ?? 1;
  const values = [salary.min, salary.max].filter((v): v is number => v !== null);
  if (values.length === 0) return false;
  return values.every((v) => {
    if (salary.period === "hour" && (v < 5 * scale || v > 1000 * scale)) return false;
    const yearly = annualize(v, salary.period);
    return yearly >= 5000 * scale && yearly <= 2_000_000 * scale;
  });
}

const PAY_WORDS =
  /(?<![\p{L}])(?:salary|salaries|compensation|pay|paid|base|range|rate|wage|wages|ote|earnings|remuneration|gehalt|jahresgehalt|bruttojahresgehalt|vergütung|lohn|salario|sueldo|salário|remuneração|remuneración|retribución|salaire|rémunération)(?![\p{L}])/giu;
const FUNDING_WORDS =
  /(?<![\p{L}])(?:raised|raising|funding|funded|series\s+[a-f]|seed|revenue|revenues|valuation|valued|investment|invested|investors?|backed|assets|arr|paid\s+out|payouts?|market\s+cap|sales\s+of|gmv|customers|users|donat\w*)(?![\p{L}])/giu;
/** Money that is a perk, not pay: "$1,000 learning budget", "stipend of $500". */
const PERK_AFTER =
  /^[ \t]*(?:(?!(?:plus|and|with|or|und|mit|y|con|e|com)[ \t])\p{L}[\p{L}-]*[ \t]+){0,2}(?:budget|stipend|allowance|bonus|bonuses|reimbursement|credit|credits|grant|referral|reward|relocation|sign[- ]on|signing|equity|match|coverage|deductible|gift|voucher|upon|one[- ]time|lump|flat\s+fee|annual\s+bonus)(?![\p{L}])/iu;
const PERK_BEFORE =
  /(?:budget|stipend|allowance|bonus|reimbursement|reimbursed|credit|grant|referral|reward|additional|differential|relocation|sign[- ]on|signing|equity|gift|voucher|deductible|coverage)\s+(?:\p{L}+\s+){0,3}$/iu;

/** How far (in characters) a pay word may be from an amount found in a description. */
const PAY_WORD_REACH = 80;

/**
 * Pay mentioned in a job description, found conservatively: an amount or range
 * with a currency sign or code, that has a pay word (salary, compensation, pay,
 * base, range, rate, OTE, Gehalt, salario, salário, remuneração, ...) within about
 * 80 characters or a period right after it ("$45/hour"). Funding and revenue
 * figures, millions and billions, and perks ("$1,000 learning budget") are skipped;
 * the result must be plausible (see isPlausibleSalary). Ranges and stated periods
 * are preferred over lone amounts; among equals, the first. Takes plain text.
 */
export function extractSalaryFromText(description: string): ParsedSalary | null {
  if (typeof description !== "string" || description === "") return null;
  let best: { salary: ParsedSalary; score: number } | null = null;
  for (const money of findMoney(description)) {
    if (money.currency === null || money.large) continue;
    if (isPerkOrPiecework(description, money)) continue;
    const period = periodAfter(description, money.end, 30);
    const payDistance = nearestDistance(description, money, PAY_WORDS);
    const fundingDistance = nearestDistance(description, money, FUNDING_WORDS);
    const nearPay =
      payDistance !== null &&
      payDistance <= PAY_WORD_REACH &&
      (fundingDistance === null || payDistance < fundingDistance);
    const explicitPeriod = period !== null && (fundingDistance === null || fundingDistance > 30);
    if (!nearPay && !explicitPeriod) continue;
    const salary = toParsedSalary(money, period ?? periodBefore(description, money.start));
    if (!isPlausibleSalary(salary)) continue;
    const score =
      (money.high !== null ? 2 : 0) + (salary.periodInferred ? 0 : 2) + (nearPay ? 1 : 0);
    if (best === null || score > best.score) best = { salary, score };
  }
  return best?.salary ?? null;
}

function isPerkOrPiecework(text: string, money: MoneyMatch): boolean {
  const after = splitGluedWords(text.slice(money.end, money.end + 40));
  const before = text.slice(Math.max(0, money.start - 30), money.start);
  return PERK_AFTER.test(after) || PIECE_RATE.test(after) || PERK_BEFORE.test(before);
}

/** Characters between the amount and the nearest match of `words` within the reach, or null. */
function nearestDistance(text: string, money: MoneyMatch, words: RegExp): number | null {
  const from = Math.max(0, money.start - PAY_WORD_REACH - 20);
  const window = text.slice(from, money.end + PAY_WORD_REACH + 20);
  let nearest: number | null = null;
  for (const match of window.matchAll(words)) {
    const start = from + (match.index ?? 0);
    const end = start + match[0].length;
    const distance =
      end <= money.start ? money.start - end : start >= money.end ? start - money.end : 0;
    if (nearest === null || distance < nearest) nearest = distance;
  }
  return nearest;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
