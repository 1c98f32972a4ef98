import { z } from "zod";
import { optionalNumber, optionalText, requiredText, textList } from "../parse-raw.ts";

/** An epoch (number or numeric string) stays a number; other text stays text. */
const epochOrText = z.unknown().transform((value): number | string | null => {
  const epoch = optionalNumber.parse(value);
  if (epoch !== null) return epoch;
  return typeof value === "string" && value.trim() ? value.trim() : null;
});

/** The posting's page: `guid` when it is a URL, else `applicationLink`. */
export function himalayasUrl(job: { guid: string | null; applicationLink: string | null }) {
  if (job.guid && /^https?:\/\//i.test(job.guid)) return job.guid;
  return job.applicationLink;
}

/** One job of Himalayas' `GET /jobs/api` (the `jobs` array). */
export const himalayasJob = z
  .object({
    /** The posting's URL on Himalayas, which is also its id. */
    guid: optionalText,
    applicationLink: optionalText,
    title: requiredText,
    companyName: requiredText,
    employmentType: optionalText,
    minSalary: optionalNumber,
    maxSalary: optionalNumber,
    currency: optionalText,
    /** "annual", "monthly", "hourly". */
    salaryPeriod: optionalText,
    seniority: textList,
    /** Countries (names, or objects with a `name`); empty when open worldwide. */
    locationRestrictions: textList,
    categories: textList,
    parentCategories: textList,
    description: optionalText,
    excerpt: optionalText,
    /** Epoch seconds in the recordings (the docs say milliseconds); may come as a string. */
    pubDate: epochOrText,
  })
  .refine((job) => himalayasUrl(job) !== null, {
    message: "no posting URL (guid or applicationLink)",
    path: ["guid"],
  });
export type HimalayasJob = z.infer<typeof himalayasJob>;

/** A page: `{offset, limit, totalCount, jobs}`. */
export const himalayasPage = z.object({
  jobs: z.array(z.unknown()),
  totalCount: optionalNumber,
});

export const himalayasOptions = z
  .object({
    /** Jobs a request asks for (`limit`). */
    pageSize: z.number().int().min(1).max(100).default(20),
    /** Requests to make at most. */
    maxPages: z.number().int().min(1).max(1000).default(10),
  })
  .strict();
export type HimalayasOptions = z.infer<typeof himalayasOptions>;
