import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { type Database, resultRows } from "../db/client.ts";
import { batches, type OutcomeStage, outcomes, ratings } from "../db/schema.ts";
import { STAGE_REWARD, starReward } from "../learn/reward.ts";
import { weekOf } from "../shared/week.ts";
import { skillGap } from "../skills/skill-gap.ts";

export { weekOf } from "../shared/week.ts";

/** One week of a person's search (weeks start on Monday, UTC). */
import type { BatchMetrics, UserMetrics, WeekMetrics } from "./metrics-schema.ts";

export type {
  ApplicationFunnel,
  BatchMetrics,
  UserMetrics,
  WeekMetrics,
} from "./metrics-schema.ts";

/** How far along the application funnel a stage is (0 applied, 1 interview, 2 offer). */
const FUNNEL_STEP: Readonly<Record<OutcomeStage, number>> = {
  applied: 0,
  rejected: 0,
  no_response: 0,
  interview1: 1,
  interview2: 1,
  offer: 2,
  accepted: 2,
};

const round = (value: number) => Math.round(value * 1000) / 1000;

export async function userMetrics(db: Database, userId: string): Promise<UserMetrics> {
  const [ratingRows, batchRows, stageRows, matchRows, gap] = await Promise.all([
    db
      .select({ stars: ratings.stars, at: ratings.updatedAt })
      .from(ratings)
      .where(eq(ratings.userId, userId)),
    db
      .select({ status: batches.status, n: count() })
      .from(batches)
      .where(eq(batches.userId, userId))
      .groupBy(batches.status),
    db
      .select({ jobId: outcomes.jobId, stage: outcomes.stage, at: outcomes.occurredAt })
      .from(outcomes)
      .where(eq(outcomes.userId, userId))
      .orderBy(outcomes.occurredAt, outcomes.id),
    db.execute(sql`
      SELECT b.id AS batch_id, b.created_at, b.status, bj.job_id,
        (bj.why->>'match')::float8 AS match, r.stars
      FROM batches b
      LEFT JOIN batch_jobs bj ON bj.batch_id = b.id
      LEFT JOIN ratings r ON r.user_id = b.user_id AND r.job_id = bj.job_id
      WHERE b.user_id = ${userId}
      ORDER BY b.created_at, b.id, bj.position`),
    skillGap(db, userId),
  ]);
  const gapByWeek = new Map(gap.weeks.map((w) => [w.week, w.index]));

  const weeks = new Map<
    string,
    { batches: Set<number>; stars: number[]; matches: number[]; reward: number }
  >();
  const weekEntry = (date: Date) => {
    const key = weekOf(date);
    let entry = weeks.get(key);
    if (!entry) {
      entry = { batches: new Set(), stars: [], matches: [], reward: 0 };
      weeks.set(key, entry);
    }
    return entry;
  };
  for (const row of ratingRows) {
    const entry = weekEntry(row.at);
    entry.stars.push(row.stars);
    entry.reward += starReward(row.stars);
  }
  // An outcome adds what its stage is worth above the furthest stage the job had reached.
  const furthest = new Map<number, number>();
  const stageCounts: Record<string, number> = {};
  const funnelStep = new Map<number, number>();
  for (const row of stageRows) {
    stageCounts[row.stage] = (stageCounts[row.stage] ?? 0) + 1;
    const step = FUNNEL_STEP[row.stage as OutcomeStage] ?? 0;
    funnelStep.set(row.jobId, Math.max(step, funnelStep.get(row.jobId) ?? 0));
    const before = furthest.get(row.jobId) ?? 0;
    const value = STAGE_REWARD[row.stage as OutcomeStage];
    if (value > before) {
      weekEntry(row.at).reward += value - before;
      furthest.set(row.jobId, value);
    } else weekEntry(row.at);
  }
  const perBatch = new Map<
    number,
    { createdAt: Date; status: "open" | "locked"; jobs: number; stars: number[]; matches: number[] }
  >();
  for (const row of resultRows<{
    batch_id: string | number;
    created_at: string | Date;
    status: "open" | "locked";
    job_id: string | number | null;
    match: number | null;
    stars: number | null;
  }>(matchRows)) {
    const createdAt = new Date(row.created_at);
    const batchId = Number(row.batch_id);
    const entry = weekEntry(createdAt);
    entry.batches.add(batchId);
    if (row.match !== null) entry.matches.push(Number(row.match));
    let batch = perBatch.get(batchId);
    if (!batch) {
      batch = { createdAt, status: row.status, jobs: 0, stars: [], matches: [] };
      perBatch.set(batchId, batch);
    }
    if (row.job_id !== null) batch.jobs++;
    if (row.stars !== null) batch.stars.push(Number(row.stars));
    if (row.match !== null) batch.matches.push(Number(row.match));
  }

  let cumulative = 0;
  const mean = (values: number[]) =>
    values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length);
  const weekList = [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, entry]): WeekMetrics => {
      cumulative += entry.reward;
      return {
        week,
        batches: entry.batches.size,
        ratings: entry.stars.length,
        averageStars: mean(entry.stars),
        averageMatch: mean(entry.matches),
        reward: round(entry.reward),
        cumulativeReward: round(cumulative),
        skillGapIndex: gapByWeek.get(week) ?? 0,
        skillGapMeasured: gapByWeek.has(week),
      };
    });
  const allStars = ratingRows.map((r) => r.stars);
  return {
    ratings: {
      count: allStars.length,
      averageStars: allStars.length ? round(mean(allStars) ?? 0) : null,
    },
    batches: {
      open: Number(batchRows.find((r) => r.status === "open")?.n ?? 0),
      locked: Number(batchRows.find((r) => r.status === "locked")?.n ?? 0),
    },
    outcomes: stageCounts,
    weeks: weekList,
    perBatch: [...perBatch.entries()]
      .sort(([a], [b]) => a - b)
      .map(
        ([batchId, batch], index): BatchMetrics => ({
          batchId,
          number: index + 1,
          createdAt: batch.createdAt.toISOString(),
          status: batch.status,
          jobs: batch.jobs,
          rated: batch.stars.length,
          averageStars: mean(batch.stars),
          shareHigh: mean(batch.stars.map((stars) => (stars >= 4 ? 1 : 0))),
          averageMatch: mean(batch.matches),
        }),
      ),
    funnel: {
      applied: funnelStep.size,
      interview: [...funnelStep.values()].filter((step) => step >= 1).length,
      offer: [...funnelStep.values()].filter((step) => step >= 2).length,
    },
  };
}

/** Every user's metrics who has rated or been shown anything, for `data/metrics.json`. */
export async function allUserMetrics(
  db: Database,
): Promise<{ generatedAt: string; users: ({ userId: string } & UserMetrics)[] }> {
  const ids = resultRows<{ user_id: string }>(
    await db.execute(sql`SELECT user_id FROM ratings UNION SELECT user_id FROM batches ORDER BY 1`),
  ).map((row) => row.user_id);
  const users = [];
  for (const userId of ids) users.push({ userId, ...(await userMetrics(db, userId)) });
  return { generatedAt: new Date().toISOString(), users };
}

/** Writes every user's metrics to `metrics.json` in the data folder (written, then renamed). */
export async function writeMetricsFile(db: Database, dataDir: string): Promise<string> {
  const file = path.join(dataDir, "metrics.json");
  await mkdir(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(await allUserMetrics(db), null, 2)}\n`);
  await rename(temporary, file);
  return file;
}
