import { z } from "zod";
import { optionalNumber, optionalText, requiredText, textList } from "../parse-raw.ts";

/** One job of Arbeitnow's `GET /api/job-board-api` (the `data` array). */
export const arbeitnowJob = z.object({
  slug: optionalText,
  url: requiredText,
  title: requiredText,
  company_name: requiredText,
  description: optionalText,
  remote: z.unknown().transform((v) => {
    if (v === true || v === "true" || v === 1 || v === "1") return true;
    if (v === false || v === "false" || v === 0 || v === "0") return false;
    return null;
  }),
  tags: textList,
  /** Mixes employment types ("Full-time permanent") with levels ("berufserfahren"). */
  job_types: textList,
  location: optionalText,
  /** Epoch seconds. */
  created_at: optionalNumber,
});
export type ArbeitnowJob = z.infer<typeof arbeitnowJob>;

/** A page: `data`, and `links.next` (null on the last page). */
export const arbeitnowPage = z.object({
  data: z.array(z.unknown()),
  links: z
    .object({ next: z.string().nullish().catch(null) })
    .nullish()
    .catch(null),
});

export const arbeitnowOptions = z
  .object({
    /** Pages of 100 jobs to read at most. */
    maxPages: z.number().int().min(1).max(100).default(5),
  })
  .strict();
export type ArbeitnowOptions = z.infer<typeof arbeitnowOptions>;
