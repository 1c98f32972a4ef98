import { LOCAL_USER_ID, type UserMetrics, userMetrics, writeMetricsFile } from "@aura/core";
import Table from "cli-table3";
import type { Command } from "commander";
import pc from "picocolors";
import { action, printJson, withDatabase } from "../context.ts";

export function registerMetricsCommand(program: Command): void {
  program
    .command("metrics")
    .description(
      "your search in figures per week: match, stars, reward so far, skill gap (also written to data/metrics.json)",
    )
    .option("--user <id>", 'whose metrics (the CLI\'s own user is "local")', LOCAL_USER_ID)
    .option("--json", "print the metrics as JSON")
    .action(
      action(async (opts: { user: string; json?: boolean }) => {
        await withDatabase(async ({ config, handle }) => {
          const metrics = await userMetrics(handle.db, opts.user);
          const file = await writeMetricsFile(handle.db, config.dataDir);
          if (opts.json) {
            printJson(metrics);
            return;
          }
          console.log(formatMetrics(metrics));
          console.log(pc.dim(`Every user's metrics: ${file}`));
        });
      }),
    );
}

const orDash = (value: number | null, format: (n: number) => string) =>
  value === null ? "—" : format(value);

export function formatMetrics(metrics: UserMetrics): string {
  if (metrics.weeks.length === 0) {
    return "No batches or ratings yet: rate a batch in the web app (npx aura start) first.";
  }
  const head = [
    "week",
    "batches",
    "ratings",
    "avg ★",
    "avg match",
    "reward",
    "so far",
    "skill gap",
  ];
  const table = new Table({
    head: head.map((h) => pc.bold(h)),
    colAligns: ["left", "right", "right", "right", "right", "right", "right", "right"],
  });
  for (const w of metrics.weeks) {
    table.push([
      w.week,
      String(w.batches),
      String(w.ratings),
      orDash(w.averageStars, (n) => n.toFixed(2)),
      orDash(w.averageMatch, (n) => `${Math.round(n * 100)}%`),
      w.reward.toFixed(2),
      w.cumulativeReward.toFixed(2),
      w.skillGapIndex.toFixed(2),
    ]);
  }
  const stages = Object.entries(metrics.outcomes)
    .map(([stage, n]) => `${stage} ${n}`)
    .join(", ");
  return [
    table.toString(),
    `${metrics.ratings.count} rating(s), average ${orDash(metrics.ratings.averageStars, (n) => `${n.toFixed(2)}★`)}; ` +
      `${metrics.batches.locked} batch(es) done, ${metrics.batches.open} open` +
      (stages ? `; applications: ${stages}` : ""),
  ].join("\n");
}
