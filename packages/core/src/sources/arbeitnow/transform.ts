import { transformWith } from "../parse-raw.ts";
import { arbeitnowJob } from "./types.ts";

export const transformArbeitnow = transformWith(arbeitnowJob, (job) => ({
  externalId: job.slug ?? job.url,
  url: job.url,
  title: job.title,
  company: job.company_name,
  description: job.description,
  location: job.location,
  // `remote: false` does not tell on-site from hybrid: leave that to the text.
  remote: job.remote ? "remote" : null,
  postedAt: job.created_at,
  employmentType: job.job_types.length ? job.job_types.join(", ") : null,
  tags: job.tags,
}));
