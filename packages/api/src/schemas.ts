// The API's shapes, for validation and for the OpenAPI document.
import {
  outcomeInputSchema as coreOutcomeInputSchema,
  ratingInputSchema as coreRatingInputSchema,
  schema,
} from "@aura/core";
import { z } from "@hono/zod-openapi";
import { errorBodySchema } from "./errors.ts";

export const idParamSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" }, example: 42 }),
});

export const paginationSchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).openapi({ example: 0 }),
});

export const jobSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    company: z.string(),
    url: z.string(),
    sources: z.array(z.object({ name: z.string(), label: z.string(), url: z.string() })),
    location: z.string().nullable(),
    country: z.string().nullable(),
    remote: z.string().nullable(),
    salaryMin: z.number().nullable(),
    salaryMax: z.number().nullable(),
    currency: z.string().nullable(),
    salaryPeriod: z.string().nullable(),
    salaryMinAnnual: z.number().nullable(),
    salaryMaxAnnual: z.number().nullable(),
    seniority: z.string().nullable(),
    employmentType: z.string().nullable(),
    tags: z.array(z.string()),
    skills: z
      .array(z.string())
      .openapi({ description: "Skills the posting asks for, by AURA's vocabulary" }),
    postedAt: z.string().nullable(),
    firstSeenAt: z.string(),
    expiredAt: z.string().nullable(),
    description: z.string().optional().openapi({ description: "Only on GET /jobs/{id}" }),
  })
  .openapi("Job");

export const jobListSchema = z
  .object({
    jobs: z.array(jobSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi("JobList");

const featureSchema = z.object({ value: z.number(), weight: z.number(), contribution: z.number() });

/** Why the ranker placed a job where it did. */
export const whySchema = z
  .object({
    summary: z.string(),
    matchedSkills: z.array(z.string()),
    missingSkills: z.array(z.string()),
    excludedSkills: z.array(z.string()),
    title: z.string(),
    titleMatches: z.boolean(),
    salary: z.string(),
    location: z.string(),
    seniority: z.string(),
    companyType: z.string(),
    freshness: z.string(),
    retrieval: z.string(),
    match: z.number().openapi({
      description: "The score as a share of the most the weights allow, 0..1",
    }),
    pick: z
      .object({
        policy: z.enum(["ranker", "bandit", "dqn"]),
        stretch: z.boolean().openapi({
          description:
            "A stretch pick: chosen to learn the person's taste (at most one per batch), not as a best bet",
        }),
        reason: z.string().nullable().openapi({ description: "Why the policy chose the job" }),
        predictedStars: z.number().nullable().openapi({
          description: "The stars the learned model expects, once it has learned (1–5)",
        }),
        newSkills: z.array(z.string()).openapi({
          description: "For a stretch pick: the job's skills the person has not rated yet",
        }),
      })
      .optional()
      .openapi({ description: "How the batch policy chose the job (jobs in batches only)" }),
  })
  .openapi("Why");

export const rankedJobSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    company: z.string(),
    url: z.string(),
    score: z.number(),
    features: z.record(z.string(), featureSchema),
    why: whySchema,
    location: z.string().nullable(),
    remote: z.string().nullable(),
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
  .openapi("RankedJob");

export const preferencesSchema = z
  .object({
    roles: z.array(z.string().min(1).max(120)).max(20),
    experienceLevel: z.enum(["student", "junior", "mid", "senior", "lead"]).optional(),
    locationModes: z.array(z.enum(["remote", "hybrid", "onsite"])),
    city: z.string().max(120).optional(),
    includeSkills: z.array(z.string().max(80)).max(100),
    excludeSkills: z.array(z.string().max(80)).max(100),
    companyTypes: z.array(z.string().max(40)).max(10),
    minSalary: z.number().min(0).optional(),
    currency: z.string().length(3),
    batchSize: z.number().int().min(1).max(5),
    searchFrequencyDays: z.number().int().min(1).max(90),
  })
  .openapi("Preferences");

/** PUT /preferences: every key optional; unknown keys are refused. Checked again by core. */
export const preferencesInputSchema = z
  .strictObject({
    roles: z.array(z.string()).optional(),
    experienceLevel: z.enum(["student", "junior", "mid", "senior", "lead"]).optional(),
    locationModes: z.union([z.string(), z.array(z.string())]).optional(),
    city: z.string().optional(),
    includeSkills: z.array(z.string()).optional(),
    excludeSkills: z.array(z.string()).optional(),
    companyTypes: z.array(z.string()).optional(),
    minSalary: z.number().optional(),
    currency: z.string().optional(),
    batchSize: z.number().int().min(1).max(5).optional(),
    searchFrequencyDays: z.number().int().optional(),
  })
  .openapi("PreferencesInput");

export const cvSchema = z
  .object({
    fileName: z.string().nullable(),
    text: z.string(),
    sections: z.array(
      z.object({
        kind: z.enum([
          "summary",
          "experience",
          "education",
          "skills",
          "projects",
          "certifications",
          "languages",
          "other",
        ]),
        heading: z.string(),
        text: z.string(),
      }),
    ),
    updatedAt: z.string().nullable(),
  })
  .openapi("Cv");

export const ratingSchema = z
  .object({
    jobId: z.number().int(),
    stars: z.number().int().min(1).max(5),
    fit: z.number().int().nullable(),
    interest: z.number().int().nullable(),
    prestige: z.number().int().nullable(),
    location: z.number().int().nullable(),
    comment: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Rating");

export const ratingInputSchema = coreRatingInputSchema.meta({ id: "RatingInput" });

const outcomeStages = schema.OUTCOME_STAGES;

export const outcomeSchema = z
  .object({
    id: z.number().int(),
    jobId: z.number().int(),
    stage: z.enum(outcomeStages),
    notes: z.string().nullable(),
    occurredAt: z.string(),
    createdAt: z.string(),
  })
  .openapi("Outcome");

export const outcomeInputSchema = coreOutcomeInputSchema.meta({ id: "OutcomeInput" });

export const batchSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(["open", "locked"]),
    createdAt: z.string(),
    lockedAt: z.string().nullable(),
    complete: z.boolean(),
    jobs: z.array(
      z.object({
        position: z.number().int(),
        score: z.number(),
        job: jobSchema,
        why: whySchema
          .nullable()
          .openapi({ description: "The ranker's reasons when the batch was made" }),
        rating: ratingSchema.nullable(),
      }),
    ),
  })
  .openapi("Batch");

export const userSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string().nullable() })
  .openapi("User");

export const signUpSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    email: z.email().max(254),
    password: z.string().min(8).max(128),
  })
  .openapi("SignUp");

export const signInSchema = z
  .strictObject({
    email: z.email().max(254),
    password: z.string().min(1).max(128),
  })
  .openapi("SignIn");

export const tokenInputSchema = z
  .strictObject({ name: z.string().trim().min(1).max(80) })
  .openapi("TokenInput");

export const metricsSchema = z
  .object({
    ratings: z.object({ count: z.number().int(), averageStars: z.number().nullable() }),
    batches: z.object({ open: z.number().int(), locked: z.number().int() }),
    outcomes: z.record(z.string(), z.number().int()),
    weeks: z.array(
      z.object({
        week: z.string().openapi({ description: "Monday of the week (UTC), YYYY-MM-DD" }),
        batches: z.number().int(),
        ratings: z.number().int(),
        averageStars: z.number().nullable(),
        averageMatch: z.number().nullable().openapi({
          description: "Mean match (0–1) of the jobs in that week's batches",
        }),
        reward: z.number().openapi({
          description: "Reward earned that week (ratings and application stages)",
        }),
        cumulativeReward: z.number(),
        skillGapIndex: z.number(),
        skillGapMeasured: z.boolean().openapi({
          description: "Whether that week had liked jobs to measure the skill gap on",
        }),
      }),
    ),
    perBatch: z
      .array(
        z.object({
          batchId: z.number().int(),
          createdAt: z.string(),
          status: z.enum(["open", "locked"]),
          jobs: z.number().int().openapi({ description: "Jobs shown in the batch" }),
          rated: z.number().int().openapi({ description: "How many of them are rated" }),
          averageStars: z.number().nullable(),
          shareHigh: z
            .number()
            .nullable()
            .openapi({ description: "Share (0–1) of the rated jobs given 4★ or 5★" }),
          averageMatch: z.number().nullable().openapi({
            description: "Mean match (0–1) of the batch's jobs when it was made",
          }),
        }),
      )
      .openapi({ description: "Every batch, oldest first" }),
    funnel: z
      .object({
        applied: z.number().int(),
        interview: z.number().int(),
        offer: z.number().int(),
      })
      .openapi({
        description:
          "Jobs whose application reached each step or beyond: interview is a first or second interview, offer an offer or acceptance",
      }),
  })
  .openapi("Metrics");

export const skillGapSchema = z
  .object({
    cvSkills: z.array(z.string()),
    basis: z.enum(["ratings", "matches"]).openapi({
      description: "Read from the liked jobs, or (before any) the 20 jobs closest to the profile",
    }),
    likedJobs: z.number().int(),
    index: z.number().openapi({
      description: "Share of the liked (≥4★) jobs' skill mentions missing from the CV, 0..1",
    }),
    weeks: z.array(z.object({ week: z.string(), index: z.number() })),
    plan: z.array(
      z.object({
        skill: z.string(),
        score: z.number(),
        likedJobs: z.number().int(),
        interviewJobs: z.number().int(),
        dislikedJobs: z.number().int(),
        demand: z.number().openapi({ description: "Share of the live jobs asking for it" }),
        why: z.string(),
        unlocks: z.array(
          z.object({ jobId: z.number().int(), title: z.string(), company: z.string() }),
        ),
      }),
    ),
  })
  .openapi("SkillGap");

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503;
const ERROR_TEXT: Record<ErrorStatus, string> = {
  400: "Invalid input; error.field names the part",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found (or not yours)",
  409: "Conflicts with the current state",
  413: "Body too large",
  429: "Too many requests; retry after Retry-After seconds",
  500: "Server error",
  503: "Not ready",
};

/** OpenAPI responses for the errors a route can give, by status. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  // Any route can fail on our side.
  return Object.fromEntries(
    [...statuses, 500 as const].map((status) => [
      status,
      {
        description: ERROR_TEXT[status],
        content: { "application/json": { schema: errorBodySchema } },
      },
    ]),
  ) as {
    [K in S | 500]: {
      description: string;
      content: { "application/json": { schema: typeof errorBodySchema } };
    };
  };
}
