import { count, eq, sql } from "drizzle-orm";
import { type Database, resultRows } from "../db/client.ts";
import { batches, outcomes, ratings } from "../db/schema.ts";

export interface UserMetrics {
  ratings: { count: number; averageStars: number | null };
  batches: { open: number; locked: number };
  /** Outcomes recorded, by stage. */
  outcomes: Record<string, number>;
  /** Ratings per ISO week (Monday, UTC), oldest first, the last 12 weeks with any. */
  weeks: { week: string; ratings: number; averageStars: number | null }[];
}

export async function userMetrics(db: Database, userId: string): Promise<UserMetrics> {
  const [rated] = await db
    .select({ n: count(), avg: sql<string | null>`avg(${ratings.stars})` })
    .from(ratings)
    .where(eq(ratings.userId, userId));
  const batchRows = await db
    .select({ status: batches.status, n: count() })
    .from(batches)
    .where(eq(batches.userId, userId))
    .groupBy(batches.status);
  const stageRows = await db
    .select({ stage: outcomes.stage, n: count() })
    .from(outcomes)
    .where(eq(outcomes.userId, userId))
    .groupBy(outcomes.stage);
  const weeks = resultRows<{ week: string; n: string | number; avg: string | null }>(
    await db.execute(sql`
      SELECT to_char(date_trunc('week', updated_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
             count(*) AS n, avg(stars) AS avg
      FROM ratings WHERE user_id = ${userId}
      GROUP BY 1 ORDER BY 1 DESC LIMIT 12`),
  ).reverse();
  const round = (value: string | null | undefined) =>
    value === null || value === undefined ? null : Math.round(Number(value) * 100) / 100;
  return {
    ratings: { count: Number(rated?.n ?? 0), averageStars: round(rated?.avg) },
    batches: {
      open: Number(batchRows.find((r) => r.status === "open")?.n ?? 0),
      locked: Number(batchRows.find((r) => r.status === "locked")?.n ?? 0),
    },
    outcomes: Object.fromEntries(stageRows.map((r) => [r.stage, Number(r.n)])),
    weeks: weeks.map((w) => ({ week: w.week, ratings: Number(w.n), averageStars: round(w.avg) })),
  };
}
