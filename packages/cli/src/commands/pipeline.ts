import { openEmbedder, trainUsers, writeMetricsFile } from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { action, printJson, withDatabase } from "../context.ts";
import { formatIngestSummary } from "../output.ts";
import { formatEmbedSummary, runEmbed } from "./embed.ts";
import { ingestWithProgress } from "./ingest.ts";
import { formatTraining } from "./train.ts";

export function registerPipelineCommand(program: Command): void {
  program
    .command("pipeline")
    .description(
      "ingest, embed and index, then learn from new ratings and write the metrics (what a weekly run does)",
    )
    .option("-s, --source <name...>", "only these sources (see: aura sources)")
    .option("--offline", "replay the recorded real responses instead of the network")
    .option("--json", "print the summary as JSON")
    .action(
      action(async (opts: { source?: string[]; offline?: boolean; json?: boolean }) => {
        await withDatabase(async ({ config, handle, log }) => {
          const started = Date.now();
          const ingest = await ingestWithProgress(handle.db, config, opts, log);
          if (!opts.json) console.log(formatIngestSummary(ingest));
          const embed = await runEmbed(handle.db, config, !opts.json, log);
          if (!opts.json) console.log(formatEmbedSummary(embed));
          // Learning from the ratings and outcomes since the last run (unchanged users are kept).
          const embedder = await openEmbedder(config.embed, { inThread: true });
          const training = await trainUsers(handle.db, embedder, config.rank).finally(() =>
            embedder.close(),
          );
          const metricsFile = await writeMetricsFile(handle.db, config.dataDir);
          const durationMs = Date.now() - started;
          if (opts.json) {
            printJson({
              ingest: { totals: ingest.totals, expired: ingest.expired },
              embed,
              training,
              metricsFile,
              durationMs,
            });
          } else {
            if (training.length > 0) console.log(formatTraining(training));
            console.log(pc.dim(`Metrics written to ${metricsFile}`));
            console.log(
              pc.dim(`Pipeline done in ${(durationMs / 1000).toFixed(1)} s. Next: npx aura rank`),
            );
          }
          if (ingest.totals.errors > 0 && ingest.totals.fetched === 0) process.exitCode = 1;
        });
      }),
    );
}
