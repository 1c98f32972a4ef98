import { type AuraConfig, type Database, type Logger, runIngest } from "@aura/core";
import type { Command } from "commander";
import { action, printJson, withDatabase } from "../context.ts";
import { createIngestProgress, formatIngestSummary } from "../output.ts";

export function registerIngestCommand(program: Command): void {
  program
    .command("ingest")
    .description("gather fresh postings from the job boards into the database")
    .option("-s, --source <name...>", "only these sources (see: aura sources)")
    .option("--offline", "replay the recorded real responses instead of the network")
    .option("--json", "print the summary as JSON")
    .action(
      action(async (opts: { source?: string[]; offline?: boolean; json?: boolean }) => {
        await withDatabase(async ({ config, handle, log }) => {
          const summary = await ingestWithProgress(handle.db, config, opts, log);
          if (opts.json) {
            printJson({
              sources: summary.sources.map(({ skippedReasons: _r, messages, ...counts }) => ({
                ...counts,
                messages,
              })),
              totals: summary.totals,
              expired: summary.expired,
              offline: summary.offline,
              durationMs: summary.durationMs,
            });
          } else {
            console.log(formatIngestSummary(summary));
          }
          if (summary.totals.errors > 0 && summary.totals.fetched === 0) process.exitCode = 1;
        });
      }),
    );
}

/** `runIngest` with a progress bar per source on a terminal (none with --json). */
export async function ingestWithProgress(
  db: Database,
  config: AuraConfig,
  opts: { source?: string[]; offline?: boolean; json?: boolean },
  log?: Logger,
) {
  const progress = createIngestProgress(!opts.json);
  try {
    return await runIngest(db, config, {
      sources: opts.source,
      offline: opts.offline,
      onEvent: progress.onEvent,
      log,
    });
  } finally {
    progress.stop();
  }
}
