import { sourceLabel } from "../sources/registry.ts";
import type { RankedJob } from "./rank-jobs.ts";
import type { RankedJobView } from "./ranked-job-schema.ts";

export type { RankedJobView } from "./ranked-job-schema.ts";

/** A ranked job as `rank --json` and the API show it: the job, its score, every feature and the reasons. */
export function rankedJobView(item: RankedJob): RankedJobView {
  const { job } = item;
  return {
    id: job.id,
    title: job.title,
    company: job.company,
    url: job.url,
    score: item.score,
    features: item.features,
    why: item.why,
    location: job.location,
    remote: job.remote,
    salary:
      job.salaryMin !== null || job.salaryMax !== null
        ? {
            min: job.salaryMin,
            max: job.salaryMax,
            currency: job.currency,
            period: job.salaryPeriod,
          }
        : null,
    postedAt: job.postedAt?.toISOString() ?? null,
    sources: job.sources.map((s) => ({
      source: s.source,
      board: sourceLabel(s.source),
      url: s.url,
    })),
  };
}
