import { and, asc, desc, eq } from "drizzle-orm";
import type { RankConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import { batches, batchJobs } from "../db/schema.ts";
import type { Embedder } from "../embed/embedder.ts";
import type { VectorSearch } from "../embed/vector-search.ts";
import { AppError } from "../errors.ts";
import { type JobView, toJobView } from "../jobs/job-view.ts";
import { getJobs } from "../jobs/store/list-jobs.ts";
import { getProfile } from "../profile/profile-store.ts";
import { rankJobs } from "../rank/rank-jobs.ts";
import { type Rating, ratedJobIds, ratingsOf } from "./ratings.ts";

export interface BatchJob {
  position: number;
  /** The ranker's score when the batch was made. */
  score: number;
  job: JobView;
  rating: Rating | null;
}

export interface Batch {
  id: number;
  status: "open" | "locked";
  createdAt: string;
  lockedAt: string | null;
  jobs: BatchJob[];
  /** True when every job is rated, so the batch can be locked. */
  complete: boolean;
}

export interface OpenBatchOptions {
  config: RankConfig;
  vectorSearch?: VectorSearch;
  cacheDir?: string;
  now?: Date;
}

async function toBatch(
  db: Database,
  userId: string,
  row: typeof batches.$inferSelect,
  knownMembers?: { jobId: number; position: number; score: number }[],
): Promise<Batch> {
  const members =
    knownMembers ??
    (await db
      .select()
      .from(batchJobs)
      .where(eq(batchJobs.batchId, row.id))
      .orderBy(asc(batchJobs.position)));
  const ids = members.map((m) => m.jobId);
  const [storedJobs, rated] = await Promise.all([
    getJobs(db, ids, { withDescription: false }),
    ratingsOf(db, userId, ids),
  ]);
  const stored = new Map(storedJobs.map((job) => [job.id, job]));
  const jobs = members.flatMap((m) => {
    const job = stored.get(m.jobId);
    return job
      ? [
          {
            position: m.position,
            score: m.score,
            job: toJobView(job),
            rating: rated.get(m.jobId) ?? null,
          },
        ]
      : [];
  });
  return {
    id: row.id,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    lockedAt: row.lockedAt?.toISOString() ?? null,
    jobs,
    complete: jobs.every((j) => j.rating !== null),
  };
}

/** The user's open batch, or null. Its row and members come in one query. */
export async function currentBatch(db: Database, userId: string): Promise<Batch | null> {
  const rows = await db
    .select({ batch: batches, member: batchJobs })
    .from(batches)
    .leftJoin(batchJobs, eq(batchJobs.batchId, batches.id))
    .where(and(eq(batches.userId, userId), eq(batches.status, "open")))
    .orderBy(asc(batchJobs.position));
  const first = rows[0];
  if (!first) return null;
  const members = rows.flatMap((r) => (r.member ? [r.member] : []));
  return toBatch(db, userId, first.batch, members);
}

/** One of the user's batches; another user's batch is `not_found`, as a missing one is. */
export async function getBatch(db: Database, userId: string, batchId: number): Promise<Batch> {
  const [row] = await db
    .select()
    .from(batches)
    .where(and(eq(batches.id, batchId), eq(batches.userId, userId)));
  if (!row) throw new AppError("not_found", `There is no batch ${batchId}.`, { field: "id" });
  return toBatch(db, userId, row);
}

/** The user's batches, newest first. */
export async function listBatches(db: Database, userId: string, limit = 20): Promise<Batch[]> {
  const rows = await db
    .select()
    .from(batches)
    .where(eq(batches.userId, userId))
    .orderBy(desc(batches.id))
    .limit(limit);
  return Promise.all(rows.map((row) => toBatch(db, userId, row)));
}

/**
 * The user's open batch, made now if there is none: the ranker's best jobs the user has not
 * rated, as many as the preferences' batch size (1–5). Two calls at once make one batch (a
 * unique index allows one open batch per user; the loser returns the winner's).
 */
export async function openBatch(
  db: Database,
  embedder: Embedder,
  userId: string,
  options: OpenBatchOptions,
): Promise<{ batch: Batch; created: boolean }> {
  const existing = await currentBatch(db, userId);
  if (existing) return { batch: existing, created: false };
  const profile = await getProfile(db, userId);
  if (!profile) {
    throw new AppError(
      "conflict",
      "Set your CV or preferences before asking for a batch of jobs.",
      { field: "cv" },
    );
  }
  const rated = await ratedJobIds(db, userId);
  const size = profile.preferences.batchSize;
  const ranked = await rankJobs(db, embedder, profile, {
    config: options.config,
    top: size,
    now: options.now,
    vectorSearch: options.vectorSearch,
    cacheDir: options.cacheDir,
    excludeJobIds: rated,
  });
  const picks = ranked.jobs;
  if (picks.length === 0) {
    throw new AppError(
      "conflict",
      "There are no unrated jobs to show: gather more jobs (aura pipeline) and try again.",
    );
  }
  const created = await db.transaction(async (tx) => {
    const [row] = await tx.insert(batches).values({ userId }).onConflictDoNothing().returning();
    if (!row) return null;
    await tx.insert(batchJobs).values(
      picks.map((pick, i) => ({
        batchId: row.id,
        jobId: pick.job.id,
        position: i + 1,
        score: pick.score,
      })),
    );
    return row;
  });
  if (!created) {
    const winner = await currentBatch(db, userId);
    if (winner) return { batch: winner, created: false };
    throw new AppError("conflict", "Another request changed your batches; try again.");
  }
  return { batch: await toBatch(db, userId, created), created: true };
}

/**
 * Locks one of the user's batches once every job in it is rated. Locking a locked batch
 * returns it unchanged; an incomplete batch is a `conflict` naming how many jobs are unrated.
 */
export async function lockBatch(db: Database, userId: string, batchId: number): Promise<Batch> {
  const batch = await getBatch(db, userId, batchId);
  if (batch.status === "locked") return batch;
  const unrated = batch.jobs.filter((j) => j.rating === null).length;
  if (unrated > 0) {
    throw new AppError(
      "conflict",
      `Rate every job in the batch before locking it: ${unrated} of ${batch.jobs.length} unrated.`,
      { field: "ratings" },
    );
  }
  const [row] = await db
    .update(batches)
    .set({ status: "locked", lockedAt: new Date() })
    .where(and(eq(batches.id, batchId), eq(batches.userId, userId), eq(batches.status, "open")))
    .returning();
  return row ? toBatch(db, userId, row) : getBatch(db, userId, batchId);
}
