import { boardFromUrl, companyFromBoardName } from "../company-name.ts";
import { transformWith } from "../parse-raw.ts";
import type { SourcePosting } from "../types.ts";
import { leverPosting } from "./types.ts";

const LEVER_HOST = /(^|\.)lever\.co$/i;

const WORKPLACE: Record<string, SourcePosting["remote"]> = {
  remote: "remote",
  hybrid: "hybrid",
  onsite: "onsite",
  "on-site": "onsite",
};

/** Lever's salary intervals ("per-year-salary") as periods. */
const INTERVAL: Record<string, string> = {
  "per-year-salary": "year",
  "per-month-salary": "month",
  "per-week-salary": "week",
  "per-day-wage": "day",
  "per-hour-wage": "hour",
};

export const transformLever = transformWith(leverPosting, (job) => {
  const site = job._site ?? boardFromUrl(job.hostedUrl ?? job.applyUrl, LEVER_HOST);
  const company = job._company ?? (site ? companyFromBoardName(site) : null);
  if (!company) throw new Error("company: unknown (no Lever site to name it)");
  const url =
    job.hostedUrl ??
    (site ? `https://jobs.lever.co/${encodeURIComponent(site)}/${job.id}` : job.applyUrl);
  if (!url) throw new Error("hostedUrl: missing");
  const categories = job.categories;
  const locations = [
    ...new Set(
      [categories?.location, ...(categories?.allLocations ?? [])].filter((l): l is string => !!l),
    ),
  ];
  const range = job.salaryRange;
  const salary =
    range && (range.min !== null || range.max !== null)
      ? {
          salaryMin: range.min,
          salaryMax: range.max,
          currency: range.currency,
          salaryPeriod: range.interval ? (INTERVAL[range.interval] ?? range.interval) : null,
        }
      : { salaryText: job.salaryDescriptionPlain ?? job.salaryDescription };
  return {
    externalId: job.id,
    url,
    title: job.text,
    company,
    description: describe(job),
    location: locations.length ? locations.join("; ") : null,
    remote: WORKPLACE[job.workplaceType?.toLowerCase() ?? ""] ?? null,
    country: job.country,
    ...salary,
    postedAt: job.createdAt,
    employmentType: categories?.commitment ?? null,
    tags: [...new Set([categories?.team, categories?.department].filter((t): t is string => !!t))],
  };
});

/** Lever splits a posting in parts: description, headed lists, and a closing part. */
function describe(job: {
  description: string | null;
  descriptionPlain: string | null;
  lists: { text: string | null; content: string | null }[];
  additional: string | null;
  additionalPlain: string | null;
}): string | null {
  const parts: string[] = [];
  const opening = job.description ?? plainToHtml(job.descriptionPlain);
  if (opening) parts.push(opening);
  for (const list of job.lists) {
    if (list.text) parts.push(`<h3>${escapeHtml(list.text)}</h3>`);
    if (list.content) {
      parts.push(/<li[\s>]/i.test(list.content) ? `<ul>${list.content}</ul>` : list.content);
    }
  }
  const closing = job.additional ?? plainToHtml(job.additionalPlain);
  if (closing) parts.push(closing);
  return parts.length ? parts.join("\n") : null;
}

function plainToHtml(text: string | null): string | null {
  if (!text) return null;
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
