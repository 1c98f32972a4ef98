import { sql } from "drizzle-orm";
import { type Database, resultRows } from "../db/client.ts";
import { OUTCOME_STAGES, type OutcomeStage } from "../db/schema.ts";
import { sourceLabel } from "../sources/registry.ts";

import type { AdminOverview, PipelineRun, SourceHealth } from "./admin-overview-schema.ts";

export type {
  AdminOverview,
  AdminUserRow,
  PipelineRun,
  SourceHealth,
} from "./admin-overview-schema.ts";

export interface AdminOverviewOptions {
  /** Pipeline runs to return (20 by default). */
  runs?: number;
  /** User rows to return (500 by default); `counts.users` still counts everyone. */
  users?: number;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
const iso = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string | Date).toISOString();
const MAX_MESSAGES = 5;

interface RunSourceSummary {
  name?: string;
  fetched?: number;
  new?: number;
  updated?: number;
  duplicates?: number;
  skipped?: number;
  errors?: number;
  messages?: string[];
}

interface RunSummary {
  import?: string;
  sources?: RunSourceSummary[];
  totals?: Partial<Record<"fetched" | "new" | "updated" | "duplicates" | "skipped", number>> & {
    errors?: number;
  };
  expired?: number;
  rejected?: { line: number; reason: string }[];
}

function toRun(row: {
  id: string | number;
  started_at: string | Date;
  finished_at: string | Date | null;
  offline: boolean;
  duration_ms: number | null;
  summary: RunSummary | string | null;
}): PipelineRun {
  const summary: RunSummary =
    (typeof row.summary === "string" ? JSON.parse(row.summary) : row.summary) ?? {};
  const sources = Array.isArray(summary.sources) ? summary.sources : [];
  const totals = summary.totals ?? {};
  const isImport = typeof summary.import === "string";
  const rejected = Array.isArray(summary.rejected) ? summary.rejected : [];
  const failing = sources.filter((s) => num(s.errors) > 0);
  const messages = isImport
    ? rejected.map((r) => `${summary.import} line ${r.line}: ${r.reason}`)
    : failing.flatMap((s) => (s.messages ?? []).map((m) => `${s.name ?? "?"}: ${m}`));
  let status: PipelineRun["status"] = "ok";
  if (row.finished_at === null) status = "running";
  else if (!isImport && sources.length > 0 && failing.length === sources.length) status = "failed";
  else if (failing.length > 0 || rejected.length > 0) status = "partial";
  return {
    id: Number(row.id),
    kind: isImport ? "import" : "ingest",
    startedAt: iso(row.started_at) ?? "",
    finishedAt: iso(row.finished_at),
    status,
    offline: Boolean(row.offline),
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
    sources: sources.length,
    fetched: num(totals.fetched),
    new: num(totals.new),
    updated: num(totals.updated),
    duplicates: num(totals.duplicates),
    skipped: num(totals.skipped),
    errors: num(totals.errors),
    expired: num(summary.expired),
    messages: messages.slice(0, MAX_MESSAGES),
  };
}

/** A run's per-source entries, as SQL rows (imports have none). */
const runSources = sql`
  ingest_runs r,
  jsonb_array_elements(
    CASE WHEN jsonb_typeof(r.summary->'sources') = 'array' THEN r.summary->'sources'
    ELSE '[]'::jsonb END
  ) AS s`;

/**
 * Figures across every user, for the people named in `admins`: what is stored, how the last
 * pipeline runs went, how each board is doing, and each person's use.
 */
export async function adminOverview(
  db: Database,
  options: AdminOverviewOptions = {},
): Promise<AdminOverview> {
  const runLimit = options.runs ?? 20;
  const userLimit = options.users ?? 500;
  const [countRows, stageRows, runRows, jobSourceRows, fetchRows, errorRows, userRows] =
    await Promise.all([
      db.execute(sql`
        SELECT
          (SELECT count(*) FROM users) AS users,
          (SELECT count(*) FROM profiles WHERE length(trim(cv_text)) > 0) AS profiles_with_cv,
          (SELECT count(*) FROM batches) AS batches,
          (SELECT count(*) FROM ratings) AS ratings,
          (SELECT count(*) FROM (SELECT DISTINCT user_id, job_id FROM outcomes) o) AS applications,
          (SELECT count(*) FROM jobs WHERE expired_at IS NULL) AS live_jobs,
          (SELECT count(*) FROM jobs WHERE expired_at IS NOT NULL) AS expired_jobs`),
      db.execute(sql`SELECT stage, count(*) AS n FROM outcomes GROUP BY stage`),
      db.execute(sql`
        SELECT id, started_at, finished_at, offline, duration_ms, summary
        FROM ingest_runs ORDER BY started_at DESC, id DESC LIMIT ${runLimit}`),
      db.execute(sql`
        SELECT js.source,
          count(DISTINCT js.job_id) FILTER (WHERE j.expired_at IS NULL) AS live,
          count(DISTINCT js.job_id) AS total
        FROM job_sources js JOIN jobs j ON j.id = js.job_id
        GROUP BY js.source`),
      db.execute(sql`
        SELECT s->>'name' AS source,
          max(coalesce(r.finished_at, r.started_at)) AS last_run,
          max(coalesce(r.finished_at, r.started_at))
            FILTER (WHERE coalesce((s->>'errors')::int, 0) = 0) AS last_ok
        FROM ${runSources}
        WHERE s->>'name' IS NOT NULL
        GROUP BY s->>'name'`),
      db.execute(sql`
        SELECT DISTINCT ON (s->>'name') s->>'name' AS source,
          coalesce(r.finished_at, r.started_at) AS at,
          s->'messages'->>0 AS message
        FROM ${runSources}
        WHERE s->>'name' IS NOT NULL AND coalesce((s->>'errors')::int, 0) > 0
        ORDER BY s->>'name', r.started_at DESC, r.id DESC`),
      db.execute(sql`
        SELECT u.id, u.name, u.created_at,
          coalesce(length(trim(p.cv_text)) > 0, false) AS has_cv,
          (SELECT count(*) FROM batches b WHERE b.user_id = u.id) AS batches,
          coalesce(r.n, 0) AS ratings,
          r.average AS average_stars,
          (SELECT count(DISTINCT o.job_id) FROM outcomes o WHERE o.user_id = u.id) AS applications
        FROM users u
        LEFT JOIN profiles p ON p.user_id = u.id
        LEFT JOIN (
          SELECT user_id, count(*) AS n, avg(stars)::float8 AS average
          FROM ratings GROUP BY user_id
        ) r ON r.user_id = u.id
        ORDER BY coalesce(r.n, 0) DESC, u.created_at, u.id
        LIMIT ${userLimit}`),
    ]);

  const counts = resultRows<Record<string, unknown>>(countRows)[0] ?? {};
  const outcomesByStage = Object.fromEntries(OUTCOME_STAGES.map((stage) => [stage, 0])) as Record<
    OutcomeStage,
    number
  >;
  for (const row of resultRows<{ stage: OutcomeStage; n: unknown }>(stageRows)) {
    outcomesByStage[row.stage] = num(row.n);
  }

  const health = new Map<string, SourceHealth>();
  const entry = (source: string) => {
    let found = health.get(source);
    if (!found) {
      found = {
        source,
        label: sourceLabel(source),
        liveJobs: 0,
        totalJobs: 0,
        lastSuccessAt: null,
        lastRunAt: null,
        lastError: null,
      };
      health.set(source, found);
    }
    return found;
  };
  for (const row of resultRows<{ source: string; live: unknown; total: unknown }>(jobSourceRows)) {
    const found = entry(row.source);
    found.liveJobs = num(row.live);
    found.totalJobs = num(row.total);
  }
  for (const row of resultRows<{ source: string; last_run: unknown; last_ok: unknown }>(
    fetchRows,
  )) {
    const found = entry(row.source);
    found.lastRunAt = iso(row.last_run);
    found.lastSuccessAt = iso(row.last_ok);
  }
  for (const row of resultRows<{ source: string; at: unknown; message: string | null }>(
    errorRows,
  )) {
    entry(row.source).lastError = {
      at: iso(row.at) ?? "",
      message: row.message ?? "The source failed without a message.",
    };
  }

  return {
    generatedAt: new Date().toISOString(),
    counts: {
      users: num(counts.users),
      profilesWithCv: num(counts.profiles_with_cv),
      batches: num(counts.batches),
      ratings: num(counts.ratings),
      applications: num(counts.applications),
      outcomes: outcomesByStage,
      jobs: { live: num(counts.live_jobs), expired: num(counts.expired_jobs) },
    },
    runs: resultRows<Parameters<typeof toRun>[0]>(runRows).map(toRun),
    sources: [...health.values()].sort(
      (a, b) => b.liveJobs - a.liveJobs || a.source.localeCompare(b.source),
    ),
    users: resultRows<{
      id: string;
      name: string;
      created_at: string | Date;
      has_cv: boolean;
      batches: unknown;
      ratings: unknown;
      average_stars: unknown;
      applications: unknown;
    }>(userRows).map((row) => ({
      userId: row.id,
      name: row.name,
      createdAt: iso(row.created_at) ?? "",
      hasCv: Boolean(row.has_cv),
      batches: num(row.batches),
      ratings: num(row.ratings),
      averageStars:
        row.average_stars === null || row.average_stars === undefined
          ? null
          : round(Number(row.average_stars)),
      applications: num(row.applications),
    })),
  };
}
