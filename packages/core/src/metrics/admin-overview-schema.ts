// The admin view across users (GET /api/admin/overview).

import { OUTCOME_STAGES, type OutcomeStage } from "../db/schema.ts";
import { z } from "../shared/contract-zod.ts";

const stageCounts = z.object(
  Object.fromEntries(OUTCOME_STAGES.map((stage) => [stage, z.number().int()])) as Record<
    OutcomeStage,
    z.ZodNumber
  >,
);

export const pipelineRunSchema = z.object({
  id: z.number().int(),
  kind: z.enum(["ingest", "import"]),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(["ok", "partial", "failed", "running"]),
  offline: z.boolean(),
  durationMs: z.number().int().nullable(),
  sources: z.number().int(),
  fetched: z.number().int(),
  new: z.number().int(),
  updated: z.number().int(),
  duplicates: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
  expired: z.number().int(),
  messages: z.array(z.string()),
});
export type PipelineRun = z.infer<typeof pipelineRunSchema>;

export const sourceHealthSchema = z.object({
  source: z.string(),
  label: z.string(),
  liveJobs: z.number().int(),
  totalJobs: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  lastError: z.object({ at: z.string(), message: z.string() }).nullable(),
});
export type SourceHealth = z.infer<typeof sourceHealthSchema>;

export const adminUserRowSchema = z.object({
  userId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  hasCv: z.boolean(),
  batches: z.number().int(),
  ratings: z.number().int(),
  averageStars: z.number().nullable(),
  applications: z.number().int().meta({ description: "Jobs with at least one recorded outcome" }),
});
export type AdminUserRow = z.infer<typeof adminUserRowSchema>;

export const adminOverviewSchema = z
  .object({
    generatedAt: z.string(),
    counts: z.object({
      users: z.number().int(),
      profilesWithCv: z.number().int(),
      batches: z.number().int(),
      ratings: z.number().int(),
      applications: z
        .number()
        .int()
        .meta({ description: "Jobs someone recorded an outcome for (per person and job)" }),
      outcomes: stageCounts.meta({ description: "Outcome rows by stage" }),
      jobs: z.object({ live: z.number().int(), expired: z.number().int() }),
    }),
    runs: z
      .array(pipelineRunSchema)
      .meta({ description: "The newest 20 pipeline runs (ingests and imports), newest first" }),
    sources: z
      .array(sourceHealthSchema)
      .meta({ description: "Each board's live jobs and last fetches, most live jobs first" }),
    users: z
      .array(adminUserRowSchema)
      .meta({ description: "People, most ratings first (500 at most)" }),
  })
  .meta({ id: "AdminOverview" });
export type AdminOverview = z.infer<typeof adminOverviewSchema>;
