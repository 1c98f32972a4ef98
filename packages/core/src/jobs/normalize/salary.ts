import type { SourcePosting } from "../../sources/types.ts";
import type { Salary, SalaryPeriod } from "../job.ts";
import { normalizeCurrency } from "./currency.ts";
import { htmlToText } from "./html-to-text.ts";
import { annualize, inferPeriod, normalizePeriod } from "./pay-period.ts";
import { extractSalaryFromText, type ParsedSalary, parseSalaryText } from "./salary-text.ts";

export { normalizeCurrency } from "./currency.ts";
export { annualize, inferPeriod, normalizePeriod } from "./pay-period.ts";
export { extractSalaryFromText, type ParsedSalary, parseSalaryText } from "./salary-text.ts";

export const NO_SALARY: Salary = Object.freeze({
  min: null,
  max: null,
  currency: null,
  period: null,
  minAnnual: null,
  maxAnnual: null,
});

/** Where "$" most likely means the local dollar rather than the US one. */
const LOCAL_DOLLAR: Record<string, string> = {
  CA: "CAD",
  AU: "AUD",
  NZ: "NZD",
  SG: "SGD",
  HK: "HKD",
  MX: "MXN",
};

export interface SalaryContext {
  /** The description as clean text, when the caller has it already (saves parsing HTML twice). */
  descriptionText?: string;
  /** ISO country of the job: a bare "$" in a Canadian job's text is read as CAD. */
  country?: string | null;
}

/**
 * The posting's pay, from the best source it has: the board's numbers first
 * (with its currency and period; a missing period is taken from `salaryText` or
 * inferred from the amount), then the free-text `salaryText`, then an amount found
 * in the description. Min and max are swapped when reversed; zero, negative and
 * non-numeric amounts are dropped, and so is a yearly amount under 1,000. Annual
 * figures are filled in (hour × 2080, day × 260, week × 52, month × 12).
 */
export function buildSalary(posting: SourcePosting, context: SalaryContext = {}): Salary {
  const text = typeof posting.salaryText === "string" ? parseSalaryText(posting.salaryText) : null;
  const structured = fromNumbers(posting, text);
  if (structured) return structured;
  if (text) {
    const fromText = finish(text, posting, context.country);
    if (fromText) return fromText;
  }
  const description =
    context.descriptionText ??
    (typeof posting.description === "string" ? htmlToText(posting.description) : "");
  const found = extractSalaryFromText(description);
  return (found && finish(found, posting, context.country)) ?? NO_SALARY;
}

/** The board's own numbers, or null when it gave none that are usable. */
function fromNumbers(posting: SourcePosting, text: ParsedSalary | null): Salary | null {
  const min = positiveAmount(posting.salaryMin);
  const max = positiveAmount(posting.salaryMax);
  if (min === null && max === null) return null;
  const period =
    normalizePeriod(posting.salaryPeriod) ??
    (text && !text.periodInferred ? text.period : null) ??
    inferPeriod(Math.max(min ?? 0, max ?? 0));
  const currency = normalizeCurrency(posting.currency) ?? text?.currency ?? null;
  return toSalary(min, max, currency, period);
}

/** A salary parsed from text, with the board's currency and period where the text has none. */
function finish(
  parsed: ParsedSalary,
  posting: SourcePosting,
  country?: string | null,
): Salary | null {
  const boardPeriod = normalizePeriod(posting.salaryPeriod);
  const period = parsed.periodInferred && boardPeriod ? boardPeriod : parsed.period;
  const boardCurrency = normalizeCurrency(posting.currency);
  let currency = parsed.currency ?? boardCurrency;
  if (parsed.bareDollar) currency = boardCurrency ?? LOCAL_DOLLAR[country ?? ""] ?? currency;
  return toSalary(parsed.min, parsed.max, currency, period);
}

function toSalary(
  rawMin: number | null,
  rawMax: number | null,
  currency: string | null,
  period: SalaryPeriod,
): Salary | null {
  let min = plausibleForPeriod(rawMin, period);
  let max = plausibleForPeriod(rawMax, period);
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  return {
    min,
    max,
    currency,
    period,
    minAnnual: min === null ? null : Math.round(annualize(min, period)),
    maxAnnual: max === null ? null : Math.round(annualize(max, period)),
  };
}

/** Under 1,000 a year is no salary: most likely thousands written short, or a typo. */
function plausibleForPeriod(amount: number | null, period: SalaryPeriod): number | null {
  if (amount === null) return null;
  return period === "year" && amount < 1000 ? null : amount;
}

function positiveAmount(value: unknown): number | null {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : null;
}
