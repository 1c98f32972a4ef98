import { z } from "zod";
import { idText, optionalNumber, optionalText, requiredText, textList } from "../parse-raw.ts";

/** The posting's page: `refs.landing_page`, else The Muse's URL pattern for it. */
export function theMuseUrl(job: {
  short_name: string | null;
  refs: { landing_page: string | null } | null;
  company: { short_name: string | null };
}): string | null {
  if (job.refs?.landing_page) return job.refs.landing_page;
  if (job.short_name && job.company.short_name) {
    return `https://www.themuse.com/jobs/${job.company.short_name}/${job.short_name}`;
  }
  return null;
}

/** One job of The Muse's `GET /api/public/jobs` (the `results` array). */
export const theMuseJob = z
  .object({
    id: idText.nullish().catch(null),
    /** The job title. */
    name: requiredText,
    short_name: optionalText,
    /** HTML. */
    contents: optionalText,
    /** ISO date-time with a zone. */
    publication_date: optionalText,
    /** [{name: "Brownsville, TX"}, {name: "Flexible / Remote"}] */
    locations: textList,
    categories: textList,
    /** [{name: "Mid Level", short_name: "mid"}] */
    levels: textList,
    refs: z
      .object({ landing_page: optionalText })
      .nullish()
      .catch(null)
      .transform((refs) => refs ?? null),
    company: z.object({ name: requiredText, short_name: optionalText }),
  })
  .refine((job) => theMuseUrl(job) !== null, {
    message: "no posting URL",
    path: ["refs", "landing_page"],
  });
export type TheMuseJob = z.infer<typeof theMuseJob>;

/** A page: `{page, page_count, items_per_page, total, results}`; pages count from 0. */
export const theMusePage = z.object({
  results: z.array(z.unknown()),
  page_count: optionalNumber,
});

/** A filter given once or as a list; each value becomes one repeated query parameter. */
const repeatable = z
  .union([z.string().trim().min(1), z.array(z.string().trim().min(1))])
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .default([]);

export const theMuseOptions = z
  .object({
    /** Pages of 20 jobs to read at most. */
    maxPages: z.number().int().min(1).max(100).default(5),
    /** Categories as The Muse names them: "Software Engineering", "Data Science", ... */
    category: repeatable,
    /** "Entry Level", "Mid Level", "Senior Level", "management", "Internship". */
    level: repeatable,
    /** "New York, NY", "Flexible / Remote", ... */
    location: repeatable,
  })
  .strict();
export type TheMuseOptions = z.infer<typeof theMuseOptions>;
