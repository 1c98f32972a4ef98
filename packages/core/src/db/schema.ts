import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** One job, however many boards list it. Its links to the boards are `jobSources`. */
export const jobs = pgTable(
  "jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    title: text("title").notNull(),
    company: text("company").notNull(),
    /** The canonical URL of the first link; every link is in `job_sources`. */
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    location: text("location"),
    country: text("country"),
    remote: text("remote", { enum: ["remote", "hybrid", "onsite", "unknown"] })
      .notNull()
      .default("unknown"),
    salaryMin: doublePrecision("salary_min"),
    salaryMax: doublePrecision("salary_max"),
    currency: text("currency"),
    salaryPeriod: text("salary_period", { enum: ["year", "month", "week", "day", "hour"] }),
    /** Salary bounds annualized in `currency`, for comparisons across periods. */
    salaryMinAnnual: doublePrecision("salary_min_annual"),
    salaryMaxAnnual: doublePrecision("salary_max_annual"),
    seniority: text("seniority", {
      enum: ["intern", "junior", "mid", "senior", "lead", "principal", "executive"],
    }),
    employmentType: text("employment_type", {
      enum: ["full_time", "part_time", "contract", "internship", "temporary", "freelance"],
    }),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    postedAt: timestamp("posted_at", { withTimezone: true }),
    /** Normalized company and title: the cross-board duplicate key. */
    companyKey: text("company_key").notNull(),
    titleKey: text("title_key").notNull(),
    contentHash: text("content_hash").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiredAt: timestamp("expired_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("jobs_company_title_idx").on(t.companyKey, t.titleKey),
    index("jobs_posted_at_idx").on(t.postedAt),
    index("jobs_url_idx").on(t.url),
  ],
);

/** One board's listing of a job: where it was seen, its id there and its original URL. */
export const jobSources = pgTable(
  "job_sources",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    jobId: bigint("job_id", { mode: "number" })
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    /** The board's own URL for the posting, as given (credit links point here). */
    url: text("url").notNull(),
    /** `url` with tracking parameters and fragments stripped. */
    canonicalUrl: text("canonical_url").notNull(),
    /** Whether this link comes from a feed that is re-read (and so can expire). */
    live: boolean("live").notNull().default(true),
    contentHash: text("content_hash").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("job_sources_source_external_idx").on(t.source, t.externalId),
    index("job_sources_canonical_url_idx").on(t.canonicalUrl),
    index("job_sources_job_idx").on(t.jobId),
  ],
);

/** One run of `aura ingest` (or an import): when, how, and what each source gave. */
export const ingestRuns = pgTable("ingest_runs", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  offline: boolean("offline").notNull().default(false),
  summary: jsonb("summary"),
  durationMs: integer("duration_ms"),
});
