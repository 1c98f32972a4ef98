// A person's search in figures (GET /api/metrics, `aura metrics --json`).
import { z } from "../shared/contract-zod.ts";

export const weekMetricsSchema = z.object({
  week: z.string().meta({ description: "Monday of the week (UTC), YYYY-MM-DD" }),
  batches: z.number().int(),
  ratings: z.number().int(),
  averageStars: z.number().nullable(),
  averageMatch: z.number().nullable().meta({
    description: "Mean match (0–1) of the jobs in that week's batches",
  }),
  reward: z.number().meta({
    description: "Reward earned that week (ratings and application stages)",
  }),
  cumulativeReward: z.number(),
  skillGapIndex: z.number(),
  skillGapMeasured: z.boolean().meta({
    description: "Whether that week had liked jobs to measure the skill gap on",
  }),
});
export type WeekMetrics = z.infer<typeof weekMetricsSchema>;

export const batchMetricsSchema = z.object({
  batchId: z.number().int(),
  number: z.number().int().meta({ description: "The person's own count: 1 for their first batch" }),
  createdAt: z.string(),
  status: z.enum(["open", "locked"]),
  jobs: z.number().int().meta({ description: "Jobs shown in the batch" }),
  rated: z.number().int().meta({ description: "How many of them are rated" }),
  averageStars: z.number().nullable(),
  shareHigh: z
    .number()
    .nullable()
    .meta({ description: "Share (0–1) of the rated jobs given 4★ or 5★" }),
  averageMatch: z.number().nullable().meta({
    description: "Mean match (0–1) of the batch's jobs when it was made",
  }),
});
export type BatchMetrics = z.infer<typeof batchMetricsSchema>;

export const applicationFunnelSchema = z
  .object({
    applied: z.number().int(),
    interview: z.number().int(),
    offer: z.number().int(),
  })
  .meta({
    description:
      "Jobs whose application reached each step or beyond: interview is a first or second interview, offer an offer or acceptance",
  });
export type ApplicationFunnel = z.infer<typeof applicationFunnelSchema>;

export const userMetricsSchema = z
  .object({
    ratings: z.object({ count: z.number().int(), averageStars: z.number().nullable() }),
    batches: z.object({ open: z.number().int(), locked: z.number().int() }),
    outcomes: z.record(z.string(), z.number().int()).meta({ description: "Outcome rows by stage" }),
    weeks: z.array(weekMetricsSchema),
    perBatch: z.array(batchMetricsSchema).meta({ description: "Every batch, oldest first" }),
    funnel: applicationFunnelSchema,
  })
  .meta({ id: "Metrics" });
export type UserMetrics = z.infer<typeof userMetricsSchema>;
