// The API's logs over real HTTP: one JSON access line per request with its request id, route,
// status, duration and user id; the request id echoed and quoted in error bodies; and no
// personal data in any line through a whole journey (sign-up → CV → rating → application).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import {
  type ClosableEmbedder,
  configSchema,
  createLogger,
  type DatabaseHandle,
  embedAndIndex,
  importPostings,
  openEmbedder,
} from "@aura/core";
import { createTestDatabase, dataScienceCv, rankTestPostingsJsonl } from "@aura/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "./serve.ts";

const MARKER_EMAIL = "zq-marker-7f3a@example.org";
const MARKER_NAME = "Quillon Marcheval";
const MARKER_CV_WORD = "Xylophrastic";
const MARKER_COMMENT = "Vormulent commentary";
const PASSWORD = "marker password 9d1c";

let handle: DatabaseHandle;
let embedder: ClosableEmbedder;
let server: { url: string; close: () => Promise<void> };
let dataDir: string;
const lines: string[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), "aura-logs-test-"));
  const config = configSchema.parse({ dataDir });
  embedder = await openEmbedder(config.embed, { inThread: true });
  await importPostings(handle.db, { content: rankTestPostingsJsonl, fileName: "jobs.jsonl" });
  await embedAndIndex(handle.db, embedder, { cacheDir: dataDir });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  server = await startServer({
    db: handle.db,
    databaseKind: handle.kind,
    config,
    env: {},
    embedder: async () => embedder,
    port: 0,
    log: createLogger({ destination: sink, level: "debug" }),
  });
});

afterAll(async () => {
  await server?.close();
  await embedder?.close();
  await handle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function call(
  method: string,
  path: string,
  options: {
    cookie?: string;
    json?: unknown;
    form?: FormData;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.form) body = options.form;
  const response = await fetch(`${server.url}/api${path}`, { method, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

describe("the API's logs", () => {
  it("write one access line per request and never a person's data", async () => {
    const signedUp = await call("POST", "/auth/sign-up/email", {
      json: { name: MARKER_NAME, email: MARKER_EMAIL, password: PASSWORD },
    });
    expect(signedUp.status).toBe(201);
    const cookie = signedUp.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const sessionValue = cookie.split("=")[1] ?? "";
    expect(sessionValue.length).toBeGreaterThan(10);
    const userId = signedUp.body.user.id as string;

    const form = new FormData();
    form.set(
      "file",
      new File(
        [`${MARKER_NAME}\n${MARKER_EMAIL}\n${MARKER_CV_WORD} modelling\n${dataScienceCv}`],
        "cv.txt",
      ),
    );
    expect((await call("PUT", "/cv", { cookie, form })).status).toBe(200);
    expect(
      (
        await call("PUT", "/preferences", {
          cookie,
          json: { roles: ["Data Scientist"], batchSize: 2 },
        })
      ).status,
    ).toBe(200);
    const batch = await call("POST", "/batches", { cookie });
    expect(batch.status).toBe(201);
    for (const item of batch.body.jobs) {
      const rated = await call("POST", "/ratings", {
        cookie,
        json: { jobId: item.job.id, stars: 5, comment: MARKER_COMMENT },
      });
      expect(rated.status).toBe(200);
    }
    expect((await call("POST", `/batches/${batch.body.id}/lock`, { cookie })).status).toBe(200);
    const generated = await call("POST", "/applications/generate", { cookie, json: {} });
    expect(generated.status).toBe(201);
    expect(generated.body.applications[0].cv).toContain(MARKER_CV_WORD);
    // Failures too: a second sign-up with the same e-mail, a wrong password, a bad rating.
    expect(
      (
        await call("POST", "/auth/sign-up/email", {
          json: { name: MARKER_NAME, email: MARKER_EMAIL, password: PASSWORD },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call("POST", "/auth/sign-in/email", {
          json: { email: MARKER_EMAIL, password: "nope" },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await call("POST", "/ratings", {
          cookie,
          json: { jobId: 1, stars: 9, comment: MARKER_COMMENT },
        })
      ).status,
    ).toBe(400);

    const text = lines.join("\n");
    for (const secret of [
      MARKER_EMAIL,
      MARKER_NAME,
      MARKER_CV_WORD,
      MARKER_COMMENT,
      PASSWORD,
      sessionValue,
    ]) {
      expect(text, `a log line holds ${secret}`).not.toContain(secret);
    }
    // Every line is JSON; the access lines name route, status, duration and user.
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const access = records.filter((r) => r.msg === "request");
    expect(access.length).toBeGreaterThanOrEqual(10);
    const rating = access.find((r) => r.route === "/api/ratings" && r.status === 200);
    expect(rating).toMatchObject({
      method: "POST",
      userId,
      reqId: expect.any(String),
      durationMs: expect.any(Number),
    });
    expect(access.find((r) => r.route === "/api/auth/sign-up/email")).toMatchObject({
      status: 201,
      userId,
    });
    expect(access.find((r) => r.status === 409)).toMatchObject({
      route: "/api/auth/sign-up/email",
      userId: null,
    });
  });

  it("echoes a given X-Request-Id and quotes it in error bodies", async () => {
    const given = await call("GET", "/jobs", { headers: { "x-request-id": "trace-42.a" } });
    expect(given.status).toBe(401);
    expect(given.headers.get("x-request-id")).toBe("trace-42.a");
    expect(given.body.error.requestId).toBe("trace-42.a");
    expect(
      lines.some((l) => l.includes('"reqId":"trace-42.a"') && l.includes('"status":401')),
    ).toBe(true);
    // An id that could forge a log line is replaced by a fresh one.
    const forged = await call("GET", "/jobs", { headers: { "x-request-id": 'x", "evil": 1' } });
    const fresh = forged.headers.get("x-request-id") ?? "";
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    expect(forged.body.error.requestId).toBe(fresh);
  });

  it("numbers each person's batches from 1, whoever else has batches", async () => {
    const signedUp = await call("POST", "/auth/sign-up/email", {
      json: { name: "Second", email: "second@example.org", password: PASSWORD },
    });
    const cookie = signedUp.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    await call("PUT", "/preferences", {
      cookie,
      json: { roles: ["Data Scientist"], batchSize: 1 },
    });
    const batch = await call("POST", "/batches", { cookie });
    expect(batch.status).toBe(201);
    expect(batch.body.id).toBeGreaterThan(1);
    expect(batch.body.number).toBe(1);
  });
});
