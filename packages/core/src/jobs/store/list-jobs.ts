import { and, count, desc, eq, getTableColumns, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { jobSources, jobs } from "../../db/schema.ts";
import type { JobSourceLink, StoredJob } from "../stored-job.ts";

export type { JobRow, JobSourceLink, StoredJob } from "../stored-job.ts";

/** A job's columns as read back: everything but the full-text document (large, for SQL only). */
const { searchVector: _searchVector, ...jobColumns } = getTableColumns(jobs);

/** The columns of a job without its description: what lists and cards show. */
export const jobSummaryColumns = { ...jobColumns, description: sql<string>`''` };

/** A board link's columns, as `JobSourceLink` holds them. */
export const sourceLinkColumns = {
  source: jobSources.source,
  url: jobSources.url,
  firstSeenAt: jobSources.firstSeenAt,
  lastSeenAt: jobSources.lastSeenAt,
};

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
  const [[totalRow], links] = await Promise.all([
    db.select({ n: count() }).from(jobs).where(where),
    linksOf(
      db,
      rows.map((row) => row.id),
    ),
  ]);
  return {
    jobs: rows.map((row) => ({ ...row, sources: links.get(row.id) ?? [] })),
    total: Number(totalRow?.n ?? 0),
  };
}

export async function getJob(db: Database, id: number): Promise<StoredJob | null> {
  const [job] = await getJobs(db, [id]);
  return job ?? null;
}

/** `column = ANY(ids)`: one array parameter however many ids (an IN list plans slower). */
export function idIn(column: typeof jobs.id | typeof jobSources.jobId, ids: number[]) {
  return sql`${column} = ANY(${`{${ids.map((id) => Math.floor(id)).join(",")}}`}::bigint[])`;
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
  const columns = options.withDescription === false ? jobSummaryColumns : jobColumns;
  // The links need only the ids: both queries run at once.
  const [rows, links] = await Promise.all([
    db.select(columns).from(jobs).where(idIn(jobs.id, ids)),
    linksOf(db, ids),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, sources: links.get(id) ?? [] }] : [];
  });
}

/** The board links of the given jobs, oldest first, by job id. */
export async function linksOf(db: Database, ids: number[]): Promise<Map<number, JobSourceLink[]>> {
  const links = await db
    .select({ jobId: jobSources.jobId, ...sourceLinkColumns })
    .from(jobSources)
    .where(idIn(jobSources.jobId, ids))
    .orderBy(jobSources.firstSeenAt, jobSources.id);
  const byJob = new Map<number, JobSourceLink[]>();
  for (const { jobId, ...link } of links) {
    const list = byJob.get(jobId);
    if (list) list.push(link);
    else byJob.set(jobId, [link]);
  }
  return byJob;
}
