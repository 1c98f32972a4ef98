import { openEmbedder, trainUsers, type UserTraining } from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { action, printJson, withDatabase } from "../context.ts";
import { createCountProgress } from "../output.ts";

export function registerTrainCommand(program: Command): void {
  program
    .command("train")
    .description(
      "train each person's models from their ratings and outcomes (the pipeline does this too)",
    )
    .option("--user <id...>", 'only these users (the CLI\'s own user is "local")')
    .option("--force", "train again even when nothing changed since the last version")
    .option("--json", "print what was trained, with held-out figures, as JSON")
    .action(
      action(async (opts: { user?: string[]; force?: boolean; json?: boolean }) => {
        await withDatabase(async ({ config, handle }) => {
          const embedder = await openEmbedder(config.embed, { inThread: true });
          const progress = createCountProgress(!opts.json, "training", "people");
          try {
            const results = await trainUsers(handle.db, embedder, config.rank, {
              userIds: opts.user,
              force: opts.force,
              onUser: progress.update,
            });
            progress.stop();
            if (opts.json) printJson(results);
            else console.log(formatTraining(results));
          } finally {
            progress.stop();
            await embedder.close();
          }
        });
      }),
    );
}

export function formatTraining(results: readonly UserTraining[]): string {
  if (results.length === 0) return "Nobody has rated a job yet: there is nothing to learn from.";
  const lines: string[] = [];
  for (const user of results) {
    lines.push(`${pc.bold(user.userId)}: ${user.ratings} rating(s)`);
    for (const model of user.trained) {
      const figures = trainingFigures(model.metrics);
      lines.push(
        `  ${pc.green("trained")} ${model.kind} v${model.version} on ${model.ratings} in ${(model.trainingMs / 1000).toFixed(2)} s${figures}`,
      );
    }
    for (const skip of user.skipped) lines.push(pc.dim(`  kept    ${skip.kind}: ${skip.reason}`));
  }
  return lines.join("\n");
}

/** The held-out figures of a trained model, in words. */
function trainingFigures(metrics: Record<string, unknown>): string {
  const rmse = metrics.rmse as Record<string, number> | undefined;
  if (rmse) {
    return ` · held-out RMSE ${rmse.lstm} stars (your mean ${rmse.userMean}, linear on similarity ${rmse.linearOnSimilarity}, taste model ${rmse.tasteModel}); trust in its correction ${metrics.trust ?? 0}`;
  }
  const rank = metrics.heldOutReciprocalRank as
    | { before: number; after: number }
    | null
    | undefined;
  if (rank !== undefined) {
    if (rank === null) return " · no liked job held out to check it: not used for ranking yet";
    const used = rank.after >= rank.before ? "used for ranking" : "not used: it ranked worse";
    return ` · held-out reciprocal rank of a liked job ${rank.before} → ${rank.after} (${used})`;
  }
  if (typeof metrics.transitions === "number") {
    return ` · ${metrics.transitions} transitions from ${metrics.batches} batches, ${metrics.updates} updates`;
  }
  return "";
}
