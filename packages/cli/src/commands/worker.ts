import { setPriority } from "node:os";
import { AppError, loadConfig, migrateDatabase, openDatabase } from "@aura/core";
import { type Command, InvalidArgumentError } from "commander";
import { openAgentProcess } from "../agent.ts";
import { action, parseCount } from "../context.ts";

export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description(
      "take the agent's tasks (gathering jobs, preparing people's batches, training their models) from a PostgreSQL server's queue; run as many as you like on machines sharing DATABASE_URL",
    )
    .option("--concurrency <n>", "tasks this process runs at once", parseCount, 1)
    .option(
      "--nice <n>",
      "CPU niceness 0–19: above 0 the worker yields the processor to a server on the same machine",
      parseNice,
      10,
    )
    .addHelpText(
      "after",
      `
The schedules that queue the tasks run in \`aura serve\` / \`aura start\`; set schedule.workers
to 0 in aura.config.yaml to leave all the work to \`aura worker\` processes. On the embedded
database there is no queue: \`aura start\` runs the tasks itself.`,
    )
    .action(
      action(async (opts: { concurrency: number; nice: number }) => {
        const { config } = loadConfig({ cwd: process.cwd(), env: process.env });
        if (!config.databaseUrl) {
          throw new AppError(
            "invalid_input",
            "aura worker takes tasks from a PostgreSQL server's queue: set DATABASE_URL. On the embedded database `aura start` runs the tasks itself.",
            { field: "DATABASE_URL" },
          );
        }
        // Before any thread starts: the encoder's and training's threads inherit it.
        setPriority(opts.nice);
        const handle = await openDatabase({ url: config.databaseUrl });
        await migrateDatabase(handle);
        const { log, mailer, close } = await openAgentProcess({
          db: handle.db,
          config,
          appUrl: () => process.env.AURA_BASE_URL ?? "http://localhost:3000",
          schedules: false,
          work: opts.concurrency,
        });
        log.info(
          {
            event: "worker",
            concurrency: opts.concurrency,
            pid: process.pid,
            mail: mailer !== null,
          },
          `worker taking tasks, ${opts.concurrency} at a time (Ctrl+C stops after the running ones)`,
        );
        const stop = async () => {
          await close();
          await handle.close();
          process.exit(0);
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
        await new Promise(() => {});
      }),
    );
}

function parseNice(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 19) {
    throw new InvalidArgumentError("a whole number from 0 to 19");
  }
  return n;
}
