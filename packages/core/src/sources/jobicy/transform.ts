import { transformWith } from "../parse-raw.ts";
import { jobicyJob } from "./types.ts";

export const transformJobicy = transformWith(jobicyJob, (job) => ({
  externalId: job.id ?? job.url,
  url: job.url,
  title: job.jobTitle,
  company: job.companyName,
  description: job.jobDescription ?? job.jobExcerpt,
  location: job.jobGeo,
  // Jobicy lists remote jobs only.
  remote: "remote",
  salaryMin: job.salaryMin,
  salaryMax: job.salaryMax,
  currency: job.salaryCurrency,
  salaryPeriod: job.salaryPeriod,
  postedAt: job.pubDate,
  employmentType: job.jobType.length ? job.jobType.join(", ") : null,
  seniority: job.jobLevel,
  tags: job.jobIndustry,
}));
