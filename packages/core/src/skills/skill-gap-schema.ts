// What to learn next (GET /api/skills, `aura skills --json`).
import { z } from "../shared/contract-zod.ts";

/** One skill of the plan: why it matters to this person, and which liked jobs it opens. */
export const skillPlanItemSchema = z.object({
  skill: z.string(),
  score: z.number(),
  likedJobs: z.number().int().meta({ description: "Liked (≥4★) jobs asking for it" }),
  interviewJobs: z.number().int().meta({ description: "How many of those reached an interview" }),
  dislikedJobs: z.number().int().meta({ description: "Disliked (≤2★) jobs asking for it" }),
  demand: z.number().meta({ description: "Share of the live jobs asking for it" }),
  why: z.string(),
  unlocks: z
    .array(z.object({ jobId: z.number().int(), title: z.string(), company: z.string() }))
    .meta({ description: "The liked jobs that ask for it (up to 5)" }),
});
export type SkillPlanItem = z.infer<typeof skillPlanItemSchema>;

export const skillGapSchema = z
  .object({
    cvSkills: z.array(z.string()).meta({
      description: "Skills read in the CV (and the skills the person said they want)",
    }),
    basis: z.enum(["ratings", "matches"]).meta({
      description: "Read from the liked jobs, or (before any) the 20 jobs closest to the profile",
    }),
    likedJobs: z.number().int(),
    index: z.number().meta({
      description: "Share of the liked (≥4★) jobs' skill mentions missing from the CV, 0..1",
    }),
    weeks: z
      .array(z.object({ week: z.string(), index: z.number() }))
      .meta({ description: "The index per week of ratings (Monday, UTC), oldest first" }),
    plan: z.array(skillPlanItemSchema).meta({ description: "The top 5 skills to learn next" }),
  })
  .meta({ id: "SkillGap" });
export type SkillGap = z.infer<typeof skillGapSchema>;
