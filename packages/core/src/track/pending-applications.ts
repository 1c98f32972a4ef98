import { desc, eq, sql } from "drizzle-orm";
import { type Database, resultRows } from "../db/client.ts";
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

/** Why a new batch may not open yet: the batch that waits, and how many of its jobs were liked. */
export interface PendingApplications {
  batchId: number;
  liked: number;
}

/**
 * Why a new batch may not open yet, or null: the newest batch had a job rated 4★ or more, and
 * no application from it is confirmed (past draft) and the person has not said they apply to
 * none. Seeing what came of the last batch is what lets the next one learn from it. One
 * statement: the newest batch, its liked jobs and whether one of its jobs has an outcome.
 */
export async function pendingApplications(
  db: Database,
  userId: string,
): Promise<PendingApplications | null> {
  // An application past draft has its stage in outcomes (updateApplication keeps them in
  // step), and so has one recorded another way (POST /outcomes): either confirms the batch.
  const [newest] = resultRows<{
    id: string | number;
    answered: boolean;
    liked: number;
    recorded: boolean;
  }>(
    await db.execute(sql`
      SELECT b.id, b.no_applications_at IS NOT NULL AS answered,
        (SELECT count(*)::int FROM ${batchJobs} bj
          JOIN ${ratings} r ON r.job_id = bj.job_id AND r.user_id = b.user_id
          WHERE bj.batch_id = b.id AND r.stars >= 4) AS liked,
        EXISTS (SELECT 1 FROM ${outcomes} o
          JOIN ${batchJobs} bj ON bj.job_id = o.job_id AND bj.batch_id = b.id
          WHERE o.user_id = b.user_id) AS recorded
      FROM (SELECT id, user_id, no_applications_at FROM ${batches}
        WHERE user_id = ${userId} ORDER BY id DESC LIMIT 1) AS b`),
  );
  if (!newest || newest.answered || newest.liked === 0 || newest.recorded) return null;
  return { batchId: Number(newest.id), liked: newest.liked };
}
