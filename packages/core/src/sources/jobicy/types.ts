import { z } from "zod";
import { idText, optionalNumber, optionalText, requiredText, textList } from "../parse-raw.ts";

/** One job of Jobicy's `GET /api/v2/remote-jobs` (the `jobs` array). */
export const jobicyJob = z.object({
  id: idText.nullish().catch(null),
  url: requiredText,
  jobTitle: requiredText,
  companyName: requiredText,
  /** Industries, HTML-escaped as Jobicy sends them ("Content &amp; Editorial"). */
  jobIndustry: textList,
  /** ["Full-Time"], ["Contract", "Part-Time"], ... */
  jobType: textList,
  /** Where the worker may live: "USA", "Anywhere", "EMEA", ... */
  jobGeo: optionalText,
  /** "Senior", "Midweight", "Director", ... */
  jobLevel: optionalText,
  jobDescription: optionalText,
  jobExcerpt: optionalText,
  /** ISO date-time, "2026-08-03T18:45:05+00:00". */
  pubDate: optionalText,
  salaryMin: optionalNumber,
  salaryMax: optionalNumber,
  salaryCurrency: optionalText,
  /** "yearly", "monthly", "hourly", ... */
  salaryPeriod: optionalText,
});
export type JobicyJob = z.infer<typeof jobicyJob>;

export const jobicyResponse = z.object({ jobs: z.array(z.unknown()) });

const filterText = z.string().trim().min(1).optional();

export const jobicyOptions = z
  .object({
    /** Jobs to ask for (`count`, Jobicy allows 1–100). */
    count: z.number().int().min(1).max(100).default(50),
    /** A region or country slug, e.g. "usa", "emea" (`geo`). */
    geo: filterText,
    /** An industry slug, e.g. "dev", "marketing" (`industry`). */
    industry: filterText,
    /** A search term for titles and descriptions (`tag`, 3–50 characters). */
    tag: z.string().trim().min(3).max(50).optional(),
  })
  .strict();
export type JobicyOptions = z.infer<typeof jobicyOptions>;
