import {
  AppError,
  openEmbedder,
  SIMULATED_POLICIES,
  type SimulatedPolicy,
  type SimulationResult,
  simulate,
} from "@aura/core";
import Table from "cli-table3";
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import pc from "picocolors";
import { action, parseCount, printJson, withDatabase } from "../context.ts";
import { createCountProgress } from "../output.ts";

function parsePolicy(value: string, previous: SimulatedPolicy[] | undefined): SimulatedPolicy[] {
  const names = value.split(",").map((name) => name.trim());
  for (const name of names) {
    if (!(SIMULATED_POLICIES as readonly string[]).includes(name)) {
      throw new InvalidArgumentError(
        `unknown policy "${name}" (known: ${SIMULATED_POLICIES.join(", ")})`,
      );
    }
  }
  return [...new Set([...(previous ?? []), ...(names as SimulatedPolicy[])])];
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  }
  return n;
}

export function registerSimulateCommand(program: Command): void {
  program
    .command("simulate")
    .description(
      "run simulated job seekers with hidden tastes through batches of the stored jobs, and compare policies",
    )
    .option("--users <n>", "simulated job seekers", parseCount, 20)
    .option("--cycles <n>", "batches each one rates", parseCount, 12)
    .option(
      "--policy <name...>",
      `policies to compare (${SIMULATED_POLICIES.join(", ")}); default all`,
      parsePolicy,
    )
    .option("--seed <s>", "random seed: the same seed gives the same run", parseSeed, 1)
    .option("--json", "print the figures per policy and cycle as JSON")
    .addHelpText(
      "after",
      `
Each simulated person shows AURA a CV (a real job's title and skills) and rates with a hidden
taste over the postings' facts. Regret is each cycle's own: what an oracle would have earned
showing the best jobs the person has not seen yet, minus what the policy earned.`,
    )
    .action(
      action(
        async (opts: {
          users: number;
          cycles: number;
          policy?: SimulatedPolicy[];
          seed: number;
          json?: boolean;
        }) => {
          const policies = opts.policy ?? [...SIMULATED_POLICIES];
          await withDatabase(async ({ config, handle }) => {
            const embedder = await openEmbedder(config.embed, { inThread: true });
            const users = createCountProgress(true, "ranking for", "people");
            const cycles = createCountProgress(true, "simulating", "runs");
            try {
              const result = await simulate(
                handle.db,
                embedder,
                config.rank,
                { users: opts.users, cycles: opts.cycles, policies, seed: opts.seed },
                (stage, done, total) =>
                  stage === "users" ? users.update?.(done, total) : cycles.update?.(done, total),
              );
              users.stop();
              cycles.stop();
              if (opts.json) printJson(result);
              else console.log(formatSimulation(result));
            } finally {
              users.stop();
              cycles.stop();
              await embedder.close();
            }
          });
        },
      ),
    );
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);

export function formatSimulation(result: SimulationResult): string {
  if (result.policies.length === 0) throw new AppError("invalid_input", "No policy to report.");
  const head = ["cycle", ...result.policies.map((p) => p.name)];
  const table = new Table({
    head: head.map((h) => pc.bold(h)),
    colAligns: head.map(() => "right" as const),
  });
  for (let c = 0; c < result.cycles; c++) {
    table.push([
      String(c + 1),
      ...result.policies.map((p) => {
        const row = p.perCycle[c];
        return row
          ? `${fixed(row.meanStars)}★ ${fixed(row.shareAtLeast4 * 100, 0)}% Σ${fixed(row.cumulativeReward, 1)} r${fixed(row.regret)}`
          : "";
      }),
    ]);
  }
  const lines = [
    pc.bold(
      `${result.users} simulated people × ${result.cycles} batches of ${result.batchSize}, over ${result.jobs} jobs (seed ${result.seed})`,
    ),
    pc.dim("Each cell: mean stars, share ≥4★, cumulative reward, that cycle's regret."),
    table.toString(),
  ];
  for (const p of result.policies) {
    const lead = (window: typeof p.leadEarly) =>
      window ? `${fixed(window.mean, 3)} ± ${fixed(window.standardError, 3)}` : "—";
    const gain =
      p.gainOverRanker === null || !p.leadFinal
        ? ""
        : `, ${fixed(p.gainOverRanker * 100, 1)}% vs ranker (lead ${lead(p.leadFinal)})`;
    lines.push(
      `${pc.bold(p.name.padEnd(7))} reward ${fixed(p.finalReward.mean, 2)} ± ${fixed(p.finalReward.standardError, 2)}${gain}; ` +
        `regret first 3 ${fixed(p.regretEarly)}, last 3 ${fixed(p.regretLate)}` +
        (p.leadEarly
          ? `; lead per cycle over ranker first 3 ${lead(p.leadEarly)}, last 3 ${lead(p.leadLate)}`
          : ""),
    );
  }
  return lines.join("\n");
}
