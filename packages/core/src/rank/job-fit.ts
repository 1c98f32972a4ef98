import type { JobRow } from "../jobs/store/list-jobs.ts";
import type { ExperienceLevel, Preferences } from "../profile/preferences.ts";
import { detectCountry, placeKey } from "../shared/location.ts";
import { convertCurrency } from "./exchange-rates.ts";

/**
 * The preference features of one job: each a value in [-1, 1] (0 = no opinion, which is what
 * unknown data and unset preferences give) and a verdict a person can read.
 */
export interface Fit {
  value: number;
  verdict: string;
}

/** What ranking reads of a job: a slice of its row, so candidates load fast. */
export type JobFacts = Pick<
  JobRow,
  | "id"
  | "title"
  | "company"
  | "location"
  | "country"
  | "remote"
  | "currency"
  | "salaryMinAnnual"
  | "salaryMaxAnnual"
  | "seniority"
  | "tags"
  | "postedAt"
  | "firstSeenAt"
  | "contentHash"
  | "skills"
  | "skillsKey"
  | "description"
>;

const neutral = (verdict: string): Fit => ({ value: 0, verdict });

function formatMoney(amount: number, currency: string): string {
  return `${currency} ${Math.round(amount).toLocaleString("en-US")}`;
}

/** Pay against the person's minimum, annualized and in the person's currency. */
export function salaryFit(job: JobFacts, prefs: Preferences): Fit {
  const top = job.salaryMaxAnnual ?? job.salaryMinAnnual;
  const bottom = job.salaryMinAnnual ?? job.salaryMaxAnnual;
  if (top === null || bottom === null) return neutral("salary not stated");
  if (!job.currency) return neutral("salary stated without a currency");
  const wanted = prefs.minSalary;
  const currency = prefs.currency;
  const high = convertCurrency(top, job.currency, currency);
  const low = convertCurrency(bottom, job.currency, currency);
  if (high === null || low === null) return neutral(`salary in ${job.currency}, not comparable`);
  const range =
    Math.round(low) === Math.round(high)
      ? formatMoney(high, currency)
      : `${formatMoney(low, currency)}–${Math.round(high).toLocaleString("en-US")}`;
  if (wanted === undefined || wanted <= 0) return { value: 0, verdict: `pays ${range} a year` };
  if (low >= wanted) return { value: 1, verdict: `pays ${range} a year, at or above your minimum` };
  if (high >= wanted) {
    return { value: 0.5, verdict: `pays ${range} a year; your minimum is within the range` };
  }
  // Below the minimum: the further below, the worse, down to -1 at half of it.
  const shortfall = (wanted - high) / wanted;
  return {
    value: -Math.min(1, shortfall * 2),
    verdict: `pays ${range} a year, below your minimum of ${formatMoney(wanted, currency)}`,
  };
}

/** Whether the job is known to be in another country than the person's city. */
function otherCountryOf(job: JobFacts, city: string | undefined): boolean {
  const home = city ? detectCountry({ location: city }) : null;
  return home !== null && job.country !== null && job.country !== home;
}

/** Remote/hybrid/on-site against the modes wanted, and the place against the person's city. */
export function locationFit(job: JobFacts, prefs: Preferences): Fit {
  const modes = prefs.locationModes;
  const where = job.location ? ` (${job.location})` : "";
  const mode = job.remote;
  const city = prefs.city ? placeKey(prefs.city) : "";
  const cityName = city ? (prefs.city?.split(",")[0]?.trim() ?? "") : "";
  const jobPlace = job.location ? placeKey(job.location) : "";
  // Whole place words only: "York" is not in "New York", nor "Nice" in "Venice".
  const cityKey = placeKey(cityName);
  const sameCity =
    cityKey !== "" && ` ${jobPlace} `.includes(` ${cityKey} `) && !otherCountryOf(job, prefs.city);
  const homeCountry = prefs.city ? detectCountry({ location: prefs.city }) : null;
  const sameCountry = homeCountry !== null && job.country === homeCountry;
  const otherCountry = homeCountry !== null && job.country !== null && job.country !== homeCountry;

  if (mode === "unknown") {
    if (sameCity) return { value: 0.5, verdict: `in ${prefs.city}; remote or not is not stated` };
    return neutral(`work mode not stated${where}`);
  }
  const label = mode === "onsite" ? "on-site" : mode;
  if (modes.length > 0 && !modes.includes(mode)) {
    // A hybrid or on-site job in the person's own city is a smaller miss.
    const value = sameCity ? -0.25 : -1;
    return { value, verdict: `${label}${where}; you want ${modes.join(" or ")}` };
  }
  if (mode === "remote") {
    // A remote job tied to another country is worth less than one open to the person.
    const open = modes.length > 0 ? 1 : 0;
    if (otherCountry) {
      return { value: open - 0.5, verdict: `remote${where}; may be limited to ${job.country}` };
    }
    return { value: open, verdict: `remote${where}` };
  }
  // Hybrid or on-site: the place decides.
  if (sameCity) return { value: 1, verdict: `${label} in your city${where}` };
  if (sameCountry) return { value: 0.25, verdict: `${label} in your country${where}` };
  if (otherCountry) return { value: -0.75, verdict: `${label} in another country${where}` };
  return { value: 0, verdict: `${label}${where}` };
}

/** AURA's job levels on the person's scale. */
export const JOB_LEVEL: Record<string, number> = {
  intern: 0,
  junior: 1,
  mid: 2,
  senior: 3,
  lead: 4,
  principal: 4,
  executive: 5,
};
const PERSON_LEVEL: Record<ExperienceLevel, number> = {
  student: 0,
  junior: 1,
  mid: 2,
  senior: 3,
  lead: 4,
};

export function seniorityFit(job: JobFacts, level: ExperienceLevel | undefined): Fit {
  if (!job.seniority) return neutral("level not stated");
  if (!level) return neutral(`${job.seniority} level`);
  const gap = (JOB_LEVEL[job.seniority] ?? 2) - PERSON_LEVEL[level];
  if (gap === 0) return { value: 1, verdict: `${job.seniority} level, as you want` };
  if (Math.abs(gap) === 1) {
    return {
      value: 0.25,
      verdict: `${job.seniority} level, one step ${gap > 0 ? "above" : "below"} yours`,
    };
  }
  return {
    value: -1,
    verdict: `${job.seniority} level, ${gap > 0 ? "well above" : "well below"} yours (${level})`,
  };
}

/** Words that say what kind of company it is, found in the job's text. */
const COMPANY_TYPE_CUES: Record<string, RegExp> = {
  startup: /\b(start-?up|seed(?:-stage| round)|series [ab]\b|early[- ]stage|founding team)/i,
  scaleup: /\b(scale-?up|series [c-f]\b|hypergrowth|fast[- ]growing)/i,
  enterprise:
    /\b(fortune (?:100|500)|enterprise|multinational|global leader|publicly traded|nyse|nasdaq)/i,
  agency: /\b(agency|consultancy|consulting firm|our clients)/i,
  nonprofit: /\b(non-?profit|not-for-profit|charity|ngo|501\(c\))/i,
  "public sector": /\b(government|public sector|federal agency|municipal|ministry)/i,
};

export function companyTypeFit(job: JobFacts, wanted: readonly string[]): Fit {
  if (wanted.length === 0) return neutral("no company type asked for");
  const text = `${job.company} ${job.description.slice(0, 6000)}`;
  const found = Object.entries(COMPANY_TYPE_CUES)
    .filter(([, cue]) => cue.test(text))
    .map(([type]) => type);
  // "start-up", "Non_Profit", "public sector" all fold to the cue names' letters.
  const fold = (type: string) => type.toLowerCase().replace(/[^a-z]/g, "");
  const wantedKeys = wanted.map(fold);
  const hit = found.find((type) =>
    wantedKeys.some((w) => w.startsWith(fold(type).replace("sector", ""))),
  );
  if (hit) return { value: 1, verdict: `looks like ${article(hit)} ${hit}` };
  if (found.length > 0) {
    const type = found[0] ?? "";
    return { value: -0.25, verdict: `looks like ${article(type)} ${type}` };
  }
  return neutral("company type unknown");
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

/** 1 for a job posted today, halving every `halfLifeDays`; unknown dates count as middling. */
export function freshness(job: JobFacts, now: Date, halfLifeDays: number): Fit {
  const posted = job.postedAt ?? job.firstSeenAt;
  if (!posted) return { value: 0.5, verdict: "posting date unknown" };
  const days = Math.max(0, (now.getTime() - posted.getTime()) / 86_400_000);
  const value = 0.5 ** (days / halfLifeDays);
  const age =
    days < 1 ? "today" : `${Math.round(days)} day${Math.round(days) === 1 ? "" : "s"} ago`;
  return { value, verdict: `posted ${age}` };
}
