import {
  type AuraConfig,
  type Database,
  embedAndIndex,
  type Logger,
  openEmbedder,
} from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { action, printJson, withDatabase } from "../context.ts";
import { createCountProgress } from "../output.ts";

export function registerEmbedCommand(program: Command): void {
  program
    .command("embed")
    .description("embed new and changed jobs with the sentence encoder, and index them")
    .option("--json", "print the summary as JSON")
    .action(
      action(async (opts: { json?: boolean }) => {
        await withDatabase(async ({ config, handle, log }) => {
          const summary = await runEmbed(handle.db, config, !opts.json, log);
          if (opts.json) printJson(summary);
          else console.log(formatEmbedSummary(summary));
        });
      }),
    );
}

export async function runEmbed(
  db: Database,
  config: AuraConfig,
  showProgress: boolean,
  log?: Logger,
) {
  const progress = createCountProgress(showProgress, "embedding", "jobs");
  const embedder = await openEmbedder(config.embed);
  try {
    return await embedAndIndex(db, embedder, {
      onProgress: progress.update,
      cacheDir: config.dataDir,
      log,
    });
  } finally {
    progress.stop();
    await embedder.close();
  }
}

export function formatEmbedSummary(summary: Awaited<ReturnType<typeof runEmbed>>): string {
  const seconds = summary.durationMs / 1000;
  const rate = summary.embedded > 0 ? ` (${(summary.embedded / seconds).toFixed(1)} jobs/s)` : "";
  return [
    `${pc.green(String(summary.embedded))} job(s) embedded, ${summary.upToDate} already current, with ${summary.model}, in ${seconds.toFixed(1)} s${rate}.`,
    pc.dim(
      `Vectors searched ${summary.vectorIndex === "pgvector" ? "by pgvector HNSW" : "by an in-process HNSW index"}; ${summary.indexedJobs} live job(s) in the keyword index.`,
    ),
  ].join("\n");
}
