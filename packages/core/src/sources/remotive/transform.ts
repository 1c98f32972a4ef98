import { transformWith } from "../parse-raw.ts";
import { remotiveJob } from "./types.ts";

/** Remotive writes UTC times without a zone; say so, or they would read as local time. */
function remotiveDate(value: string | null): string | null {
  if (!value) return null;
  return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)
    ? `${value.replace(" ", "T")}Z`
    : value;
}

export const transformRemotive = transformWith(remotiveJob, (job) => ({
  externalId: job.id ?? job.url,
  url: job.url,
  title: job.title,
  company: job.company_name,
  description: job.description,
  location: job.candidate_required_location,
  // Remotive lists remote jobs only.
  remote: "remote",
  salaryText: job.salary,
  postedAt: remotiveDate(job.publication_date),
  employmentType: job.job_type,
  tags: uniqueTags(job.category, job.tags),
}));

function uniqueTags(category: string | null, tags: string[]): string[] {
  return [...new Set(category ? [category, ...tags] : tags)];
}
