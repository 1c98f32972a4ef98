// The admin view over real HTTP, on PGlite and (in CI) the PostgreSQL server: only the people
// named in `admins` see every user's figures; the session says who they are.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type AgentStatus,
  type AgentTasks,
  type AuraConfig,
  configSchema,
  type DatabaseHandle,
  importPostings,
  isAdmin,
  schema,
} from "@aura/core";
import { createTestDatabase, rankTestPostingsJsonl } from "@aura/core/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "./serve.ts";

let handle: DatabaseHandle;
let server: { url: string; close: () => Promise<void> };
let dataDir: string;
let config: AuraConfig;

interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON replies of many shapes, read in tests
  body: any;
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  options: { cookie?: string; json?: unknown; base?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${options.base ?? server.url}/api${path}`, {
    method,
    headers,
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}

async function signUp(name: string, email: string): Promise<{ cookie: string; userId: string }> {
  const reply = await call("POST", "/auth/sign-up/email", {
    json: { name, email, password: "correct horse battery" },
  });
  expect(reply.status).toBe(201);
  const cookie = reply.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, userId: reply.body.user.id };
}

async function signIn(email: string): Promise<{ cookie: string }> {
  const reply = await call("POST", "/auth/sign-in/email", {
    json: { email, password: "correct horse battery" },
  });
  expect(reply.status).toBe(200);
  return {
    cookie: reply.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), "aura-admin-test-"));
  config = configSchema.parse({ dataDir, admins: ["Boss@Example.com"] });
  await importPostings(handle.db, { content: rankTestPostingsJsonl, fileName: "jobs.jsonl" });
  server = await startServer({
    db: handle.db,
    databaseKind: handle.kind,
    config,
    env: { ALLOWED_ORIGINS: "http://localhost:3000" },
    embedder: async () => {
      throw new Error("the admin view needs no embedder");
    },
    port: 0,
  });
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("isAdmin", () => {
  it("matches the e-mail in any case, and counts the local user", () => {
    const config = { admins: ["Boss@Example.com"] };
    expect(isAdmin(config, { id: "u1", email: "boss@example.COM" })).toBe(true);
    expect(isAdmin(config, { id: "u2", email: "someone@example.com" })).toBe(false);
    expect(isAdmin(config, { id: "u3", email: null })).toBe(false);
    expect(isAdmin({ admins: [] }, { id: "local" })).toBe(true);
  });
});

describe("GET /api/admin/overview", () => {
  it("needs a signed-in user", async () => {
    const reply = await call("GET", "/admin/overview");
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe("unauthorized");
  });

  it("refuses a user who is not an admin with 403, and says so in the session", async () => {
    const wei = await signUp("Wei", "wei@example.com");
    const session = await call("GET", "/auth/session", wei);
    expect(session.body.user).toMatchObject({ email: "wei@example.com", isAdmin: false });
    const reply = await call("GET", "/admin/overview", wei);
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({
      error: {
        code: "forbidden",
        message: expect.stringContaining("admins"),
        requestId: reply.headers.get("x-request-id"),
      },
    });
  });

  it("gives an admin every user's figures", async () => {
    const boss = await signUp("Boss", "boss@example.com");
    const session = await call("GET", "/auth/session", boss);
    expect(session.body.user).toMatchObject({ name: "Boss", isAdmin: true });
    const wei = await call("POST", "/auth/sign-in/email", {
      json: { email: "wei@example.com", password: "correct horse battery" },
    });
    const weiCookie = wei.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const [job] = await handle.db.select({ id: schema.jobs.id }).from(schema.jobs).limit(1);
    if (!job) throw new Error("no jobs");
    expect(
      (await call("POST", "/ratings", { cookie: weiCookie, json: { jobId: job.id, stars: 4 } }))
        .status,
    ).toBe(200);
    expect(
      (
        await call("POST", "/outcomes", {
          cookie: weiCookie,
          json: { jobId: job.id, stage: "applied" },
        })
      ).status,
    ).toBe(201);

    const reply = await call("GET", "/admin/overview", boss);
    expect(reply.status).toBe(200);
    expect(reply.body.counts).toMatchObject({
      users: 2,
      ratings: 1,
      applications: 1,
      outcomes: { applied: 1, offer: 0 },
    });
    expect(reply.body.counts.jobs.live).toBeGreaterThan(0);
    expect(reply.body.runs[0]).toMatchObject({ kind: "import", status: "ok" });
    expect(reply.body.sources[0]).toMatchObject({ source: "import" });
    expect(reply.body.users[0]).toMatchObject({
      name: "Wei",
      ratings: 1,
      averageStars: 4,
      applications: 1,
    });
  });

  it("is in the OpenAPI document with its 403", async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const route = doc.paths["/api/admin/overview"].get;
    expect(Object.keys(route.responses)).toEqual(expect.arrayContaining(["200", "401", "403"]));
    expect(route.security).toEqual([{ session: [] }, { apiToken: [] }]);
  });
});

describe("GET /api/admin/agent", () => {
  const HOUR = 3_600_000;
  const ago = (ms: number) => new Date(Date.now() - ms);

  beforeAll(async () => {
    const [wei] = await handle.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, "wei@example.com"));
    await handle.db.insert(schema.taskRuns).values([
      {
        task: "gather",
        key: "gather:yesterday",
        status: "done",
        startedAt: ago(24 * HOUR),
        finishedAt: ago(24 * HOUR - 12_000),
        durationMs: 12_000,
        result: { new: 4 },
      },
      {
        task: "person-run",
        key: "person-run:wei:first",
        userId: wei?.id ?? null,
        status: "failed",
        startedAt: ago(HOUR),
        finishedAt: ago(HOUR - 300),
        durationMs: 300,
        error: "the embedder could not load",
      },
    ]);
  });

  it("refuses a user who is not an admin with 403", async () => {
    expect((await call("GET", "/admin/agent")).status).toBe(401);
    const wei = await signIn("wei@example.com");
    const reply = await call("GET", "/admin/agent", wei);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe("forbidden");
  });

  it("gives an admin the runs, the failures with their errors, and the schedules from config", async () => {
    const boss = await signIn("boss@example.com");
    const reply = await call("GET", "/admin/agent", boss);
    expect(reply.status).toBe(200);
    expect(reply.body.runs.map((r: { key: string }) => r.key)).toEqual([
      "person-run:wei:first",
      "gather:yesterday",
    ]);
    expect(reply.body.runs[0]).toMatchObject({
      task: "person-run",
      userName: "Wei",
      status: "failed",
      attempt: 1,
      durationMs: 300,
      error: "the embedder could not load",
    });
    expect(reply.body.runs[1]).toMatchObject({ userId: null, result: { new: 4 } });
    expect(reply.body.failures).toEqual([
      expect.objectContaining({ key: "person-run:wei:first", recovered: false }),
    ]);
    expect(reply.body.tasks).toEqual([
      expect.objectContaining({ task: "gather", runs: 1, done: 1, p50DurationMs: 12_000 }),
      expect.objectContaining({ task: "person-run", runs: 1, failed: 1 }),
      expect.objectContaining({ task: "train-person", runs: 0 }),
    ]);
    // No agent runs beside this server: the schedules come from config, the queue from task_runs.
    expect(reply.body.status.runner).toBe("in-process");
    expect(reply.body.status.schedules).toEqual([
      { name: "gather", pattern: "0 4 * * *", nextRunAt: expect.any(String) },
      { name: "sweep", pattern: "*/15 * * * *", nextRunAt: expect.any(String) },
    ]);
    expect(reply.body.status.queue).toEqual({ waiting: 0, running: 0, failed: 1 });
  });

  it("takes the status from the running agent (a stand-in AgentTasks)", async () => {
    const status: AgentStatus = {
      runner: "postgres-queue",
      schedules: [
        { name: "gather", pattern: "0 6 * * *", nextRunAt: "2030-01-01T06:00:00.000Z" },
        { name: "sweep", pattern: "*/10 * * * *", nextRunAt: "2030-01-01T00:10:00.000Z" },
      ],
      queue: { waiting: 3, running: 1, failed: 2 },
    };
    let asked = 0;
    const tasks: AgentTasks = {
      runPersonNow: async () => false,
      trainPerson: async () => false,
      status: async () => {
        asked++;
        return status;
      },
    };
    const withAgent = await startServer({
      db: handle.db,
      databaseKind: handle.kind,
      config,
      env: { ALLOWED_ORIGINS: "http://localhost:3000" },
      embedder: async () => {
        throw new Error("the admin view needs no embedder");
      },
      port: 0,
      tasks,
    });
    try {
      const boss = await signIn("boss@example.com");
      const reply = await call("GET", "/admin/agent", { ...boss, base: withAgent.url });
      expect(reply.status).toBe(200);
      expect(reply.body.status).toEqual(status);
      expect(asked).toBe(1);
      expect(reply.body.runs).toHaveLength(2);
    } finally {
      await withAgent.close();
    }
  });

  it("is in the OpenAPI document with its 403", async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const route = doc.paths["/api/admin/agent"].get;
    expect(Object.keys(route.responses)).toEqual(expect.arrayContaining(["200", "401", "403"]));
    expect(route.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/AgentOverview",
    });
  });
});
