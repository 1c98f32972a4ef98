import {
  AppError,
  canReachSources,
  getProfile,
  LOCAL_USER_ID,
  listJobs,
  openEmbedder,
  rankJobs,
  runIngest,
} from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { action, parseCount, withDatabase } from "../context.ts";
import {
  createIngestProgress,
  formatIngestSummary,
  formatJobsTable,
  formatRankedTable,
} from "../output.ts";
import { formatEmbedSummary, runEmbed } from "./embed.ts";
import { serveOne } from "./serve.ts";

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description(
      "set up the database, gather and embed jobs (live, or the bundled sample offline), show your best matches",
    )
    .option("--offline", "skip the network and load the bundled sample")
    .option("--port <n>", "port of the web app and API (default: PORT, else 3000)", parseCount)
    .option("--host <address>", "address to listen on (0.0.0.0 for every interface)", "127.0.0.1")
    .option("--no-serve", "prepare the jobs, then exit instead of serving the web app")
    .action(
      action(async (opts: { offline?: boolean; port?: number; host: string; serve: boolean }) => {
        const port = opts.port ?? portFromEnv(process.env.PORT);
        const config = await withDatabase(async ({ config, handle, log }) => {
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
            log,
          });
          if (online && summary.totals.fetched === 0) {
            progress.stop();
            console.log(pc.yellow("The boards gave nothing; loading the bundled sample instead…"));
            summary = await runIngest(handle.db, config, { offline: true, log });
          }
          progress.stop();
          console.log(formatIngestSummary(summary));
          console.log("Embedding new jobs for ranking (the first run takes a minute or two)…");
          console.log(formatEmbedSummary(await runEmbed(handle.db, config, true, log)));
          const profile = await getProfile(handle.db, LOCAL_USER_ID);
          if (profile && (profile.cvText || profile.preferences.roles.length > 0)) {
            // Lazy: a stored CV vector needs no model; a new one loads it in a thread that ends
            // with close(), so the server that follows does not keep the model.
            const embedder = await openEmbedder(config.embed, { lazy: true });
            try {
              const ranked = await rankJobs(handle.db, embedder, profile, {
                config: config.rank,
                top: 10,
                cacheDir: config.dataDir,
              });
              console.log(`\n${pc.bold("Your best matches")} (${profile.cvFileName ?? "profile"})`);
              console.log(formatRankedTable(ranked.jobs));
            } finally {
              await embedder.close();
            }
            console.log(
              pc.dim("Next: npx aura rank --top 20 · npx aura jobs show ID · npx aura --help"),
            );
            return config;
          }
          const newest = await listJobs(handle.db, { limit: 10 });
          console.log(`\n${pc.bold("Newest jobs")} (${newest.total} in the database)`);
          console.log(formatJobsTable(newest.jobs));
          console.log(
            pc.dim(
              "Next: npx aura profile set --cv YOUR-CV.pdf, then npx aura rank · npx aura jobs show ID · npx aura --help",
            ),
          );
          return config;
        });
        if (!opts.serve) return;
        // The web app is loaded only here: other commands never pay for Next.
        const web = await import("@aura/web/server");
        if (!web.webBuildIsCurrent()) {
          console.log("\nBuilding the web app (once, about half a minute)…");
          web.buildWeb();
        }
        const handler = await web.createWebHandler({ port, hostname: opts.host });
        await serveOne(config, { port, host: opts.host, workers: 1 }, false, handler);
      }),
    );
}

/** PORT as a port number, else 3000; a bad value is an error naming PORT. */
function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new AppError("invalid_config", `PORT must be a port number (1–65535), got "${value}".`, {
      field: "PORT",
    });
  }
  return port;
}
