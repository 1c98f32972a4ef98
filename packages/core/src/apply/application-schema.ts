// An application as the API shows it: the tailored documents, how they were written, its stage.

import { APPLICATION_STATUSES } from "../db/schema.ts";
import { jobViewSchema } from "../jobs/job-schema.ts";
import { z } from "../shared/contract-zod.ts";

export const documentFlagSchema = z.object({
  document: z.enum(["cv", "letter"]),
  kind: z.enum(["employer", "title", "date", "degree", "number", "skill", "name"]),
  value: z.string().meta({ description: "The unsupported fact as written" }),
  removed: z.string().meta({ description: "The line or sentence left out because of it" }),
});

export const provenanceSchema = z.object({
  document: z.enum(["cv", "letter"]),
  output: z.string(),
  source: z.string().meta({ description: "The CV line it came from" }),
  rewritten: z.boolean(),
});

export const generationSchema = z.object({
  writer: z.enum(["offline", "llm"]),
  language: z.string(),
  flags: z
    .array(documentFlagSchema)
    .meta({ description: "What the truthfulness guard left out, and why" }),
  provenance: z
    .array(provenanceSchema)
    .meta({ description: "Each chosen line beside the CV line it came from" }),
  ms: z.number(),
  generatedAt: z.string(),
  previous: z
    .object({ cv: z.string(), letter: z.string() })
    .nullable()
    .optional()
    .meta({ description: "The documents the last generation replaced (for undo)" }),
});
export type Generation = z.infer<typeof generationSchema>;

export const applicationSchema = z
  .object({
    id: z.number().int(),
    jobId: z.number().int(),
    batchId: z.number().int().nullable(),
    status: z.enum(APPLICATION_STATUSES),
    job: jobViewSchema,
    cv: z.string().meta({ description: "The tailored CV (Markdown)" }),
    letter: z.string().meta({ description: "The cover letter (Markdown)" }),
    generation: generationSchema,
    addedFacts: z.string(),
    notes: z.string(),
    appliedAt: z.string().nullable(),
    statusChangedAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    reminderDue: z
      .boolean()
      .meta({ description: "Tracked, with no news for apply.reminderDays: time to follow up" }),
    remindAt: z
      .string()
      .nullable()
      .meta({ description: "When a follow-up is due (null for drafts and closed applications)" }),
  })
  .meta({ id: "Application" });
export type Application = z.infer<typeof applicationSchema>;
