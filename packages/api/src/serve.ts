import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";
import type { AgentTasks, AuraConfig, Database, Embedder, Logger, Mailer } from "@aura/core";
import { getRequestListener } from "@hono/node-server";
import { type ApiDeps, createApi } from "./app.ts";
import { createAuth } from "./auth.ts";

export interface ServeOptions {
  db: Database;
  databaseKind: "pglite" | "postgres";
  config: AuraConfig;
  env: Record<string, string | undefined>;
  embedder: () => Promise<Embedder>;
  port: number;
  host?: string;
  limits?: ApiDeps["limits"];
  /** Access lines and errors; nothing is logged without one. */
  log?: Logger;
  /** Serves every path outside /api (the web app); without it those paths are the API's 404s. */
  web?: (request: IncomingMessage, response: ServerResponse) => unknown;
  /** Sends sign-in links and password resets; none (no SMTP_URL): those routes answer 409. */
  mailer?: Mailer | null;
  /** The agent's tasks (see ApiDeps.tasks). */
  tasks?: AgentTasks;
}

/**
 * The session-signing secret: AURA_AUTH_SECRET, else one made once and kept in the data folder
 * (so sessions outlive restarts on a personal install).
 */
export function authSecret(env: Record<string, string | undefined>, dataDir: string): string {
  if (env.AURA_AUTH_SECRET && env.AURA_AUTH_SECRET.length >= 32) return env.AURA_AUTH_SECRET;
  const file = join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** AURA_WRITE_LIMIT_PER_MINUTE and AURA_SIGN_IN_LIMIT_PER_MINUTE override the defaults. */
function limitsFromEnv(env: Record<string, string | undefined>): ApiDeps["limits"] {
  const perMinute = (value: string | undefined) => {
    const n = Number(value);
    return value && Number.isInteger(n) && n > 0 ? { max: n, windowMs: 60_000 } : undefined;
  };
  return {
    writes: perMinute(env.AURA_WRITE_LIMIT_PER_MINUTE),
    signIn: perMinute(env.AURA_SIGN_IN_LIMIT_PER_MINUTE),
  };
}

export function apiDeps(options: Omit<ServeOptions, "port" | "host">, baseUrl: string): ApiDeps {
  const { env } = options;
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  const keys = (id?: string, secret?: string) =>
    id && secret ? { clientId: id, clientSecret: secret } : undefined;
  const secret = authSecret(env, options.config.dataDir);
  const auth = createAuth(options.db, {
    secret,
    baseUrl,
    trustedOrigins: allowedOrigins,
    github: keys(env.GITHUB_CLIENT_ID, env.GITHUB_CLIENT_SECRET),
    google: keys(env.GOOGLE_CLIENT_ID, env.GOOGLE_CLIENT_SECRET),
    mailer: options.mailer,
    log: options.log,
  });
  return {
    db: options.db,
    databaseKind: options.databaseKind,
    config: options.config,
    auth,
    embedder: options.embedder,
    allowedOrigins,
    limits: options.limits ?? limitsFromEnv(env),
    log: options.log,
    secret,
    tasks: options.tasks,
    mailer: options.mailer,
    allowPrivateWebhooks: options.config.notify.webhook.allowPrivate,
  };
}

/** Starts the API (and the web app, when given) on host:port; resolves once it listens. */
export async function startServer(options: ServeOptions) {
  const host = options.host ?? "127.0.0.1";
  const baseUrl =
    options.env.AURA_BASE_URL ??
    `http://${host === "0.0.0.0" ? "localhost" : host}:${options.port}`;
  const app = createApi(apiDeps(options, baseUrl));
  const api = getRequestListener(app.fetch);
  const { web } = options;
  const server = createServer((request, response) => {
    const url = request.url ?? "/";
    if (!web || url === "/api" || url.startsWith("/api/") || url.startsWith("/api?")) {
      return api(request, response);
    }
    return web(request, response);
  });
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      resolve({
        url: `http://${host}:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
