import {
  type ClosableEmbedder,
  getProfile,
  LOCAL_USER_ID,
  openEmbedder,
  rankJobs,
  type SkillGap,
  skillGap,
} from "@aura/core";
import Table from "cli-table3";
import type { Command } from "commander";
import pc from "picocolors";
import { action, printJson, withDatabase } from "../context.ts";

export function registerSkillsCommand(program: Command): void {
  program
    .command("skills")
    .description(
      "the skills that keep standing between you and the jobs you liked: what to learn next",
    )
    .option("--user <id>", 'whose plan (the CLI\'s own user is "local")', LOCAL_USER_ID)
    .option("--json", "print the plan, the index and its weeks as JSON")
    .action(
      action(async (opts: { user: string; json?: boolean }) => {
        await withDatabase(async ({ config, handle }) => {
          let embedder: ClosableEmbedder | null = null;
          try {
            const gap = await skillGap(handle.db, opts.user, {
              // Before any liked job, the plan reads the 20 jobs closest to the profile.
              closestMatches: async () => {
                const profile = await getProfile(handle.db, opts.user);
                if (!profile || (!profile.cvText && profile.preferences.roles.length === 0))
                  return [];
                embedder = await openEmbedder(config.embed, { inThread: true });
                const ranked = await rankJobs(handle.db, embedder, profile, {
                  config: config.rank,
                  top: 20,
                  cacheDir: config.dataDir,
                });
                return ranked.jobs.map((r) => r.job.id);
              },
            });
            if (opts.json) printJson(gap);
            else console.log(formatSkillGap(gap));
          } finally {
            await (embedder as ClosableEmbedder | null)?.close();
          }
        });
      }),
    );
}

export function formatSkillGap(gap: SkillGap): string {
  if (gap.likedJobs === 0) {
    return "No liked jobs and no CV to match yet: set your CV (npx aura profile set --cv FILE) or rate a batch.";
  }
  const whose =
    gap.basis === "ratings"
      ? `your ${gap.likedJobs} liked job(s)`
      : `the ${gap.likedJobs} jobs closest to your CV (none rated 4★ or more yet)`;
  const lines = [
    `${pc.bold("Skill gap")} ${(gap.index * 100).toFixed(0)}% of the skills ${whose} ask for are missing from your CV.`,
  ];
  if (gap.plan.length === 0) {
    lines.push("Your CV already shows every skill your liked jobs ask for.");
    return lines.join("\n");
  }
  const table = new Table({
    head: ["#", "skill", "why", "would open"].map((h) => pc.bold(h)),
    colWidths: [4, 20, 56, 44],
    wordWrap: true,
  });
  gap.plan.forEach((item, i) => {
    table.push([
      String(i + 1),
      item.skill,
      item.why,
      item.unlocks.map((job) => `${job.title} (${job.company}, #${job.jobId})`).join("\n"),
    ]);
  });
  lines.push(table.toString());
  if (gap.weeks.length > 1) {
    lines.push(
      pc.dim(
        `By week: ${gap.weeks.map((w) => `${w.week} ${(w.index * 100).toFixed(0)}%`).join(" · ")}`,
      ),
    );
  }
  return lines.join("\n");
}
