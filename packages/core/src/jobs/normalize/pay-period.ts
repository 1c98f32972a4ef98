import { foldAccents } from "../../shared/fold.ts";
import type { SalaryPeriod } from "../job.ts";

/** Paid periods in a working year: 40 h × 52 weeks, 5 days × 52 weeks. */
const PER_YEAR: Record<SalaryPeriod, number> = {
  hour: 2080,
  day: 260,
  week: 52,
  month: 12,
  year: 1,
};

/** Words for each period (English, German, Spanish, Portuguese), accents stripped. */
const PERIOD_WORDS: Record<SalaryPeriod, readonly string[]> = {
  hour: [
    "hour",
    "hours",
    "hourly",
    "hr",
    "hrs",
    "h",
    "stunde",
    "stunden",
    "stundlich",
    "hora",
    "horas",
    "heure",
    "heures",
    "horaire",
  ],
  day: [
    "day",
    "days",
    "daily",
    "d",
    "diem",
    "tag",
    "taglich",
    "dia",
    "dias",
    "diario",
    "diaria",
    "jour",
    "jours",
  ],
  week: [
    "week",
    "weeks",
    "weekly",
    "wk",
    "w",
    "woche",
    "wochentlich",
    "semana",
    "semanal",
    "semaine",
    "semaines",
  ],
  month: [
    "month",
    "months",
    "monthly",
    "mo",
    "mth",
    "m",
    "monat",
    "monatlich",
    "mes",
    "meses",
    "mensal",
    "mensual",
    "mois",
    "mensuel",
    "mensuelle",
  ],
  year: [
    "year",
    "years",
    "yearly",
    "yr",
    "y",
    "annual",
    "annually",
    "annum",
    "anual",
    "pa",
    "jahr",
    "jahrlich",
    "ano",
    "anos",
    "lpa",
    "ctc",
    "an",
    "annee",
    "annees",
    "annuel",
    "annuelle",
  ],
};

const WORD_TO_PERIOD = new Map<string, SalaryPeriod>();
for (const [period, words] of Object.entries(PERIOD_WORDS) as [SalaryPeriod, readonly string[]][]) {
  for (const word of words) WORD_TO_PERIOD.set(word, period);
}

/** The period a single word names ("hourly", "Jahr", "mês", "yr"), or null. */
export function periodOfWord(word: string): SalaryPeriod | null {
  return WORD_TO_PERIOD.get(foldAccents(word.toLowerCase())) ?? null;
}

/** Filler in board values such as "per_year", "per-hour-wage", "a year", "Pro Jahr". */
const FILLER = new Set([
  "per",
  "a",
  "an",
  "each",
  "pro",
  "por",
  "par",
  "al",
  "salary",
  "wage",
  "rate",
  "every",
  "im",
]);

/**
 * A board's pay period ("annual", "yearly", "per_year", "monthly", "Hourly",
 * "per-hour-wage", "p.a.") as a SalaryPeriod, or null when it names none.
 */
export function normalizePeriod(value: string | null | undefined): SalaryPeriod | null {
  if (typeof value !== "string") return null;
  const folded = foldAccents(value.toLowerCase()).replace(/\bp\.?\s?a\.?(?=\s|$)/g, "pa");
  const words = folded.split(/[^a-z]+/).filter((w) => w !== "" && !FILLER.has(w));
  if (words.length !== 1) return null;
  return WORD_TO_PERIOD.get(words[0] as string) ?? null;
}

/** A pay amount per period as a yearly amount (hour × 2080, day × 260, week × 52, month × 12). */
export function annualize(amount: number, period: SalaryPeriod): number {
  return amount * PER_YEAR[period];
}

/**
 * The period an amount with no stated period most likely has: under 300 is
 * hourly, under 20,000 monthly, anything more yearly.
 */
export function inferPeriod(amount: number): SalaryPeriod {
  if (amount < 300) return "hour";
  if (amount < 20_000) return "month";
  return "year";
}
