import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
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
    /** Vocabulary skills found in the job, stored by the pipeline for ranking. */
    skills: text("skills").array(),
    /** `<vocabulary version>:<content hash>` the skills were read with; another is stale. */
    skillsKey: text("skills_key"),
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
    // The newest live jobs first (GET /api/jobs, aura jobs list) without sorting them all.
    index("jobs_live_newest_idx")
      .on(sql`${t.postedAt} DESC NULLS LAST`, sql`${t.id} DESC`)
      .where(sql`${t.expiredAt} IS NULL`),
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
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  ...timestamps,
});

/** A signed-in browser session (better-auth's `session` model). */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    token: text("token").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    ...timestamps,
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** How a user signs in: a password hash or a GitHub/Google link (better-auth's `account`). */
export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    ...timestamps,
  },
  (t) => [index("accounts_user_idx").on(t.userId)],
);

/** One-time values (e-mail verification, OAuth state) of better-auth's `verification`. */
export const verifications = pgTable("verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  ...timestamps,
});

/** Personal API tokens (for the CLI): only a SHA-256 of the token is kept. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

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

/** The 1–5 jobs a user is shown to rate; one open batch per user (partial unique index). */
export const batches = pgTable(
  "batches",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["open", "locked"] })
      .notNull()
      .default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    /** When the person said they apply to none of this batch's jobs. */
    noApplicationsAt: timestamp("no_applications_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("batches_one_open_per_user").on(t.userId).where(sql`status = 'open'`),
    check("batches_status", sql`${t.status} IN ('open', 'locked')`),
    index("batches_user_idx").on(t.userId, t.id),
  ],
);

/** The jobs of a batch, in the order shown, with the ranker's score when chosen. */
export const batchJobs = pgTable(
  "batch_jobs",
  {
    batchId: bigint("batch_id", { mode: "number" })
      .notNull()
      .references(() => batches.id, { onDelete: "cascade" }),
    jobId: bigint("job_id", { mode: "number" })
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    score: doublePrecision("score").notNull(),
    /** The ranker's reasons when the batch was made (`RankedJob["why"]`), shown on the card. */
    why: jsonb("why"),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.jobId] })],
);

/** A user's rating of a job: stars 1–5 and optional 1–10 aspects; one per user and job. */
export const ratings = pgTable(
  "ratings",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    jobId: bigint("job_id", { mode: "number" })
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    stars: integer("stars").notNull(),
    fit: integer("fit"),
    interest: integer("interest"),
    prestige: integer("prestige"),
    location: integer("location"),
    comment: text("comment"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.jobId] }),
    check("ratings_stars_range", sql`${t.stars} BETWEEN 1 AND 5`),
    check(
      "ratings_aspects_range",
      sql`coalesce(${t.fit}, 1) BETWEEN 1 AND 10 AND coalesce(${t.interest}, 1) BETWEEN 1 AND 10
        AND coalesce(${t.prestige}, 1) BETWEEN 1 AND 10 AND coalesce(${t.location}, 1) BETWEEN 1 AND 10`,
    ),
  ],
);

export const OUTCOME_STAGES = [
  "applied",
  "interview1",
  "interview2",
  "offer",
  "rejected",
  "no_response",
  "accepted",
] as const;
export type OutcomeStage = (typeof OUTCOME_STAGES)[number];

/** What happened to an application: one row per stage reached, with notes. */
export const outcomes = pgTable(
  "outcomes",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    jobId: bigint("job_id", { mode: "number" })
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    stage: text("stage", { enum: OUTCOME_STAGES }).notNull(),
    notes: text("notes"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outcomes_user_job_idx").on(t.userId, t.jobId),
    check(
      "outcomes_stage",
      sql.raw(`stage IN (${OUTCOME_STAGES.map((stage) => `'${stage}'`).join(", ")})`),
    ),
  ],
);

/** Where an application stands: a draft until the person says they applied, then a stage. */
export const APPLICATION_STATUSES = ["draft", ...OUTCOME_STAGES] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * A person's application to one job: the tailored documents (Markdown, the source of the PDF
 * and DOCX), what the guard left out, and where it stands. Each stage it moves to is also an
 * `outcomes` row, which the learning loop reads as reward.
 */
export const applications = pgTable(
  "applications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    jobId: bigint("job_id", { mode: "number" })
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    /** The batch the job was rated in, when it came from one. */
    batchId: bigint("batch_id", { mode: "number" }).references(() => batches.id, {
      onDelete: "set null",
    }),
    status: text("status", { enum: APPLICATION_STATUSES }).notNull().default("draft"),
    cvMarkdown: text("cv_markdown").notNull(),
    letterMarkdown: text("letter_markdown").notNull(),
    /** How the documents were written: writer, language, guard flags, provenance, time. */
    generation: jsonb("generation").notNull().default({}),
    /** Facts the person added beside the CV (evidence for the guard on the next generation). */
    addedFacts: text("added_facts").notNull().default(""),
    notes: text("notes").notNull().default(""),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
    /** When the status last changed: a reminder is due `apply.reminderDays` after it. */
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("applications_user_job").on(t.userId, t.jobId),
    index("applications_user_batch_idx").on(t.userId, t.batchId),
    check(
      "applications_status",
      sql.raw(`status IN (${APPLICATION_STATUSES.map((status) => `'${status}'`).join(", ")})`),
    ),
  ],
);

/**
 * A model the learning loop trained for one user (learn/train.ts), versioned: each training
 * adds a version, and the newest is used. `params` holds what rebuilds it (weights as arrays).
 */
export const learnedModels = pgTable(
  "learned_models",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", {
      enum: ["taste-bandit", "preference-lstm", "embedding-adapter", "batch-dqn"],
    }).notNull(),
    version: integer("version").notNull(),
    /** Ratings the model was trained on. */
    ratings: integer("ratings").notNull(),
    trainingMs: integer("training_ms").notNull(),
    /** Held-out figures from training (RMSE against baselines, MRR change...). */
    metrics: jsonb("metrics").notNull().default({}),
    params: jsonb("params").notNull(),
    trainedAt: timestamp("trained_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("learned_models_user_kind_version").on(t.userId, t.kind, t.version)],
);

/** What the agent runs by itself (tasks/): shared ingests and each person's runs. */
export const TASK_NAMES = ["gather", "person-run", "train-person"] as const;
export type TaskName = (typeof TASK_NAMES)[number];
export const TASK_STATUSES = ["running", "done", "failed", "skipped"] as const;

/**
 * One attempt of a task, kept for `aura runs` and the admin page. `key` names what the task is
 * for (e.g. `person-run:<user>:<due date>`), so a second run of the same key is recognised.
 */
export const taskRuns = pgTable(
  "task_runs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    task: text("task", { enum: TASK_NAMES }).notNull(),
    key: text("key").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: TASK_STATUSES }).notNull(),
    attempt: integer("attempt").notNull().default(1),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
    /** What the run did (counts, the batch made) or why it was skipped. */
    result: jsonb("result").notNull().default({}),
    /** The error a person can read, when it failed. */
    error: text("error"),
    /** The process that ran it (host:pid:id): a dead one's runs are taken as failed. */
    worker: text("worker"),
    /** The PostgreSQL queue's job (pg-boss id); null when it ran in process. */
    queueJob: text("queue_job"),
  },
  (t) => [
    index("task_runs_started").on(t.startedAt),
    index("task_runs_key").on(t.key),
    index("task_runs_user").on(t.userId, t.startedAt),
  ],
);

/**
 * A lease on work only one process may do at a time (the shared ingest), on either database:
 * taken by an upsert that succeeds only when the lease is free or expired, renewed while the
 * work goes on, so a holder that dies frees it when its lease runs out.
 */
export const taskLeases = pgTable("task_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** How a person is told that their batch is ready, and in which language and time zone. */
export const notificationSettings = pgTable("notification_settings", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** en, es or pt: the language of the e-mails. */
  language: text("language", { enum: ["en", "es", "pt"] })
    .notNull()
    .default("en"),
  /** IANA time zone (e.g. Europe/Madrid): times are stored in UTC and shown in it. */
  timeZone: text("time_zone").notNull().default("UTC"),
  email: boolean("email").notNull().default(true),
  webhookUrl: text("webhook_url"),
  /** Signs webhook bodies (HMAC-SHA256); made when the webhook is set. */
  webhookSecret: text("webhook_secret"),
  /** When the person last asked for a batch now (at most once an hour; tasks/ask-for-batch.ts). */
  askedBatchAt: timestamp("asked_batch_at", { withTimezone: true }),
  ...timestamps,
});
