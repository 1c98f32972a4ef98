import { and, desc, eq } from "drizzle-orm";
import { parseOrThrow } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import { jobs, OUTCOME_STAGES, outcomes } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { z } from "../shared/contract-zod.ts";

/** One step of an application, as a person records it. */
export const outcomeInputSchema = z
  .strictObject({
    jobId: z.number().int().positive(),
    stage: z.enum(OUTCOME_STAGES),
    notes: z.string().max(5000).nullable().optional(),
    /** When it happened (ISO 8601); now when left out. */
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .meta({ id: "OutcomeInput" });

/** A recorded step of an application. */
export const outcomeSchema = z
  .object({
    id: z.number().int(),
    jobId: z.number().int(),
    stage: z.enum(OUTCOME_STAGES),
    notes: z.string().nullable(),
    occurredAt: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Outcome" });
export type Outcome = z.infer<typeof outcomeSchema>;

function toOutcome(row: typeof outcomes.$inferSelect): Outcome {
  return {
    id: row.id,
    jobId: row.jobId,
    stage: row.stage,
    notes: row.notes,
    occurredAt: row.occurredAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Records a stage an application reached. Bad input is `invalid_input` naming the field. */
export async function recordOutcome(
  db: Database,
  userId: string,
  input: unknown,
): Promise<Outcome> {
  const outcome = parseOrThrow(outcomeInputSchema, input, "outcome", [], "invalid_input");
  const [job] = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.id, outcome.jobId));
  if (!job) {
    throw new AppError("not_found", `There is no job ${outcome.jobId}.`, { field: "jobId" });
  }
  const [row] = await db
    .insert(outcomes)
    .values({
      userId,
      jobId: outcome.jobId,
      stage: outcome.stage,
      notes: outcome.notes ?? null,
      ...(outcome.occurredAt ? { occurredAt: new Date(outcome.occurredAt) } : {}),
    })
    .returning();
  if (!row) throw new Error("the outcome was not stored");
  return toOutcome(row);
}

/** A user's outcomes, newest first, optionally of one job. */
export async function listOutcomes(
  db: Database,
  userId: string,
  options: { jobId?: number; limit?: number; offset?: number } = {},
): Promise<Outcome[]> {
  const rows = await db
    .select()
    .from(outcomes)
    .where(
      options.jobId === undefined
        ? eq(outcomes.userId, userId)
        : and(eq(outcomes.userId, userId), eq(outcomes.jobId, options.jobId)),
    )
    .orderBy(desc(outcomes.occurredAt), desc(outcomes.id))
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0);
  return rows.map(toOutcome);
}
