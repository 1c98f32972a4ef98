import type { Database } from "../db/client.ts";
import { ingestRuns } from "../db/schema.ts";
import { errorMessage } from "../errors.ts";
import type { NormalizedPosting } from "../jobs/job.ts";
import { normalizePosting } from "../jobs/normalize/normalize-posting.ts";
import { DedupeIndex } from "../jobs/store/dedupe-index.ts";
import { expireJobs } from "../jobs/store/expire-jobs.ts";
import { storePostings, touchLinks } from "../jobs/store/store-postings.ts";
import type { Logger } from "../log/logger.ts";
import type { HttpClient } from "../sources/http-client.ts";
import type { AnyJobSource } from "../sources/types.ts";

/** One source to read in a run, with its options already validated. */
export interface SourcePlan {
  source: AnyJobSource;
  options: unknown;
  baseUrl: string;
}

export interface SourceStats {
  name: string;
  /** Raw postings received. fetched = new + updated + duplicates + skipped. */
  fetched: number;
  new: number;
  updated: number;
  duplicates: number;
  skipped: number;
  /** Requests or pages that failed (after retries). */
  errors: number;
  /** Why postings were skipped: malformed, or older than the age window. */
  skippedReasons: { invalid: number; tooOld: number };
  /** The first few problems, for people: error messages and skip reasons. */
  messages: string[];
}

export type IngestTotals = Omit<SourceStats, "name" | "skippedReasons" | "messages">;

export interface IngestSummary {
  sources: SourceStats[];
  totals: IngestTotals;
  /** Jobs marked expired in this run. */
  expired: number;
  offline: boolean;
  durationMs: number;
}

export type IngestEvent =
  | { type: "start"; source: string }
  | { type: "progress"; source: string; stats: SourceStats }
  | { type: "done"; source: string; stats: SourceStats }
  | { type: "retry"; source: string; message: string };

export interface IngestOptions {
  now?: Date;
  /** Keep postings of the last N days; null keeps every age. */
  maxAgeDays: number | null;
  expireAfterDays: number;
  concurrency: number;
  offline: boolean;
  onEvent?: (event: IngestEvent) => void;
  /** Each source's counts and duration, and the run's totals (structured, no personal data). */
  log?: Logger;
}

const MAX_MESSAGES = 5;

/**
 * Reads every planned source, normalizes, de-duplicates and stores what they give.
 * Sources are fetched concurrently; storing is serialized (one writer, one index).
 * A failing source never stops the others, and what it gave before failing is kept.
 */
export async function ingest(
  db: Database,
  http: HttpClient,
  plans: readonly SourcePlan[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const since =
    options.maxAgeDays === null ? null : new Date(now.getTime() - options.maxAgeDays * 86_400_000);
  let index = await DedupeIndex.load(db);
  const writer = createSerialQueue();
  const emit = options.onEvent ?? (() => undefined);
  const log = options.log;

  async function runSource(plan: SourcePlan): Promise<SourceStats> {
    const name = plan.source.name;
    const sourceStarted = Date.now();
    const stats: SourceStats = {
      name,
      fetched: 0,
      new: 0,
      updated: 0,
      duplicates: 0,
      skipped: 0,
      errors: 0,
      skippedReasons: { invalid: 0, tooOld: 0 },
      messages: [],
    };
    const note = (message: string) => {
      if (stats.messages.length < MAX_MESSAGES) stats.messages.push(shortMessage(message));
    };
    const skipInvalid = (count: number, reason: string) => {
      stats.skipped += count;
      stats.skippedReasons.invalid += count;
      note(reason);
    };
    emit({ type: "start", source: name });
    try {
      const pages = plan.source.fetch({
        http,
        baseUrl: plan.baseUrl,
        options: plan.options,
        since,
      });
      for await (const page of pages) {
        stats.fetched += page.length;
        const fresh: NormalizedPosting[] = [];
        const old: string[] = [];
        for (const raw of page) {
          try {
            const result = plan.source.transform(raw);
            if (!result.ok) {
              skipInvalid(1, `skipped a posting: ${result.reason}`);
              continue;
            }
            const posting = normalizePosting(result.posting, now);
            if (since && posting.postedAt && posting.postedAt < since) old.push(posting.externalId);
            else fresh.push(posting);
          } catch (error) {
            skipInvalid(1, `skipped a posting: ${errorMessage(error)}`);
          }
        }
        try {
          await writer(async () => {
            const counts = await storePostings(db, index, fresh, {
              source: name,
              live: true,
              now,
            }).catch(async (error) => {
              // The batch rolled back; rebuild the index from what the database holds.
              index = await DedupeIndex.load(db);
              throw error;
            });
            stats.new += counts.new;
            stats.updated += counts.updated;
            stats.duplicates += counts.duplicates;
            // Old postings still listed keep their stored job alive; unknown ones are skipped.
            const known = await touchLinks(db, index, name, old, now);
            stats.duplicates += known;
            stats.skipped += old.length - known;
            stats.skippedReasons.tooOld += old.length - known;
          });
        } catch (error) {
          // Nothing of this page was stored; the next pages still are.
          skipInvalid(
            fresh.length + old.length,
            `a page of ${fresh.length + old.length} postings was not stored: ${errorMessage(error)}`,
          );
        }
        emit({ type: "progress", source: name, stats });
      }
    } catch (error) {
      stats.errors++;
      note(errorMessage(error));
    }
    emit({ type: "done", source: name, stats });
    const { messages, skippedReasons, name: source, ...counts } = stats;
    log?.[counts.errors > 0 ? "warn" : "info"](
      {
        event: "source",
        source,
        ...counts,
        ...skippedReasons,
        durationMs: Date.now() - sourceStarted,
      },
      counts.errors > 0 ? `${source}: ${messages.at(-1) ?? "failed"}` : `${source} read`,
    );
    return stats;
  }

  const results = await mapWithConcurrency(plans, options.concurrency, runSource);
  // A board answered when it gave its whole feed and some of it made sense: a feed whose
  // every posting fails to parse has changed its format, not removed its jobs.
  const answered = results
    .filter((s) => s.errors === 0 && !(s.fetched > 0 && s.skippedReasons.invalid === s.fetched))
    .map((s) => s.name);
  // A replayed recording says nothing about what the boards list today.
  const expired = options.offline
    ? 0
    : await writer(() =>
        expireJobs(db, { now, afterDays: options.expireAfterDays, answeredSources: answered }),
      );
  const summary: IngestSummary = {
    sources: results,
    totals: sumStats(results),
    expired,
    offline: options.offline,
    durationMs: Date.now() - started,
  };
  await db.insert(ingestRuns).values({
    startedAt: new Date(started),
    finishedAt: new Date(),
    offline: options.offline,
    summary,
    durationMs: summary.durationMs,
  });
  log?.info(
    {
      event: "ingest",
      sources: results.length,
      ...summary.totals,
      expired,
      offline: options.offline,
      durationMs: summary.durationMs,
    },
    "ingest done",
  );
  return summary;
}

export function sumStats(stats: readonly IngestTotals[]): IngestTotals {
  const totals: IngestTotals = {
    fetched: 0,
    new: 0,
    updated: 0,
    duplicates: 0,
    skipped: 0,
    errors: 0,
  };
  for (const s of stats) {
    totals.fetched += s.fetched;
    totals.new += s.new;
    totals.updated += s.updated;
    totals.duplicates += s.duplicates;
    totals.skipped += s.skipped;
    totals.errors += s.errors;
  }
  return totals;
}

/**
 * One line a person can read: a driver's "Failed query: <sql> params: <rows>" is cut to
 * its cause.
 */
function shortMessage(message: string): string {
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

/** Runs tasks one at a time, in the order they were queued. */
function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return results;
}
