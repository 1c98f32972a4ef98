import { startServer } from "@aura/api";
import {
  type ClosableEmbedder,
  loadConfig,
  migrateDatabase,
  openDatabase,
  openEmbedder,
} from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { action, parseCount } from "../context.ts";

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the AURA API (accounts, jobs, ranking, batches, ratings) over HTTP")
    .option("--port <n>", "port to listen on", parseCount, 3000)
    .option("--host <address>", "address to listen on (0.0.0.0 for every interface)", "127.0.0.1")
    .action(
      action(async (opts: { port: number; host: string }) => {
        const { config } = loadConfig({ cwd: process.cwd(), env: process.env });
        const handle = await openDatabase(
          config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
        );
        await migrateDatabase(handle);
        let embedder: Promise<ClosableEmbedder> | null = null;
        const server = await startServer({
          db: handle.db,
          databaseKind: handle.kind,
          config,
          env: process.env,
          // Opened on the first ranking request, in this thread (one CV at a time).
          embedder: () => {
            embedder ??= openEmbedder(config.embed, { inThread: true });
            return embedder;
          },
          port: opts.port,
          host: opts.host,
        });
        console.log(
          `AURA API on ${pc.bold(server.url)}/api — reference at ${server.url}/api/docs (Ctrl+C stops)`,
        );
        const stop = async () => {
          await server.close();
          await (await embedder)?.close();
          await handle.close();
          process.exit(0);
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
        await new Promise(() => {});
      }),
    );
}
