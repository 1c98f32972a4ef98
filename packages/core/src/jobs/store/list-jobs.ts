import { and, count, desc, eq, getTableColumns, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { jobs } from "../../db/schema.ts";

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
    .select({ ...jobColumns, sourceLinks: sourcesColumn })
    .from(jobs)
    .where(where)
    .orderBy(sql`${jobs.postedAt} desc nulls last`, desc(jobs.id))
    .limit(options.limit ?? 20)
    .offset(options.offset ?? 0);
  const [totalRow] = await db.select({ n: count() }).from(jobs).where(where);
  return { jobs: withSources(rows), total: Number(totalRow?.n ?? 0) };
}

export async function getJob(db: Database, id: number): Promise<StoredJob | null> {
  const rows = await db
    .select({ ...jobColumns, sourceLinks: sourcesColumn })
    .from(jobs)
    .where(and(eq(jobs.id, id)));
  const [job] = withSources(rows);
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
  const columns = {
    ...jobColumns,
    ...(options.withDescription === false ? { description: sql<string>`''` } : {}),
    sourceLinks: sourcesColumn,
  };
  const rows = await db.select(columns).from(jobs).where(inArray(jobs.id, ids));
  const byId = new Map(withSources(rows).map((job) => [job.id, job]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Each job's links as one JSON column: the rows and their links in one round trip. */
const sourcesColumn = sql<
  { source: string; url: string; firstSeenAt: string; lastSeenAt: string }[]
>`coalesce((
    SELECT json_agg(json_build_object('source', s.source, 'url', s.url,
      'firstSeenAt', s.first_seen_at, 'lastSeenAt', s.last_seen_at) ORDER BY s.first_seen_at, s.id)
    FROM job_sources s WHERE s.job_id = ${jobs.id}), '[]'::json)`;

type RowWithSources = JobRow & { sourceLinks: unknown };

function withSources(rows: RowWithSources[]): StoredJob[] {
  return rows.map(({ sourceLinks, ...row }) => {
    const links = (typeof sourceLinks === "string" ? JSON.parse(sourceLinks) : sourceLinks) as {
      source: string;
      url: string;
      firstSeenAt: string;
      lastSeenAt: string;
    }[];
    return {
      ...row,
      sources: links.map((link) => ({
        source: link.source,
        url: link.url,
        firstSeenAt: new Date(link.firstSeenAt),
        lastSeenAt: new Date(link.lastSeenAt),
      })),
    };
  });
}
