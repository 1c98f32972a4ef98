import { AppError, getJob, listJobs, toJobView } from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { action, parseCount, parseOffset, printJson, withDatabase } from "../context.ts";
import { formatJobDetail, formatJobsTable } from "../output.ts";

export function registerJobsCommand(program: Command): void {
  const jobs = program.command("jobs").description("list and show stored jobs");
  jobs
    .command("list")
    .description("the newest jobs first")
    .option("-n, --limit <n>", "how many", parseCount, 20)
    .option("--offset <n>", "skip this many first", parseOffset, 0)
    .option("--all", "include expired jobs")
    .option("--json", "print an array of jobs as JSON")
    .action(
      action(async (opts: { limit: number; offset: number; all?: boolean; json?: boolean }) => {
        await withDatabase(async ({ handle }) => {
          const result = await listJobs(handle.db, {
            limit: opts.limit,
            offset: opts.offset,
            includeExpired: opts.all,
          });
          if (opts.json) return printJson(result.jobs.map((job) => toJobView(job)));
          if (result.total === 0) {
            console.log(
              "No jobs yet. Run: npx aura ingest   (or --offline for the bundled sample)",
            );
            return;
          }
          console.log(formatJobsTable(result.jobs));
          console.log(
            pc.dim(`${result.jobs.length} of ${result.total} jobs. Details: aura jobs show ID`),
          );
        });
      }),
    );
  jobs
    .command("show")
    .description("one job in full, with every board that lists it")
    .argument("<id>", "the job's id (from aura jobs list)")
    .option("--json", "print the job as JSON")
    .action(
      action(async (id: string, opts: { json?: boolean }) => {
        const jobId = Number(id);
        if (!/^\d+$/.test(id.trim()) || !Number.isSafeInteger(jobId) || jobId < 1) {
          throw new AppError(
            "invalid_input",
            `Job id must be a positive whole number, got "${id}"`,
            {
              field: "id",
            },
          );
        }
        await withDatabase(async ({ handle }) => {
          const job = await getJob(handle.db, jobId);
          if (!job) throw new AppError("not_found", `No job with id ${jobId}`, { field: "id" });
          if (opts.json) return printJson(toJobView(job, { withDescription: true }));
          console.log(formatJobDetail(job));
        });
      }),
    );
}
