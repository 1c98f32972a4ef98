import { and, count, desc, eq, getTableColumns, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { jobSources, jobs } from "../../db/schema.ts";

export interface JobSourceLink {
  /** Registry name, or the name an import gave. */
  source: string;
  /** The posting on that board: where credit links point. */
  url: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** A job's columns as read back: everything but the full-text document (large, for SQL only). */
const { searchVector: _searchVector, ...jobColumns } = getTableColumns(jobs);
export type JobRow = Omit<typeof jobs.$inferSelect, "searchVector">;
export type StoredJob = JobRow & { sources: JobSourceLink[] };

export interface ListJobsOptions {
  limit?: number;
  offset?: number;
  includeExpired?: boolean;
  /** Only jobs of this remote mode. */
  remote?: "remote" | "hybrid" | "onsite";
  /** Only jobs in this country (ISO 3166-1 alpha-2, as normalized). */
  country?: string;
  /** Only jobs posted (or, undated, first seen) at or after this time. */
  since?: Date;
}

/** Jobs newest first (by posting date, then by when AURA first saw them). */
export async function listJobs(
  db: Database,
  options: ListJobsOptions = {},
): Promise<{ jobs: StoredJob[]; total: number }> {
  const where = and(
    options.includeExpired ? undefined : isNull(jobs.expiredAt),
    options.remote ? eq(jobs.remote, options.remote) : undefined,
    options.country ? eq(jobs.country, options.country.toUpperCase()) : undefined,
    options.since
      ? sql`coalesce(${jobs.postedAt}, ${jobs.firstSeenAt}) >= ${options.since.toISOString()}`
      : undefined,
  );
  const rows = await db
    .select(jobColumns)
    .from(jobs)
    .where(where)
    .orderBy(sql`${jobs.postedAt} desc nulls last`, desc(jobs.id))
    .limit(options.limit ?? 20)
    .offset(options.offset ?? 0);
  const [totalRow] = await db.select({ n: count() }).from(jobs).where(where);
  return { jobs: await withSources(db, rows), total: Number(totalRow?.n ?? 0) };
}

export async function getJob(db: Database, id: number): Promise<StoredJob | null> {
  const rows = await db
    .select(jobColumns)
    .from(jobs)
    .where(and(eq(jobs.id, id)));
  const [job] = await withSources(db, rows);
  return job ?? null;
}

/**
 * Jobs by id, with their links, in the order of `ids` (unknown ids are left out). Without
 * `withDescription` the description comes back empty: lists never show it.
 */
export async function getJobs(
  db: Database,
  ids: number[],
  options: { withDescription?: boolean } = {},
): Promise<StoredJob[]> {
  if (ids.length === 0) return [];
  const columns =
    options.withDescription === false
      ? { ...jobColumns, description: sql<string>`''` }
      : jobColumns;
  const rows = await db.select(columns).from(jobs).where(inArray(jobs.id, ids));
  const byId = new Map((await withSources(db, rows)).map((job) => [job.id, job]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

async function withSources(db: Database, rows: JobRow[]): Promise<StoredJob[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select({
      jobId: jobSources.jobId,
      source: jobSources.source,
      url: jobSources.url,
      firstSeenAt: jobSources.firstSeenAt,
      lastSeenAt: jobSources.lastSeenAt,
    })
    .from(jobSources)
    .where(
      inArray(
        jobSources.jobId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(jobSources.firstSeenAt, jobSources.id);
  const byJob = new Map<number, JobSourceLink[]>();
  for (const { jobId, ...link } of links) {
    const list = byJob.get(jobId);
    if (list) list.push(link);
    else byJob.set(jobId, [link]);
  }
  return rows.map((row) => ({ ...row, sources: byJob.get(row.id) ?? [] }));
}
