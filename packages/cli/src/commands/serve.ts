import cluster from "node:cluster";
import { type ServeOptions, startServer } from "@aura/api";
import { AppError, type AuraConfig, loadConfig, migrateDatabase, openDatabase } from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { openAgentProcess } from "../agent.ts";
import { action, parseCount } from "../context.ts";

export interface ServeFlags {
  port: number;
  host: string;
  workers: number;
}

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the AURA API (accounts, jobs, ranking, batches, ratings) over HTTP")
    .option("--port <n>", "port to listen on", parseCount, 3000)
    .option("--host <address>", "address to listen on (0.0.0.0 for every interface)", "127.0.0.1")
    .option(
      "--workers <n>",
      "processes sharing the port (a PostgreSQL server only: the embedded database is one process's)",
      parseCount,
      1,
    )
    .action(
      action(async (opts: ServeFlags) => {
        const { config } = loadConfig({ cwd: process.cwd(), env: process.env });
        if (opts.workers > 1 && !config.databaseUrl) {
          throw new AppError(
            "invalid_input",
            "--workers above 1 needs a PostgreSQL server (DATABASE_URL): the embedded database belongs to one process.",
            { field: "workers" },
          );
        }
        if (opts.workers > 1 && cluster.isPrimary) {
          await primary(config.databaseUrl ?? "", opts);
          return;
        }
        await serveOne(config, opts, cluster.isWorker);
      }),
    );
}

/** Migrates once, then forks the workers, which share the port (node:cluster). */
async function primary(databaseUrl: string, opts: ServeFlags) {
  const handle = await openDatabase({ url: databaseUrl });
  await migrateDatabase(handle);
  await handle.close();
  for (let i = 0; i < opts.workers; i++) cluster.fork();
  let listening = 0;
  cluster.on("listening", () => {
    listening++;
    if (listening === opts.workers) {
      console.log(
        `AURA API on ${pc.bold(`http://${opts.host}:${opts.port}`)}/api with ${opts.workers} processes — reference at /api/docs (Ctrl+C stops)`,
      );
    }
  });
  cluster.on("exit", (worker, code) => {
    if (code !== 0) console.error(`worker ${worker.process.pid} exited with code ${code}`);
  });
  const stop = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await new Promise(() => {});
}

/**
 * Serves the API (and the web app, given its handler) from this process until Ctrl+C. `quiet`:
 * a cluster worker, whose primary migrated and prints the banner.
 */
export async function serveOne(
  config: AuraConfig,
  opts: ServeFlags,
  quiet: boolean,
  web?: ServeOptions["web"],
) {
  const handle = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  if (!quiet) await migrateDatabase(handle);
  // One process runs the schedules and works the queue: this one, or a cluster's first worker.
  const leader = !quiet || cluster.worker?.id === 1;
  let appUrl = process.env.AURA_BASE_URL ?? `http://localhost:${opts.port}`;
  const { log, mailer, embedder, agent, close } = await openAgentProcess({
    db: handle.db,
    config,
    appUrl: () => appUrl,
    schedules: leader,
    work: leader ? config.schedule.workers : 0,
  });
  const server = await startServer({
    db: handle.db,
    databaseKind: handle.kind,
    config,
    env: process.env,
    embedder,
    port: opts.port,
    host: opts.host,
    web,
    log,
    mailer,
    tasks: agent,
  });
  appUrl = process.env.AURA_BASE_URL ?? server.url.replace("//127.0.0.1:", "//localhost:");
  if (leader && config.schedule.enabled) {
    const next = agent.nextRuns();
    log.info(
      {
        event: "schedule",
        gather: config.schedule.gather,
        sweep: config.schedule.sweep,
        nextGather: next.gather?.toISOString() ?? null,
        nextSweep: next.sweep?.toISOString() ?? null,
        runner: agent.runner.kind,
        mail: mailer !== null,
      },
      "schedules started",
    );
  }
  if (web) {
    const url = server.url
      .replace("//127.0.0.1:", "//localhost:")
      .replace("//0.0.0.0:", "//localhost:");
    console.log(
      `\n${pc.bold("AURA is ready:")} open ${pc.bold(pc.cyan(url))} — the API is under ${url}/api (Ctrl+C stops)`,
    );
  } else if (!quiet) {
    console.log(
      `AURA API on ${pc.bold(server.url)}/api — reference at ${server.url}/api/docs (Ctrl+C stops)`,
    );
  }
  const stop = async () => {
    await server.close();
    await close();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await new Promise(() => {});
}
