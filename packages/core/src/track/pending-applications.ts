import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { batches, batchJobs, outcomes, ratings } from "../db/schema.ts";

/** The person's newest batch (open or locked), or null. */
export async function newestBatch(db: Database, userId: string) {
  const [newest] = await db
    .select({ id: batches.id, status: batches.status, noApplicationsAt: batches.noApplicationsAt })
    .from(batches)
    .where(eq(batches.userId, userId))
    .orderBy(desc(batches.id))
    .limit(1);
  return newest ?? null;
}

/**
 * Why a new batch may not open yet, or null: the newest batch had a job rated 4★ or more, and
 * no application from it is confirmed (past draft) and the person has not said they apply to
 * none. Seeing what came of the last batch is what lets the next one learn from it.
 */
export async function pendingApplications(
  db: Database,
  userId: string,
): Promise<{ batchId: number; liked: number } | null> {
  const newest = await newestBatch(db, userId);
  if (!newest || newest.noApplicationsAt) return null;
  const [liked] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(batchJobs)
    .innerJoin(ratings, and(eq(ratings.jobId, batchJobs.jobId), eq(ratings.userId, userId)))
    .where(and(eq(batchJobs.batchId, newest.id), sql`${ratings.stars} >= 4`));
  if (!liked || liked.count === 0) return null;
  // An application past draft has its stage in outcomes (updateApplication keeps them in
  // step), and so has one recorded another way (POST /outcomes): either confirms the batch.
  const [recorded] = await db
    .select({ id: outcomes.id })
    .from(outcomes)
    .innerJoin(
      batchJobs,
      and(eq(batchJobs.jobId, outcomes.jobId), eq(batchJobs.batchId, newest.id)),
    )
    .where(eq(outcomes.userId, userId))
    .limit(1);
  return recorded ? null : { batchId: newest.id, liked: liked.count };
}
