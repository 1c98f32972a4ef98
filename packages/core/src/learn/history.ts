import { eq, sql } from "drizzle-orm";
import type { RankWeights } from "../config/config.ts";
import { type Database, resultRows } from "../db/client.ts";
import {
  batches,
  batchJobs,
  jobEmbeddings,
  jobs,
  type OutcomeStage,
  outcomes,
  ratings,
} from "../db/schema.ts";
import { bestPossibleScore } from "../rank/rank-jobs.ts";
import { parseStages } from "../track/outcome-stages.ts";
import { type NamedTraits, traitColumns, traitsOf, vectorOf } from "./job-traits.ts";
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

/** A rating as the learning loop reads it: with its outcome stages and last batch score. */
const eventColumns = {
  jobId: ratings.jobId,
  stars: ratings.stars,
  fit: ratings.fit,
  interest: ratings.interest,
  prestige: ratings.prestige,
  location: ratings.location,
  ratedAt: ratings.updatedAt,
  score: sql<number | null>`(SELECT bj.score FROM ${batchJobs} bj
    JOIN ${batches} b ON b.id = bj.batch_id
    WHERE b.user_id = ${ratings.userId} AND bj.job_id = ${ratings.jobId}
    ORDER BY b.id DESC LIMIT 1)`.mapWith(Number),
  stages: sql<string[] | string | null>`(SELECT array_agg(o.stage) FROM ${outcomes} o
    WHERE o.user_id = ${ratings.userId} AND o.job_id = ${ratings.jobId})`,
};

function toEvent(row: {
  jobId: number;
  stars: number;
  fit: number | null;
  interest: number | null;
  prestige: number | null;
  location: number | null;
  ratedAt: Date;
  score: number | null;
  stages: string[] | string | null;
}): RatingEvent {
  return {
    jobId: row.jobId,
    stars: row.stars,
    aspects: [row.fit, row.interest, row.prestige, row.location],
    stages: parseStages(row.stages),
    score: row.score,
    ratedAt: row.ratedAt,
  };
}

/** The user's ratings, oldest first, each with its outcome stages and batch score. */
export async function ratingEvents(db: Database, userId: string): Promise<RatingEvent[]> {
  const rows = await db
    .select(eventColumns)
    .from(ratings)
    .where(eq(ratings.userId, userId))
    .orderBy(ratings.updatedAt, ratings.jobId);
  return rows.map(toEvent);
}

/**
 * The user's rated jobs as the policies learn from them (traits, reward, ranker match) and the
 * ratings they come from, oldest first, in one statement: the ratings with their outcomes and
 * batch scores, and what the jobs' traits are read from (see `traitColumns`).
 */
export async function ratedJobs(
  db: Database,
  userId: string,
  model: { modelId: string; dimension: number },
  weights: RankWeights,
): Promise<{ events: RatingEvent[]; rated: RatedJob[]; traits: Map<number, NamedTraits> }> {
  const rows = await db
    .select({ ...eventColumns, job: traitColumns(model) })
    .from(ratings)
    .innerJoin(jobs, eq(jobs.id, ratings.jobId))
    .leftJoin(jobEmbeddings, vectorOf(model))
    .where(eq(ratings.userId, userId))
    .orderBy(ratings.updatedAt, ratings.jobId);
  const events = rows.map(toEvent);
  const traits = new Map(rows.map((row) => [row.jobId, traitsOf(row.job)]));
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
