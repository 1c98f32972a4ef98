// Why a job is where it is: the ranker's features and reasons, and the batch policy's pick.

import { remoteModes } from "../jobs/job.ts";
import { z } from "../shared/contract-zod.ts";

export const featureScoreSchema = z.object({
  value: z.number().meta({
    description: "The feature's own value: 0..1 for matches, -1..1 for fits (0 = no opinion)",
  }),
  weight: z.number(),
  contribution: z.number().meta({ description: "value × weight: what it added to the score" }),
});
export type FeatureScore = z.infer<typeof featureScoreSchema>;

export const pickWhySchema = z.object({
  policy: z.enum(["ranker", "bandit", "dqn"]),
  stretch: z.boolean().meta({
    description:
      "A stretch pick: chosen to learn the person's taste (at most one per batch), not as a best bet",
  }),
  reason: z.string().nullable().meta({ description: "Why the policy chose the job" }),
  predictedStars: z.number().nullable().meta({
    description: "The stars the learned model expects, once it has learned (1–5)",
  }),
  newSkills: z.array(z.string()).meta({
    description: "For a stretch pick: the job's skills the person has not rated yet",
  }),
});
export type PickWhy = z.infer<typeof pickWhySchema>;

/** Why the ranker placed a job where it did. */
export const whySchema = z
  .object({
    summary: z.string().meta({ description: "One line for people: the strongest reasons" }),
    matchedSkills: z.array(z.string()),
    missingSkills: z.array(z.string()),
    excludedSkills: z.array(z.string()),
    title: z.string(),
    titleMatches: z.boolean().meta({
      description: "Whether the title matches the roles sought (or the CV's wording) well",
    }),
    salary: z.string(),
    location: z.string(),
    seniority: z.string(),
    companyType: z.string(),
    freshness: z.string(),
    retrieval: z.string().meta({ description: "Lexical and semantic retrieval ranks" }),
    match: z.number().meta({
      description: "The score as a share of the most the weights allow, 0..1",
    }),
    pick: pickWhySchema
      .optional()
      .meta({ description: "How the batch policy chose the job (jobs in batches only)" }),
  })
  .meta({ id: "Why" });
export type Why = z.infer<typeof whySchema>;

/** A ranked job as `aura rank --json` and GET /api/rank show it. */
export const rankedJobViewSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    company: z.string(),
    url: z.string(),
    score: z.number(),
    features: z.record(z.string(), featureScoreSchema),
    why: whySchema,
    location: z.string().nullable(),
    remote: z.enum(remoteModes),
    salary: z
      .object({
        min: z.number().nullable(),
        max: z.number().nullable(),
        currency: z.string().nullable(),
        period: z.string().nullable(),
      })
      .nullable(),
    postedAt: z.string().nullable(),
    sources: z.array(z.object({ source: z.string(), board: z.string(), url: z.string() })),
  })
  .meta({ id: "RankedJob" });
export type RankedJobView = z.infer<typeof rankedJobViewSchema>;
