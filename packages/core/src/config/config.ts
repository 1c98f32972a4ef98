import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Cron } from "croner";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { AppError, type AppErrorCode } from "../errors.ts";

/** Environment variables AURA reads, read once at the edge and passed in. */
export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  AURA_DATA_DIR: z.string().trim().min(1).optional(),
  AURA_CONFIG: z.string().trim().min(1).optional(),
  /** The key of `apply.llm`, kept out of the config file. */
  AURA_LLM_API_KEY: z.string().trim().min(1).optional(),
  /** "off" keeps `aura start` and `aura serve` from running schedules (schedule.enabled). */
  AURA_SCHEDULE: z.enum(["on", "off"]).optional(),
  /** How much the server logs: trace, debug, info (default), warn, error, fatal or silent. */
  AURA_LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).optional(),
  /** The mail server: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. */
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The sender of AURA's mail, e.g. "AURA <aura@example.org>" (overrides notify.mailFrom). */
  MAIL_FROM: z
    .string()
    .trim()
    .min(3)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type AuraEnv = z.infer<typeof envSchema>;

/** Per-source settings in config: common keys plus the board's own options. */
const sourceSettings = z.union([
  z.boolean(),
  z
    .object({
      enabled: z.boolean().default(true),
      /** Points the adapter at another host (a mirror, or a local replay server). */
      baseUrl: z.url().optional(),
    })
    .catchall(z.unknown()),
]);

/** Which sentence encoder embeds jobs and CVs; changing it re-embeds every job. */
const embedConfigSchema = z
  .object({
    /** "use-lite" ships with AURA; "transformers" loads a sentence-transformers model. */
    model: z.enum(["use-lite", "transformers"]).default("use-lite"),
    /** Worker threads that embed at once (each loads its own copy of the model). */
    workers: z.number().int().min(1).max(16).default(2),
    transformers: z
      .object({
        /** A Hugging Face model id, e.g. Xenova/all-MiniLM-L6-v2. */
        model: z.string().min(1).default("Xenova/all-MiniLM-L6-v2"),
        /** A folder holding `<model id>/` with config, tokenizer and ONNX weights. */
        localPath: z.string().min(1).optional(),
        /** Whether the model may be downloaded from the hub when it is not found locally. */
        allowRemote: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/** How much each ranking feature counts; 0 turns a feature off. */
const rankWeightsSchema = z
  .object({
    /** BM25 of the job against the CV's most telling terms (and the roles sought). */
    keywords: z.number().min(0).max(100).default(2.1),
    /** Cosine similarity of the CV (and roles sought) to the job's text. */
    semantic: z.number().min(0).max(100).default(0.9),
    /** The job title against the roles sought, or the CV's own wording. */
    title: z.number().min(0).max(100).default(1.5),
    /** Wanted skills (or, without any, the CV's skills) found in the job. */
    skills: z.number().min(0).max(100).default(1),
    /** Unwanted skills the job asks for (a penalty). */
    excludedSkills: z.number().min(0).max(100).default(2),
    salary: z.number().min(0).max(100).default(0.5),
    location: z.number().min(0).max(100).default(0.75),
    seniority: z.number().min(0).max(100).default(0.5),
    companyType: z.number().min(0).max(100).default(0.25),
    freshness: z.number().min(0).max(100).default(0.25),
  })
  .strict();

const rankConfigSchema = z
  .object({
    weights: rankWeightsSchema.prefault({}),
    /** "filter" drops jobs asking for an excluded skill; "penalty" ranks them lower. */
    excludedSkills: z.enum(["penalty", "filter"]).default("penalty"),
    /** Candidates taken from each retriever before the features are scored. */
    candidates: z.number().int().min(10).max(5000).default(100),
    /** Days after which freshness has halved. */
    freshnessHalfLifeDays: z.number().positive().default(14),
    /**
     * How batches are chosen: "bandit" learns from the person's ratings and outcomes (and
     * ranks as "ranker" until it has a few); "dqn" chooses with the person's trained DQN
     * (as "bandit" until `aura train` has trained one); "ranker" always shows the ranker's best.
     */
    policy: z.enum(["bandit", "dqn", "ranker"]).default("bandit"),
  })
  .strict();

/** How application documents are written and shown (apply/). */
export const applyConfigSchema = z
  .object({
    /** "offline" works with no key; "llm" asks `llm` and still passes the truthfulness guard. */
    writer: z.enum(["offline", "llm"]).default("offline"),
    /** Any OpenAI-compatible chat endpoint: OpenAI, Ollama, a llama.cpp server, vLLM. */
    llm: z
      .object({
        baseUrl: z.url().default("http://127.0.0.1:11434/v1"),
        model: z.string().min(1).default("llama3.1"),
        /** Read from the config or AURA_LLM_API_KEY; local servers need none. */
        apiKey: z.string().optional(),
        maxTokens: z.number().int().min(64).max(32_000).default(1_500),
        timeoutMs: z.number().int().min(1_000).max(600_000).default(60_000),
      })
      .strict()
      .prefault({}),
    template: z.enum(["classic", "modern"]).default("classic"),
    pageSize: z.enum(["a4", "letter"]).default("a4"),
    /** A tracked application with no news for this many days is flagged for a follow-up. */
    reminderDays: z.number().int().min(1).max(365).default(10),
  })
  .strict();

/** How people are told that their batch is ready (notify/): mail through SMTP_URL, webhooks. */
const notifyConfigSchema = z
  .object({
    /** The sender when MAIL_FROM is unset, e.g. "AURA <aura@example.org>". */
    mailFrom: z.string().min(3).optional(),
    /** Most milliseconds the mail server may take to answer each step of a send. */
    smtpTimeoutMs: z.number().int().min(1_000).max(300_000).default(20_000),
    webhook: z
      .object({
        /** Most milliseconds one delivery attempt may take. */
        timeoutMs: z.number().int().min(500).max(60_000).default(10_000),
        /** Attempts after the first one, on network errors, 429 and 5xx. */
        retries: z.number().int().min(0).max(10).default(4),
        /** The first wait between attempts; each next one doubles. */
        backoffMs: z.number().int().min(0).max(600_000).default(2_000),
        /**
         * Webhooks to loopback and private addresses (a one-person install posting to its own
         * machine). Off: a person's URL must not make the server post into its own network.
         */
        allowPrivate: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type ApplyConfig = z.infer<typeof applyConfigSchema>;
export type NotifyConfig = z.infer<typeof notifyConfigSchema>;
export type EmbedConfig = z.infer<typeof embedConfigSchema>;
export type RankConfig = z.infer<typeof rankConfigSchema>;
export type RankWeights = z.infer<typeof rankWeightsSchema>;

/** A 5- or 6-field cron pattern croner accepts. */
const cronPattern = z.string().refine(
  (pattern) => {
    try {
      new Cron(pattern, { paused: true }).stop();
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a cron pattern such as "0 4 * * *"' },
);

export const configSchema = z
  .object({
    /** Folder of the embedded database. */
    dataDir: z.string().min(1).default("data"),
    /** The server's log level (AURA_LOG_LEVEL overrides it). */
    logLevel: z
      .enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"])
      .default("info"),
    /** What AURA runs by itself inside `aura start` and `aura serve` (cron patterns in UTC). */
    schedule: z
      .object({
        enabled: z.boolean().default(true),
        /** The shared gathering of every enabled board, then embedding (default: daily, 04:00). */
        gather: cronPattern.default("0 4 * * *"),
        /** How often to look for people whose next batch is due (default: every 15 minutes). */
        sweep: cronPattern.default("*/15 * * * *"),
        /** Gather from the recorded responses instead of the boards (a machine with no network). */
        offline: z.boolean().default(false),
        /**
         * On a PostgreSQL server: how many tasks `aura start` / `aura serve` run at once from the
         * queue themselves (0: leave them to `aura worker` processes).
         */
        workers: z.number().int().min(0).max(16).default(1),
        /** Attempts after a task's first failure, waiting retryDelaySeconds, then double that. */
        retries: z.number().int().min(0).max(10).default(2),
        retryDelaySeconds: z.number().int().min(1).max(3600).default(30),
        /**
         * On the PostgreSQL queue: a task running longer than this is failed and tried again (a
         * worker that dies is noticed sooner, by its lapsed lease).
         */
        taskTimeoutSeconds: z.number().int().min(5).max(86_400).default(3600),
      })
      .strict()
      .prefault({}),
    /** A PostgreSQL server; when set, the embedded database is not used. */
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    ingest: z
      .object({
        /** Live sources keep postings of the last N days; null keeps every age. */
        maxAgeDays: z.number().int().positive().nullable().default(7),
        /** A posting gone from every source for N days is marked expired. */
        expireAfterDays: z.number().int().positive().default(14),
        /** Sources fetched at the same time. */
        concurrency: z.number().int().min(1).max(16).default(4),
      })
      .strict()
      .prefault({}),
    http: z
      .object({
        timeoutMs: z.number().int().min(100).default(15_000),
        retries: z.number().int().min(0).max(10).default(3),
        backoffMs: z.number().int().min(0).default(1_000),
        /** Least time between two requests to one host. */
        paceMs: z.number().int().min(0).default(1_000),
        userAgent: z.string().optional(),
      })
      .strict()
      .prefault({}),
    embed: embedConfigSchema.prefault({}),
    rank: rankConfigSchema.prefault({}),
    apply: applyConfigSchema.prefault({}),
    /** E-mail addresses of the people who see the admin view (every user's figures). */
    admins: z.array(z.email()).default([]),
    /** Sources by registry name; a name left out uses its defaults, `false` turns it off. */
    sources: z.record(z.string(), sourceSettings).default({}),
    notify: notifyConfigSchema.prefault({}),
  })
  .strict();

export type AuraConfig = z.infer<typeof configSchema>;
export type SourceSettings = z.infer<typeof sourceSettings>;

export const defaultConfigFile = "aura.config.yaml";

/**
 * Reads `aura.config.yaml` (or AURA_CONFIG) from `cwd` if present, applies the
 * environment over it, and validates everything. A wrong value throws an
 * `invalid_config` error whose message names the key.
 */
export function loadConfig(options: { cwd: string; env: Record<string, string | undefined> }): {
  config: AuraConfig;
  env: AuraEnv;
  file: string | null;
} {
  const env = parseOrThrow(envSchema, options.env, "environment");
  const explicit = env.AURA_CONFIG ? resolve(options.cwd, env.AURA_CONFIG) : null;
  const file = explicit ?? resolve(options.cwd, defaultConfigFile);
  let raw: unknown = {};
  if (existsSync(file)) {
    try {
      raw = parseYaml(readFileSync(file, "utf8")) ?? {};
    } catch (cause) {
      throw new AppError(
        "invalid_config",
        `${file} is not valid YAML: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
  } else if (explicit) {
    throw new AppError("invalid_config", `AURA_CONFIG names ${file}, which does not exist`, {
      field: "AURA_CONFIG",
    });
  }
  const config = parseOrThrow(configSchema, raw, existsSync(file) ? file : "config");
  if (env.AURA_DATA_DIR) config.dataDir = env.AURA_DATA_DIR;
  if (env.DATABASE_URL) config.databaseUrl = env.DATABASE_URL;
  if (env.AURA_LLM_API_KEY) config.apply.llm.apiKey = env.AURA_LLM_API_KEY;
  if (env.AURA_LOG_LEVEL) config.logLevel = env.AURA_LOG_LEVEL;
  if (env.AURA_SCHEDULE) config.schedule.enabled = env.AURA_SCHEDULE === "on";
  config.dataDir = resolve(options.cwd, config.dataDir);
  return { config, env, file: existsSync(file) ? file : null };
}

/**
 * The first zod issue, as AURA words it: the dotted path of the field (for unknown keys, the
 * first unknown key's) and what is wrong with it.
 */
export function describeZodError(
  error: z.ZodError,
  pathPrefix: string[] = [],
): { field: string; problem: string } {
  const issue = error.issues[0];
  const key = [...pathPrefix, ...(issue?.path.map(String) ?? [])].join(".");
  if (issue?.code === "unrecognized_keys") {
    return {
      field: key ? `${key}.${issue.keys[0]}` : (issue.keys[0] ?? ""),
      problem: `unknown key(s) ${issue.keys.join(", ")}`,
    };
  }
  return { field: key, problem: issue?.message ?? "invalid value" };
}

export function parseOrThrow<T>(
  schema: z.ZodType<T>,
  value: unknown,
  where: string,
  pathPrefix: string[] = [],
  code: AppErrorCode = "invalid_config",
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = [...pathPrefix, ...(issue?.path.map(String) ?? [])].join(".");
  const { field, problem } = describeZodError(result.error, pathPrefix);
  const at = key === "" ? "" : ` at "${key}"`;
  throw new AppError(code, `Invalid ${where}${at}: ${problem}`, { field });
}
