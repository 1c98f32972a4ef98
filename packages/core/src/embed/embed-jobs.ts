import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { jobEmbeddings, jobs } from "../db/schema.ts";
import type { Embedder } from "./embedder.ts";
import { JOB_TEXT_RECIPE, jobEmbeddingText, jobTextHash } from "./job-text.ts";

/** No vector yet, or one made from another text (the job changed, or the recipe did). */
function staleVector() {
  return or(
    isNull(jobEmbeddings.jobId),
    sql`${jobEmbeddings.textHash} <> ${`${JOB_TEXT_RECIPE}:`} || ${jobs.contentHash}`,
  );
}

export interface EmbedJobsOptions {
  /** Jobs read, embedded and written per step; each step is one transaction. */
  batchSize?: number;
  onProgress?(done: number, total: number): void;
}

export interface EmbedJobsSummary {
  model: string;
  embedded: number;
  /** Jobs whose vector was already current. */
  upToDate: number;
  durationMs: number;
}

/**
 * Embeds every live job that has no vector for `embedder.modelId` yet, or whose text changed
 * since (the stored hash differs). Each batch is written in one transaction, so a stop
 * mid-way keeps what was done and the next run picks up the rest.
 */
export async function embedJobs(
  db: Database,
  embedder: Embedder,
  options: EmbedJobsOptions = {},
): Promise<EmbedJobsSummary> {
  const started = Date.now();
  const batchSize = Math.max(1, options.batchSize ?? 64);
  const model = embedder.modelId;
  const stale = staleVector();
  const todo = await db
    .select({ id: jobs.id })
    .from(jobs)
    .leftJoin(jobEmbeddings, and(eq(jobEmbeddings.jobId, jobs.id), eq(jobEmbeddings.model, model)))
    .where(and(isNull(jobs.expiredAt), stale))
    .orderBy(jobs.id);
  const [{ live } = { live: 0 }] = await db
    .select({ live: sql<number>`count(*)::int` })
    .from(jobs)
    .where(isNull(jobs.expiredAt));
  const total = todo.length;
  options.onProgress?.(0, total);
  let done = 0;
  // Reads and embeds one batch ahead: the encoder (in worker threads) works on the next batch
  // while this thread writes the last one.
  const prepare = async (start: number) => {
    const ids = todo.slice(start, start + batchSize).map((row) => row.id);
    const rows = await db
      .select({
        id: jobs.id,
        title: jobs.title,
        tags: jobs.tags,
        description: jobs.description,
        contentHash: jobs.contentHash,
      })
      .from(jobs)
      .where(inArray(jobs.id, ids));
    const vectors = await embedder.embed(rows.map(jobEmbeddingText));
    return rows.map((row, i) => ({
      jobId: row.id,
      model,
      textHash: jobTextHash(row.contentHash),
      embedding: Array.from(vectors[i] ?? new Float32Array(embedder.dimension)),
    }));
  };
  let next = total > 0 ? prepare(0) : null;
  for (let start = 0; next; start += batchSize) {
    const values = await next;
    next = start + batchSize < total ? prepare(start + batchSize) : null;
    // A failed write must not leave the prepared batch's rejection unhandled.
    next?.catch(() => undefined);
    await db
      .insert(jobEmbeddings)
      .values(values)
      .onConflictDoUpdate({
        target: [jobEmbeddings.jobId, jobEmbeddings.model],
        set: {
          textHash: sql`excluded.text_hash`,
          embedding: sql`excluded.embedding`,
          embeddedAt: sql`now()`,
        },
      });
    done += values.length;
    options.onProgress?.(done, total);
  }
  return {
    model,
    embedded: done,
    upToDate: Number(live) - total,
    durationMs: Date.now() - started,
  };
}

/** Live jobs without a current vector for `model`: what `embedJobs` would embed now. */
export async function countUnembeddedJobs(db: Database, model: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(jobs)
    .leftJoin(jobEmbeddings, and(eq(jobEmbeddings.jobId, jobs.id), eq(jobEmbeddings.model, model)))
    .where(and(isNull(jobs.expiredAt), staleVector()));
  return Number(row?.n ?? 0);
}

/** How far the live jobs are read for meaning by `model`: what the web app's progress shows. */
export async function embeddingProgress(
  db: Database,
  model: string,
): Promise<{ jobs: number; embedded: number }> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(jobs)
    .where(isNull(jobs.expiredAt));
  const live = Number(row?.n ?? 0);
  return { jobs: live, embedded: live - (await countUnembeddedJobs(db, model)) };
}
