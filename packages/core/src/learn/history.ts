import { sql } from "drizzle-orm";
import type { RankWeights } from "../config/config.ts";
import { type Database, resultRows } from "../db/client.ts";
import type { OutcomeStage } from "../db/schema.ts";
import { bestPossibleScore } from "../rank/rank-jobs.ts";
import { parseStages } from "../track/outcome-stages.ts";
import { loadJobTraits, type NamedTraits } from "./job-traits.ts";
import { jobReward } from "./reward.ts";
import type { RatedJob } from "./taste.ts";

/** One rating in the order given, with what followed it and the ranker's score when shown. */
export interface RatingEvent {
  jobId: number;
  stars: number;
  /** The four 1–10 detail scores, null where not given. */
  aspects: [number | null, number | null, number | null, number | null];
  stages: OutcomeStage[];
  /** The ranker's score when the job was put in a batch (null for jobs rated elsewhere). */
  score: number | null;
  ratedAt: Date;
}

/** The user's ratings, oldest first, each with its outcome stages and batch score. */
export async function ratingEvents(db: Database, userId: string): Promise<RatingEvent[]> {
  const rows = resultRows<{
    job_id: string | number;
    stars: number;
    fit: number | null;
    interest: number | null;
    prestige: number | null;
    location: number | null;
    updated_at: string | Date;
    score: number | null;
    stages: string[] | string | null;
  }>(
    await db.execute(sql`
      SELECT r.job_id, r.stars, r.fit, r.interest, r.prestige, r.location, r.updated_at,
        (SELECT bj.score FROM batch_jobs bj JOIN batches b ON b.id = bj.batch_id
          WHERE b.user_id = r.user_id AND bj.job_id = r.job_id ORDER BY b.id DESC LIMIT 1) AS score,
        (SELECT array_agg(o.stage) FROM outcomes o
          WHERE o.user_id = r.user_id AND o.job_id = r.job_id) AS stages
      FROM ratings r WHERE r.user_id = ${userId}
      ORDER BY r.updated_at, r.job_id`),
  );
  return rows.map((row) => ({
    jobId: Number(row.job_id),
    stars: row.stars,
    aspects: [row.fit, row.interest, row.prestige, row.location],
    stages: parseStages(row.stages),
    score: row.score === null ? null : Number(row.score),
    ratedAt: new Date(row.updated_at),
  }));
}

/** The user's rated jobs as the policies learn from them: traits, reward, ranker match. */
export async function ratedJobs(
  db: Database,
  userId: string,
  model: { modelId: string; dimension: number },
  weights: RankWeights,
): Promise<{ events: RatingEvent[]; rated: RatedJob[]; traits: Map<number, NamedTraits> }> {
  const events = await ratingEvents(db, userId);
  const traits = new Map(
    (
      await loadJobTraits(
        db,
        model,
        events.map((e) => e.jobId),
      )
    ).map((t) => [t.jobId, t]),
  );
  const best = bestPossibleScore(weights);
  const rated = events.flatMap((event): RatedJob[] => {
    const job = traits.get(event.jobId);
    if (!job) return [];
    return [
      {
        traits: job,
        reward: jobReward(event.stars, event.stages),
        rankerMatch: event.score === null || best <= 0 ? null : event.score / best,
      },
    ];
  });
  return { events, rated, traits };
}

/** The person's batches, oldest first, each with its jobs in the order shown. */
export async function batchHistory(db: Database, userId: string): Promise<number[][]> {
  const rows = resultRows<{ batch_id: string | number; job_id: string | number }>(
    await db.execute(sql`
      SELECT bj.batch_id, bj.job_id FROM batch_jobs bj JOIN batches b ON b.id = bj.batch_id
      WHERE b.user_id = ${userId} ORDER BY bj.batch_id, bj.position`),
  );
  const batches = new Map<number, number[]>();
  for (const row of rows) {
    const id = Number(row.batch_id);
    batches.set(id, [...(batches.get(id) ?? []), Number(row.job_id)]);
  }
  return [...batches.values()];
}
