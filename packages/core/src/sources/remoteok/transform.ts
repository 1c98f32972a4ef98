import { transformWith } from "../parse-raw.ts";
import { remoteOkJob } from "./types.ts";

export const transformRemoteOk = transformWith(remoteOkJob, (job) => ({
  externalId: job.id,
  url: job.url ?? `https://remoteok.com/remote-jobs/${job.slug ?? job.id}`,
  title: job.position,
  company: job.company,
  description: job.description,
  location: job.location,
  // Remote OK lists remote jobs only.
  remote: "remote",
  // Remote OK reports 0 for "not given"; its salaries are yearly USD.
  salaryMin: job.salary_min || null,
  salaryMax: job.salary_max || null,
  currency: job.salary_min || job.salary_max ? "USD" : null,
  salaryPeriod: job.salary_min || job.salary_max ? "year" : null,
  postedAt: job.epoch ?? job.date,
  tags: job.tags,
}));
