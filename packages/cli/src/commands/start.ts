import { canReachSources, listJobs, runIngest } from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { action, withDatabase } from "../context.ts";
import { createIngestProgress, formatIngestSummary, formatJobsTable } from "../output.ts";

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description(
      "set up the database, gather jobs (live, or the bundled sample offline) and show the newest",
    )
    .option("--offline", "skip the network and load the bundled sample")
    .action(
      action(async (opts: { offline?: boolean }) => {
        await withDatabase(async ({ config, handle }) => {
          console.log(`${pc.bold("AURA")} · database ready (${handle.kind}: ${handle.location})`);
          const online = !opts.offline && (await canReachSources(config));
          console.log(
            online
              ? "Gathering live postings from the job boards…"
              : "No network: loading the bundled sample of recorded real postings…",
          );
          const progress = createIngestProgress(true);
          let summary = await runIngest(handle.db, config, {
            offline: !online,
            onEvent: progress.onEvent,
          });
          if (online && summary.totals.fetched === 0) {
            progress.stop();
            console.log(pc.yellow("The boards gave nothing; loading the bundled sample instead…"));
            summary = await runIngest(handle.db, config, { offline: true });
          }
          progress.stop();
          console.log(formatIngestSummary(summary));
          const newest = await listJobs(handle.db, { limit: 10 });
          console.log(`\n${pc.bold("Newest jobs")} (${newest.total} in the database)`);
          console.log(formatJobsTable(newest.jobs));
          console.log(
            pc.dim(
              "Next: npx aura jobs show ID · npx aura jobs list --limit 50 · npx aura ingest · npx aura --help",
            ),
          );
        });
      }),
    );
}
