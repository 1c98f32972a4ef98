// The web app as a Node request handler, for the AURA server (`aura start`), which serves it
// and the API on one port. Next builds once; a build older than the sources is built again.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

export const webDir = path.dirname(fileURLToPath(import.meta.url));
const SOURCES = [
  "src",
  "messages",
  "public",
  "next.config.ts",
  "package.json",
  "postcss.config.mjs",
];

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestChange(path.join(entry, name))),
    stat.mtimeMs,
  );
}

/** Whether the production build is there and newer than every source file. */
export function webBuildIsCurrent(): boolean {
  const buildId = path.join(webDir, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.every((entry) => newestChange(path.join(webDir, entry)) <= built);
}

/** Runs `next build` for the web app, its output shown; throws when it fails. */
export function buildWeb(): void {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const run = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: webDir,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (run.status !== 0) throw new Error(`next build failed (exit ${run.status})`);
}

export type WebHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The built web app's request handler (production mode). */
export async function createWebHandler(options: {
  port: number;
  hostname: string;
}): Promise<WebHandler> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const app = next({ dev: false, dir: webDir, port: options.port, hostname: options.hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  return (request, response) => handle(request, response);
}
