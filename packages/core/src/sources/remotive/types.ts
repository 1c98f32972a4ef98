import { z } from "zod";
import { idText, optionalText, requiredText, textList } from "../parse-raw.ts";

/** One job of Remotive's `GET /api/remote-jobs` (the `jobs` array). */
export const remotiveJob = z.object({
  id: idText.nullish().catch(null),
  url: requiredText,
  title: requiredText,
  company_name: requiredText,
  category: optionalText,
  tags: textList,
  job_type: optionalText,
  /** ISO date-time without a zone ("2026-04-21T12:46:23"): UTC. */
  publication_date: optionalText,
  candidate_required_location: optionalText,
  /** Free text: "$48k - $60k", "$14/hour", or empty. */
  salary: optionalText,
  description: optionalText,
});
export type RemotiveJob = z.infer<typeof remotiveJob>;

/** The response: warning and legal-notice keys, counts, and `jobs`. */
export const remotiveResponse = z.object({ jobs: z.array(z.unknown()) });

export const remotiveOptions = z
  .object({
    /** A category slug, e.g. "software-dev" (`?category=`). */
    category: z.string().trim().min(1).optional(),
    /** Words to search titles and descriptions for (`?search=`). */
    search: z.string().trim().min(1).optional(),
  })
  .strict();
export type RemotiveOptions = z.infer<typeof remotiveOptions>;
