import type { AuraConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import type { Logger } from "../log/logger.ts";
import { createHttpClient } from "../sources/http-client.ts";
import { type IngestEvent, type IngestSummary, ingest } from "./ingest.ts";
import { planSources, replayRecorded } from "./source-plans.ts";

export interface RunIngestOptions {
  /** Registry names; none means every source the config leaves on. */
  sources?: readonly string[];
  /** Replay the recorded real responses instead of the network. */
  offline?: boolean;
  now?: Date;
  onEvent?: (event: IngestEvent) => void;
  log?: Logger;
}

/** `aura ingest`: live sources, or their recorded responses when offline. */
export async function runIngest(
  db: Database,
  config: AuraConfig,
  options: RunIngestOptions = {},
): Promise<IngestSummary> {
  const plans = planSources(config, options.sources, { offline: options.offline });
  if (options.offline) {
    const replay = await replayRecorded(plans);
    try {
      // The replay server is in this process: on a loaded machine (CI's two busy cores) an
      // answer can wait seconds for the event loop, which is no reason to drop a board.
      const http = createHttpClient({ timeoutMs: 60_000, retries: 1, backoffMs: 0, paceMs: 0 });
      // A recording is a snapshot of the past: the age window does not apply to it. One
      // board at a time, in plan order: a posting on two boards is merged into whichever
      // landed first, so concurrent replays stored different sets from run to run.
      return await ingest(db, http, replay.plans, {
        now: options.now,
        maxAgeDays: null,
        expireAfterDays: config.ingest.expireAfterDays,
        concurrency: 1,
        offline: true,
        onEvent: options.onEvent,
        log: options.log,
      });
    } finally {
      await replay.close();
    }
  }
  const http = createHttpClient({
    ...config.http,
    onRetry: (info) => {
      const host = new URL(info.url).host;
      options.log?.warn({ event: "retry", host, attempt: info.attempt }, info.reason);
      options.onEvent?.({
        type: "retry",
        source: host,
        message: `retry ${info.attempt} of ${info.url}: ${info.reason}`,
      });
    },
  });
  return ingest(db, http, plans, {
    now: options.now,
    maxAgeDays: config.ingest.maxAgeDays,
    expireAfterDays: config.ingest.expireAfterDays,
    concurrency: config.ingest.concurrency,
    offline: false,
    onEvent: options.onEvent,
    log: options.log,
  });
}

/** Whether the live boards can be reached: one quick request to the first planned one. */
export async function canReachSources(config: AuraConfig, timeoutMs = 4_000): Promise<boolean> {
  const [first] = planSources(config);
  if (!first) return false;
  try {
    await fetch(first.baseUrl, { method: "HEAD", signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}
