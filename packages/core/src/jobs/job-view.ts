import { sourceLabel } from "../sources/registry.ts";
import type { JobView } from "./job-schema.ts";
import type { StoredJob } from "./stored-job.ts";

export type { JobView } from "./job-schema.ts";

/** A job as AURA shows it to people and machines: every board that lists it, credited. */
export function toJobView(job: StoredJob, options: { withDescription?: boolean } = {}): JobView {
  return {
    id: job.id,
    title: job.title,
    company: job.company,
    url: job.sources[0]?.url ?? job.url,
    sources: job.sources.map((s) => ({ name: s.source, label: sourceLabel(s.source), url: s.url })),
    location: job.location,
    country: job.country,
    remote: job.remote,
    salaryMin: job.salaryMin,
    salaryMax: job.salaryMax,
    currency: job.currency,
    salaryPeriod: job.salaryPeriod,
    salaryMinAnnual: job.salaryMinAnnual,
    salaryMaxAnnual: job.salaryMaxAnnual,
    seniority: job.seniority,
    employmentType: job.employmentType,
    tags: job.tags,
    skills: job.skills ?? [],
    postedAt: job.postedAt?.toISOString() ?? null,
    firstSeenAt: job.firstSeenAt.toISOString(),
    expiredAt: job.expiredAt?.toISOString() ?? null,
    ...(options.withDescription ? { description: job.description } : {}),
  };
}
