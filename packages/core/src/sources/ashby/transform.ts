import { boardFromUrl, companyFromBoardName } from "../company-name.ts";
import { transformWith } from "../parse-raw.ts";
import type { SourcePosting } from "../types.ts";
import { type AshbyJob, ashbyJob } from "./types.ts";

const ASHBY_HOST = /(^|\.)ashbyhq\.com$/i;

const WORKPLACE: Record<string, SourcePosting["remote"]> = {
  remote: "remote",
  hybrid: "hybrid",
  onsite: "onsite",
  "on-site": "onsite",
};

const EMPLOYMENT: Record<string, string> = {
  fulltime: "Full-time",
  parttime: "Part-time",
  intern: "Internship",
  contract: "Contract",
  temporary: "Temporary",
};

/** Ashby's compensation intervals ("1 YEAR") as periods. */
const INTERVAL: Record<string, string> = {
  "1 YEAR": "year",
  "1 MONTH": "month",
  "1 WEEK": "week",
  "1 DAY": "day",
  "1 HOUR": "hour",
};

export const transformAshby = transformWith(ashbyJob, (job) => {
  if (job.isListed === false) throw new Error("isListed: the posting is unlisted");
  const board = job._board ?? boardFromUrl(job.jobUrl ?? job.applyUrl, ASHBY_HOST);
  const company = job._company ?? (board ? companyFromBoardName(board) : null);
  if (!company) throw new Error("company: unknown (no Ashby board to name it)");
  const url =
    job.jobUrl ??
    (board ? `https://jobs.ashbyhq.com/${encodeURIComponent(board)}/${job.id}` : job.applyUrl);
  if (!url) throw new Error("jobUrl: missing");
  const locations = [
    ...new Set([job.location, ...job.secondaryLocations].filter((l): l is string => !!l)),
  ];
  const workplace = job.workplaceType?.toLowerCase().replace(/\s+/g, "") ?? "";
  return {
    externalId: job.id,
    url,
    title: job.title,
    company,
    description: job.descriptionHtml ?? job.descriptionPlain,
    location: locations.length ? locations.join("; ") : null,
    remote: WORKPLACE[workplace] ?? (job.isRemote ? "remote" : null),
    country: job.address?.addressCountry ?? null,
    postedAt: job.publishedAt,
    employmentType: job.employmentType
      ? (EMPLOYMENT[job.employmentType.toLowerCase().replace(/[^a-z]/g, "")] ?? job.employmentType)
      : null,
    ...salary(job.compensation),
    tags: [...new Set([job.department, job.team].filter((t): t is string => !!t))],
  };
});

/** The tier summary as text; the first salary component (not equity, not bonus) as numbers. */
function salary(compensation: AshbyJob["compensation"]): Partial<SourcePosting> {
  if (!compensation) return {};
  const text =
    compensation.compensationTierSummary ?? compensation.scrapeableCompensationSalarySummary;
  const component = compensation.summaryComponents.find(
    (c) =>
      (c.minValue !== null || c.maxValue !== null) &&
      (c.compensationType === null || /salary/i.test(c.compensationType)),
  );
  return {
    salaryText: text,
    ...(component && {
      salaryMin: component.minValue,
      salaryMax: component.maxValue,
      currency: component.currencyCode,
      salaryPeriod: component.interval
        ? (INTERVAL[component.interval.toUpperCase()] ?? component.interval)
        : null,
    }),
  };
}
