import {
  AppError,
  countUnembeddedJobs,
  defaultPreferences,
  getProfile,
  LOCAL_USER_ID,
  openEmbedder,
  type Profile,
  rankedJobView,
  rankJobs,
} from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { action, parseCount, printJson, readCvFile, withDatabase } from "../context.ts";
import { formatRankedTable } from "../output.ts";

export function registerRankCommand(program: Command): void {
  program
    .command("rank")
    .description("rank the jobs for your profile, best first, with the reasons")
    .option("--cv <file>", "rank for this CV instead of the stored one (not saved)")
    .option("-n, --top <n>", "how many jobs to show", parseCount, 10)
    .option("--json", "print an array, best first, with scores, features and reasons")
    .action(
      action(async (opts: { cv?: string; top: number; json?: boolean }) => {
        const cvOverride = opts.cv ? await readCvFile(opts.cv) : undefined;
        await withDatabase(async ({ config, handle }) => {
          const stored = await getProfile(handle.db, LOCAL_USER_ID);
          if (!stored && !cvOverride) {
            throw new AppError(
              "not_found",
              "No profile yet. Set your CV first: npx aura profile set --cv FILE (or pass --cv FILE).",
              { field: "cv" },
            );
          }
          const profile: Profile = {
            userId: LOCAL_USER_ID,
            cvText: cvOverride?.text ?? stored?.cvText ?? "",
            cvFileName: cvOverride?.name ?? stored?.cvFileName ?? null,
            preferences: stored?.preferences ?? defaultPreferences,
            updatedAt: stored?.updatedAt ?? new Date(),
          };
          const embedder = await openEmbedder(config.embed, { inThread: true });
          try {
            const result = await rankJobs(handle.db, embedder, profile, {
              config: config.rank,
              top: opts.top,
              cacheDir: config.dataDir,
            });
            const unembedded = await countUnembeddedJobs(handle.db, embedder.modelId);
            if (opts.json) {
              printJson(result.jobs.map(rankedJobView));
              if (unembedded > 0) {
                process.stderr.write(
                  `${unembedded} job(s) have no vector yet: run npx aura embed\n`,
                );
              }
              return;
            }
            if (result.jobs.length === 0) {
              console.log(
                "No jobs to rank yet. Gather some: npx aura start (or aura import FILE).",
              );
              return;
            }
            console.log(
              `${pc.bold(`Top ${result.jobs.length}`)} for ${profile.cvFileName ?? "your profile"} ` +
                pc.dim(
                  `(${result.candidates} candidates, ${result.model}, ${result.vectorSearch} vectors)`,
                ),
            );
            console.log(formatRankedTable(result.jobs));
            if (unembedded > 0) {
              console.log(
                pc.yellow(
                  `${unembedded} job(s) have no vector yet and rank by keywords only: run npx aura embed`,
                ),
              );
            }
            console.log(pc.dim("Details: npx aura jobs show ID · machine-readable: --json"));
          } finally {
            await embedder.close();
          }
        });
      }),
    );
}
