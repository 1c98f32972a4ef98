import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { RankConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import { batches, batchJobs, jobSources, jobs, ratings } from "../db/schema.ts";
import type { Embedder } from "../embed/embedder.ts";
import type { VectorSearch } from "../embed/vector-search.ts";
import { AppError } from "../errors.ts";
import { toJobView } from "../jobs/job-view.ts";
import { jobSummaryColumns, type StoredJob, sourceLinkColumns } from "../jobs/store/list-jobs.ts";
import { chooseBatch } from "../learn/choose-batch.ts";
import { loadPersonState } from "../learn/person-state.ts";
import type { Why } from "../rank/ranked-job-schema.ts";
import type { Batch } from "./batch-schema.ts";
import { toRating } from "./ratings.ts";

export type { Batch, BatchJob } from "./batch-schema.ts";

export interface OpenBatchOptions {
  config: RankConfig;
  vectorSearch?: VectorSearch;
  cacheDir?: string;
  now?: Date;
  /** Seed of the policy's exploration draw (tests); random otherwise. */
  seed?: number;
}

/** The rows of the user's batches matching `where`: each job once per board link. */
function batchRows(db: Database, where: SQL | undefined) {
  return db
    .select({
      batch: batches,
      // The person's own count of batches up to this one (ids count everyone's).
      number:
        sql<number>`(SELECT count(*) FROM ${batches} AS mine WHERE mine.user_id = ${batches.userId} AND mine.id <= ${batches.id})`.mapWith(
          Number,
        ),
      member: {
        jobId: batchJobs.jobId,
        position: batchJobs.position,
        score: batchJobs.score,
        why: batchJobs.why,
      },
      job: jobSummaryColumns,
      source: sourceLinkColumns,
      rating: ratings,
    })
    .from(batches)
    .leftJoin(batchJobs, eq(batchJobs.batchId, batches.id))
    .leftJoin(jobs, eq(jobs.id, batchJobs.jobId))
    .leftJoin(jobSources, eq(jobSources.jobId, jobs.id))
    .leftJoin(ratings, and(eq(ratings.userId, batches.userId), eq(ratings.jobId, batchJobs.jobId)))
    .where(and(eq(batches.userId, sql.placeholder("userId")), where))
    .orderBy(
      desc(batches.id),
      asc(batchJobs.position),
      asc(jobSources.firstSeenAt),
      asc(jobSources.id),
    );
}

/**
 * The two batch reads of every dashboard visit, prepared once per database: planning this
 * five-table join took 2 ms on the server, five times its execution.
 */
function preparedReads(db: Database) {
  let reads = prepared.get(db);
  if (!reads) {
    reads = {
      open: batchRows(db, eq(batches.status, "open")).prepare("aura_open_batch"),
      byId: batchRows(db, eq(batches.id, sql.placeholder("batchId"))).prepare("aura_batch_by_id"),
    };
    prepared.set(db, reads);
  }
  return reads;
}
const prepared = new WeakMap<
  Database,
  {
    open: ReturnType<ReturnType<typeof batchRows>["prepare"]>;
    byId: ReturnType<ReturnType<typeof batchRows>["prepare"]>;
  }
>();

/**
 * Batches from their rows, newest first, each with its jobs (no descriptions), their board
 * links and the user's ratings.
 */
function toBatches(rows: Awaited<ReturnType<typeof batchRows>>): Batch[] {
  const byId = new Map<
    number,
    { row: typeof batches.$inferSelect; number: number; jobs: Map<number, Member> }
  >();
  for (const { batch, number, member, job, source, rating } of rows) {
    let entry = byId.get(batch.id);
    if (!entry) {
      entry = { row: batch, number, jobs: new Map() };
      byId.set(batch.id, entry);
    }
    if (!member || !job) continue;
    let current = entry.jobs.get(member.jobId);
    if (!current) {
      current = { ...member, job: { ...job, sources: [] }, rating };
      entry.jobs.set(member.jobId, current);
    }
    if (source) current.job.sources.push(source);
  }
  return [...byId.values()].map(({ row, number, jobs: members }) => {
    const list = [...members.values()].map((m) => ({
      position: m.position,
      score: m.score,
      job: toJobView(m.job),
      why: (m.why as Why | null) ?? null,
      rating: m.rating ? toRating(m.rating) : null,
    }));
    return {
      id: row.id,
      number,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      lockedAt: row.lockedAt?.toISOString() ?? null,
      jobs: list,
      complete: list.every((j) => j.rating !== null),
    };
  });
}

interface Member {
  jobId: number;
  position: number;
  score: number;
  why: unknown;
  job: StoredJob;
  rating: typeof ratings.$inferSelect | null;
}

/** The user's open batch, or null. */
export async function currentBatch(db: Database, userId: string): Promise<Batch | null> {
  const [batch] = toBatches(await preparedReads(db).open.execute({ userId }));
  return batch ?? null;
}

/** One of the user's batches; another user's batch is `not_found`, as a missing one is. */
export async function getBatch(db: Database, userId: string, batchId: number): Promise<Batch> {
  const [batch] = toBatches(await preparedReads(db).byId.execute({ userId, batchId }));
  if (!batch) throw new AppError("not_found", `There is no batch ${batchId}.`, { field: "id" });
  return batch;
}

/** The user's batches, newest first. */
export async function listBatches(db: Database, userId: string, limit = 20): Promise<Batch[]> {
  const newest = db
    .select({ id: batches.id })
    .from(batches)
    .where(eq(batches.userId, userId))
    .orderBy(desc(batches.id))
    .limit(limit);
  return toBatches(await batchRows(db, inArray(batches.id, newest)).execute({ userId }));
}

/**
 * The user's open batch, made now if there is none: the ranker's best jobs the user has not
 * rated, as many as the preferences' batch size (1–5). A `conflict` while the last batch had a
 * liked job and no confirmed application (see `pendingApplications`). Two calls at once make one batch (a
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
  const person = await loadPersonState(db, userId, { model: embedder, config: options.config });
  if (!person) {
    throw new AppError(
      "conflict",
      "Set your CV or preferences before asking for a batch of jobs.",
      { field: "cv" },
    );
  }
  const pending = person.pendingApplications;
  if (pending) {
    throw new AppError(
      "conflict",
      `Before a new batch, confirm at least one application from batch ${pending.batchId} (you liked ${pending.liked} of its jobs), or say you apply to none of them.`,
      { field: "applications" },
    );
  }
  const picks = await chooseBatch(db, embedder, person, {
    config: options.config,
    size: person.profile.preferences.batchSize,
    now: options.now,
    vectorSearch: options.vectorSearch,
    cacheDir: options.cacheDir,
    seed: options.seed,
  });
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
        why: pick.why,
      })),
    );
    return row;
  });
  if (!created) {
    const winner = await currentBatch(db, userId);
    if (winner) return { batch: winner, created: false };
    throw new AppError("conflict", "Another request changed your batches; try again.");
  }
  return { batch: await getBatch(db, userId, created.id), created: true };
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
  return row
    ? { ...batch, status: row.status, lockedAt: row.lockedAt?.toISOString() ?? null }
    : getBatch(db, userId, batchId);
}
