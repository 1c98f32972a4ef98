import { and, desc, eq, sql } from "drizzle-orm";
import { parseOrThrow } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import { batches, batchJobs, jobs, ratings } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { z } from "../shared/contract-zod.ts";

const aspect = z.number().int().min(1).max(10).nullable().optional();

/** A rating as a person gives it: 1–5 stars, optional 1–10 aspects and a comment. */
export const ratingInputSchema = z
  .strictObject({
    jobId: z.number().int().positive(),
    stars: z.number().int().min(1).max(5),
    fit: aspect,
    interest: aspect,
    prestige: aspect,
    location: aspect,
    comment: z.string().max(2000).nullable().optional(),
  })
  .meta({ id: "RatingInput" });
export type RatingInput = z.infer<typeof ratingInputSchema>;

/** A stored rating, as the API and the CLI show it. */
export const ratingSchema = z
  .object({
    jobId: z.number().int(),
    stars: z.number().int().min(1).max(5),
    fit: z.number().int().min(1).max(10).nullable(),
    interest: z.number().int().min(1).max(10).nullable(),
    prestige: z.number().int().min(1).max(10).nullable(),
    location: z.number().int().min(1).max(10).nullable(),
    comment: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Rating" });
export type Rating = z.infer<typeof ratingSchema>;

export function toRating(row: typeof ratings.$inferSelect): Rating {
  return {
    jobId: row.jobId,
    stars: row.stars,
    fit: row.fit,
    interest: row.interest,
    prestige: row.prestige,
    location: row.location,
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Stores a user's rating of a job, replacing an earlier one of the same job. Bad input throws
 * `invalid_input` naming the field; an unknown job is `not_found`. Nothing is written then.
 */
export async function rateJob(db: Database, userId: string, input: unknown): Promise<Rating> {
  const rating = parseOrThrow(ratingInputSchema, input, "rating", [], "invalid_input");
  const [job] = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.id, rating.jobId));
  if (!job) {
    throw new AppError("not_found", `There is no job ${rating.jobId}.`, { field: "jobId" });
  }
  const values = {
    stars: rating.stars,
    fit: rating.fit ?? null,
    interest: rating.interest ?? null,
    prestige: rating.prestige ?? null,
    location: rating.location ?? null,
    comment: rating.comment ?? null,
  };
  const [row] = await db
    .insert(ratings)
    .values({ userId, jobId: rating.jobId, ...values })
    .onConflictDoUpdate({
      target: [ratings.userId, ratings.jobId],
      set: { ...values, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error("the rating was not stored");
  return toRating(row);
}

/** A user's ratings, newest first. */
export async function listRatings(
  db: Database,
  userId: string,
  options: { limit?: number; offset?: number } = {},
): Promise<Rating[]> {
  const rows = await db
    .select()
    .from(ratings)
    .where(eq(ratings.userId, userId))
    .orderBy(desc(ratings.updatedAt), desc(ratings.jobId))
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0);
  return rows.map(toRating);
}

/**
 * Takes back the user's rating of a job (the web app's undo). A job in a locked batch keeps its
 * rating (`conflict`): a locked batch stays fully rated. No rating is `not_found`.
 */
export async function deleteRating(db: Database, userId: string, jobId: number): Promise<void> {
  const [locked] = await db
    .select({ id: batches.id })
    .from(batchJobs)
    .innerJoin(batches, eq(batches.id, batchJobs.batchId))
    .where(
      and(eq(batches.userId, userId), eq(batches.status, "locked"), eq(batchJobs.jobId, jobId)),
    )
    .limit(1);
  if (locked) {
    throw new AppError(
      "conflict",
      `Job ${jobId} is in your locked batch ${locked.id}; its rating stays.`,
      { field: "jobId" },
    );
  }
  const deleted = await db
    .delete(ratings)
    .where(and(eq(ratings.userId, userId), eq(ratings.jobId, jobId)))
    .returning({ jobId: ratings.jobId });
  if (deleted.length === 0) {
    throw new AppError("not_found", `You have not rated job ${jobId}.`, { field: "jobId" });
  }
}
