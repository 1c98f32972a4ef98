import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** PostgreSQL full-text document; read back as text, written only by the database. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

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
    /**
     * Weighted full-text document: title (A) > tags (B) > text (C). The function is declared
     * IMMUTABLE in migration 0003, which a generated column needs (array_to_string is not).
     */
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(sql`aura_job_search_vector(title, tags, description)`),
    ...timestamps,
  },
  (t) => [
    index("jobs_company_title_idx").on(t.companyKey, t.titleKey),
    index("jobs_search_vector_idx").using("gin", t.searchVector),
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

/**
 * One job's vector from one model. Stored as `real[]` so every PostgreSQL can hold it; where
 * pgvector exists an HNSW index over `embedding::vector(dim)` is built per model (see
 * embed/vector-index.ts). `textHash` is the hash of the text embedded: a changed job re-embeds.
 */
export const jobEmbeddings = pgTable(
  "job_embeddings",
  {
    jobId: bigint("job_id", { mode: "number" })
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    model: text("model").notNull(),
    textHash: text("text_hash").notNull(),
    embedding: real("embedding").array().notNull(),
    embeddedAt: timestamp("embedded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.model] }),
    index("job_embeddings_model_idx").on(t.model),
  ],
);

/** A person using AURA. The CLI works as the user "local"; the API scopes everything by user. */
export const users = pgTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").unique(),
  ...timestamps,
});

/** A user's CV and preferences (validated by profile/preferences.ts), one per user. */
export const profiles = pgTable("profiles", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  cvText: text("cv_text").notNull().default(""),
  cvFileName: text("cv_file_name"),
  preferences: jsonb("preferences").notNull().default({}),
  /** The CV's vector, cached per model and CV text (hash). */
  cvModel: text("cv_model"),
  cvTextHash: text("cv_text_hash"),
  cvEmbedding: real("cv_embedding").array(),
  ...timestamps,
});

/**
 * Document frequency of every lexeme of the live jobs' `search_vector`, for BM25's idf. Rebuilt
 * (from ts_stat) when `corpusStats.fingerprint` no longer matches the jobs.
 */
export const termStats = pgTable("term_stats", {
  term: text("term").primaryKey(),
  docCount: integer("doc_count").notNull(),
});

/** The one row of corpus-wide figures behind `termStats`. */
export const corpusStats = pgTable("corpus_stats", {
  id: integer("id").primaryKey().default(1),
  docCount: integer("doc_count").notNull(),
  /** Mean distinct lexemes per job: BM25's average document length. */
  avgLength: doublePrecision("avg_length").notNull(),
  /** Live job count, newest update and highest id when the stats were built. */
  fingerprint: text("fingerprint").notNull(),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
});
