import { listTaskRuns, nextRunOf, personSchedules, type TaskRunView } from "@aura/core";
import Table from "cli-table3";
import type { Command } from "commander";
import pc from "picocolors";
import { action, parseCount, printJson, withDatabase } from "../context.ts";
import { compactTable } from "../output.ts";

/** When a cron pattern fires next (UTC), or null when scheduling is off. */
function nextRun(pattern: string, enabled: boolean): string | null {
  return enabled ? (nextRunOf(pattern)?.toISOString() ?? null) : null;
}

export function registerRunsCommand(program: Command): void {
  program
    .command("runs")
    .description(
      "what AURA runs by itself: the schedules, their next runs, the last task runs and failures, and when each person's next batch is due",
    )
    .option("--limit <n>", "how many task runs to show", parseCount, 20)
    .option("--json", "print it all as JSON")
    .action(
      action(async (opts: { limit: number; json?: boolean }) => {
        await withDatabase(async ({ config, handle }) => {
          const { schedule } = config;
          const schedules = {
            enabled: schedule.enabled,
            gather: { pattern: schedule.gather, next: nextRun(schedule.gather, schedule.enabled) },
            sweep: { pattern: schedule.sweep, next: nextRun(schedule.sweep, schedule.enabled) },
          };
          const runs = await listTaskRuns(handle.db, { limit: opts.limit });
          const people = (await personSchedules(handle.db)).map((p) => ({
            userId: p.userId,
            frequencyDays: p.frequencyDays,
            nextDueAt: p.nextDueAt?.toISOString() ?? null,
          }));
          if (opts.json) {
            printJson({ schedules, runs, people });
            return;
          }
          console.log(formatSchedules(schedules));
          console.log(formatRuns(runs));
          console.log(
            people.length === 0
              ? pc.dim("Nobody has a CV or roles yet: no batch is scheduled.")
              : `${pc.bold("Next batches")}: ${people
                  .map(
                    (p) =>
                      `${p.userId} every ${p.frequencyDays} d, ${p.nextDueAt === null ? "waiting to be rated" : `due ${Date.parse(p.nextDueAt) <= Date.now() ? "now" : `${p.nextDueAt.slice(0, 16).replace("T", " ")} UTC`}`}`,
                  )
                  .join("; ")}`,
          );
        });
      }),
    );
}

function formatSchedules(schedules: {
  enabled: boolean;
  gather: { pattern: string; next: string | null };
  sweep: { pattern: string; next: string | null };
}): string {
  if (!schedules.enabled) {
    return pc.yellow("Scheduling is off (schedule.enabled: false): nothing runs by itself.");
  }
  const when = (next: string | null) => (next ? next.slice(0, 16).replace("T", " ") : "—");
  return [
    `${pc.bold("Schedules")} (UTC, inside aura start and aura serve)`,
    `  gather jobs       ${schedules.gather.pattern.padEnd(14)} next ${when(schedules.gather.next)}`,
    `  due batches       ${schedules.sweep.pattern.padEnd(14)} next ${when(schedules.sweep.next)}`,
  ].join("\n");
}

function formatRuns(runs: readonly TaskRunView[]): string {
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
      run.userId ?? "everyone",
      status,
      String(run.attempt),
      run.durationMs === null ? "—" : `${(run.durationMs / 1000).toFixed(1)} s`,
      detail.slice(0, 60),
    ]);
  }
  return table.toString();
}
