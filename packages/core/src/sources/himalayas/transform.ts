import { transformWith } from "../parse-raw.ts";
import { himalayasJob, himalayasUrl } from "./types.ts";

export const transformHimalayas = transformWith(himalayasJob, (job) => {
  const url = himalayasUrl(job) as string;
  const places = job.locationRestrictions;
  return {
    externalId: job.guid ?? url,
    url,
    title: job.title,
    company: job.companyName,
    description: job.description ?? job.excerpt,
    location: places.length ? places.join(", ") : null,
    // Himalayas lists remote jobs only; restrictions say where the worker may live.
    remote: "remote",
    country: places.length === 1 ? places[0] : null,
    salaryMin: job.minSalary,
    salaryMax: job.maxSalary,
    currency: job.currency,
    salaryPeriod: job.salaryPeriod,
    postedAt: job.pubDate,
    employmentType: job.employmentType,
    seniority: job.seniority.length ? job.seniority.join(", ") : null,
    tags: [...new Set([...job.categories, ...job.parentCategories])],
  };
});
