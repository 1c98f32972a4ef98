import {
  type AgentOverview,
  agentOverview,
  nextRunOf,
  openTaskQueue,
  silentLogger,
} from "@aura/core";
import Table from "cli-table3";
import type { Command } from "commander";
import pc from "picocolors";
import { action, parseCount, printJson, withDatabase } from "../context.ts";
import { compactTable } from "../output.ts";

export function registerRunsCommand(program: Command): void {
  program
    .command("runs")
    .description(
      "what AURA runs by itself: the schedules and their next runs, the queue, each task's figures, the last runs and failures, and whose batches are due",
    )
    .option("--limit <n>", "how many task runs to show", parseCount, 20)
    .option("--json", "print it all as JSON (the admin page's GET /api/admin/agent)")
    .action(
      action(async (opts: { limit: number; json?: boolean }) => {
        await withDatabase(async ({ config, handle }) => {
          // On a server the queue says what waits and runs; in process, task_runs does.
          const queue = config.databaseUrl
            ? await openTaskQueue({ databaseUrl: config.databaseUrl, config, log: silentLogger })
            : null;
          try {
            const overview = await agentOverview(handle.db, {
              config,
              limit: opts.limit,
              ...(queue ? { status: queueStatus(config, await queue.depth()) } : {}),
            });
            if (opts.json) {
              printJson({ enabled: config.schedule.enabled, ...overview });
              return;
            }
            console.log(formatStatus(overview, config.schedule.enabled));
            const figures = formatFigures(overview);
            if (figures) console.log(figures);
            console.log(formatRuns(overview.runs));
            console.log(formatPeople(overview.people));
          } finally {
            await queue?.stop();
          }
        });
      }),
    );
}

function queueStatus(
  config: { schedule: { enabled: boolean; gather: string; sweep: string } },
  queue: AgentOverview["status"]["queue"],
): AgentOverview["status"] {
  const next = (pattern: string) =>
    config.schedule.enabled ? (nextRunOf(pattern)?.toISOString() ?? null) : null;
  return {
    runner: "postgres-queue",
    schedules: [
      { name: "gather", pattern: config.schedule.gather, nextRunAt: next(config.schedule.gather) },
      { name: "sweep", pattern: config.schedule.sweep, nextRunAt: next(config.schedule.sweep) },
    ],
    queue,
  };
}

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

function formatStatus(overview: AgentOverview, enabled: boolean): string {
  const { status } = overview;
  const lines = enabled
    ? [
        `${pc.bold("Schedules")} (UTC, inside aura start and aura serve)`,
        ...status.schedules.map(
          (s) =>
            `  ${(s.name === "gather" ? "gather jobs" : "due batches").padEnd(17)} ${s.pattern.padEnd(14)} next ${when(s.nextRunAt)}`,
        ),
      ]
    : [pc.yellow("Scheduling is off (schedule.enabled: false): nothing runs by itself.")];
  const { waiting, running, failed } = status.queue;
  lines.push(
    `${pc.bold("Queue")} (${status.runner === "postgres-queue" ? "PostgreSQL, taken by aura worker" : "in process"}): ${waiting} waiting, ${running} running, ${failed === 0 ? "0 failed" : pc.red(`${failed} failed`)}`,
  );
  return lines.join("\n");
}

function formatFigures(overview: AgentOverview): string {
  const ran = overview.tasks.filter((t) => t.runs > 0);
  if (ran.length === 0) return "";
  const seconds = (ms: number | null) => (ms === null ? "—" : `${(ms / 1000).toFixed(1)} s`);
  return `${pc.bold(`Last ${overview.windowDays} days`)}: ${ran
    .map(
      (t) =>
        `${t.task} ${t.runs} runs (${t.failed > 0 ? pc.red(`${t.failed} failed`) : "0 failed"}, median ${seconds(t.p50DurationMs)}, longest ${seconds(t.maxDurationMs)})`,
    )
    .join("; ")}`;
}

function formatRuns(runs: AgentOverview["runs"]): string {
  if (runs.length === 0) return pc.dim("No task has run yet.");
  const table = new Table({
    head: ["started (UTC)", "task", "for", "status", "try", "took", "result"].map((h) =>
      pc.bold(h),
    ),
    style: { head: [], border: [] },
    chars: compactTable,
  });
  for (const run of runs) {
    const status =
      run.status === "failed"
        ? pc.red(run.status)
        : run.status === "done"
          ? pc.green(run.status)
          : run.status;
    const detail =
      run.error ??
      (typeof run.result.reason === "string"
        ? run.result.reason
        : Object.entries(run.result)
            .filter(([, v]) => typeof v === "number")
            .map(([k, v]) => `${k} ${v}`)
            .join(", "));
    table.push([
      run.startedAt.slice(0, 19).replace("T", " "),
      run.task,
      run.userName ?? run.userId ?? "everyone",
      status,
      String(run.attempt),
      run.durationMs === null ? "—" : `${(run.durationMs / 1000).toFixed(1)} s`,
      detail.slice(0, 60),
    ]);
  }
  return table.toString();
}

function formatPeople(people: AgentOverview["people"]): string {
  if (people.scheduled === 0) return pc.dim("Nobody has a CV or roles yet: no batch is scheduled.");
  return `${pc.bold("Batches")}: ${people.scheduled} people scheduled, ${people.dueNow} due now, ${people.waitingForRatings} with a batch to rate; next due ${when(people.nextDueAt)}`;
}
