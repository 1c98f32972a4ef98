import { AppError, getJobs, searchJobs } from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { action, parseCount, printJson, withDatabase } from "../context.ts";
import { formatJobsTable } from "../output.ts";

export function registerSearchCommand(program: Command): void {
  program
    .command("search")
    .description('find jobs by words, like a web search: "data engineer" -senior python or rust')
    .argument("<query...>", 'words; "quoted phrases", -excluded and or work as on the web')
    .option("-n, --limit <n>", "how many jobs to show", parseCount, 20)
    .option("--json", "print an array of jobs, best match first")
    .action(
      action(async (words: string[], opts: { limit: number; json?: boolean }) => {
        const query = words.join(" ").trim();
        if (!query) throw new AppError("invalid_input", "Give some words to search for.");
        await withDatabase(async ({ handle }) => {
          const hits = await searchJobs(handle.db, query, opts.limit);
          const jobs = await getJobs(
            handle.db,
            hits.map((hit) => hit.jobId),
          );
          if (opts.json) {
            const scores = new Map(hits.map((hit) => [hit.jobId, hit.score]));
            printJson(jobs.map((job) => ({ score: scores.get(job.id), ...job })));
            return;
          }
          if (jobs.length === 0) {
            console.log(`No live job matches ${pc.bold(query)}.`);
            return;
          }
          console.log(`${jobs.length} job(s) matching ${pc.bold(query)}, best first`);
          console.log(formatJobsTable(jobs));
        });
      }),
    );
}
