// The shared gathering every person's batch draws on: every enabled board (one failing never
// stops the others), then embedding and indexing of what is new. One process at a time.
import type { AuraConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import type { Embedder } from "../embed/embedder.ts";
import type { Logger } from "../log/logger.ts";
import { embedAndIndex } from "../pipeline/embed-and-index.ts";
import { canReachSources, runIngest } from "../pipeline/run-ingest.ts";
import { withLease } from "./leases.ts";
import type { TaskOutcome } from "./task-types.ts";

/** Longer than any gathering; renewed while one runs, so only a dead holder's lapses. */
const GATHER_LEASE_MS = 10 * 60_000;

export interface GatherDeps {
  db: Database;
  config: AuraConfig;
  embedder: () => Promise<Embedder>;
  log: Logger;
  /** Replay the recorded responses instead of the boards (tests, and machines offline). */
  offline?: boolean;
}

export async function gatherJobs(deps: GatherDeps): Promise<TaskOutcome> {
  const offline = deps.offline ?? false;
  if (!offline && !(await canReachSources(deps.config))) {
    return { status: "skipped", result: { reason: "the job boards cannot be reached" } };
  }
  const run = await withLease(deps.db, "gather", GATHER_LEASE_MS, async () => {
    const ingest = await runIngest(deps.db, deps.config, { offline, log: deps.log });
    const embedded = await embedAndIndex(deps.db, await deps.embedder(), {
      cacheDir: deps.config.dataDir,
      log: deps.log,
    });
    return {
      ...ingest.totals,
      expired: ingest.expired,
      offline,
      embedded: embedded.embedded,
    };
  });
  if (!run.ran) {
    return { status: "skipped", result: { reason: "another process is gathering jobs" } };
  }
  return { status: "done", result: run.value };
}
