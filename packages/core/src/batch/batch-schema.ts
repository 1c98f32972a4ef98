// A batch as the API and the web app show it: the jobs to rate, with the ranker's reasons.

import { jobViewSchema } from "../jobs/job-schema.ts";
import { whySchema } from "../rank/ranked-job-schema.ts";
import { z } from "../shared/contract-zod.ts";
import { ratingSchema } from "./ratings.ts";

export const batchJobSchema = z.object({
  position: z.number().int(),
  score: z.number().meta({ description: "The ranker's score when the batch was made" }),
  job: jobViewSchema,
  /** The ranker's reasons when the batch was made (null for batches made before they were kept). */
  why: whySchema.nullable(),
  rating: ratingSchema.nullable(),
});
export type BatchJob = z.infer<typeof batchJobSchema>;

export const batchSchema = z
  .object({
    id: z.number().int(),
    number: z
      .number()
      .int()
      .min(1)
      .meta({ description: "The person's own count: 1 for their first batch" }),
    status: z.enum(["open", "locked"]),
    createdAt: z.string(),
    lockedAt: z.string().nullable(),
    complete: z.boolean().meta({ description: "Every job is rated, so the batch can be locked" }),
    jobs: z.array(batchJobSchema),
  })
  .meta({ id: "Batch" });
export type Batch = z.infer<typeof batchSchema>;
