// The API over real HTTP on 127.0.0.1, on PGlite and (in CI) the PostgreSQL server: the
// journey from sign-up to a second batch, isolation between users, and bad input on every
// write. Every response is checked against the OpenAPI document's statuses for its route.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ClosableEmbedder,
  configSchema,
  createScheduler,
  type DatabaseHandle,
  embedAndIndex,
  importPostings,
  listTaskRuns,
  openEmbedder,
  type Scheduler,
  schema,
  silentLogger,
} from "@aura/core";
import {
  createTestDatabase,
  dataScienceCv,
  rankTestPostingsJsonl,
  salesCv,
} from "@aura/core/testing";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "./serve.ts";

let handle: DatabaseHandle;
let embedder: ClosableEmbedder;
let server: { url: string; close: () => Promise<void> };
let dataDir: string;
/** The agent's tasks in this process, as `aura serve` runs them on the embedded database. */
let agent: Scheduler;
let documented: { method: string; pattern: RegExp; template: string; statuses: Set<number> }[] = [];

interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

interface Caller {
  cookie?: string;
  token?: string;
}

async function call(
  method: string,
  path: string,
  options: Caller & { json?: unknown; form?: FormData; raw?: string; contentType?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.raw !== undefined) {
    headers["content-type"] = options.contentType ?? "application/json";
    body = options.raw;
  } else if (options.form) {
    body = options.form;
  }
  const response = await fetch(`${server.url}/api${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  const route = documented.find(
    (r) => r.method === method.toLowerCase() && r.pattern.test(`/api${path.split("?")[0]}`),
  );
  // Every answer is one the OpenAPI document promises for this route.
  expect(route, `${method} ${path} is documented`).toBeDefined();
  expect(
    [...(route?.statuses ?? [])],
    `${method} ${route?.template} documents ${response.status}`,
  ).toContain(response.status);
  if (response.status >= 400) {
    expect(parsed).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

async function signUp(name: string, email: string): Promise<Caller & { userId: string }> {
  const reply = await call("POST", "/auth/sign-up/email", {
    json: { name, email, password: "correct horse battery" },
  });
  expect(reply.status).toBe(201);
  const cookie = reply.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  expect(cookie).toContain("session_token");
  return { cookie, userId: reply.body.user.id };
}

async function rows(table: typeof schema.ratings | typeof schema.outcomes | typeof schema.batches) {
  const [row] = await handle.db.select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), "aura-api-test-"));
  const config = configSchema.parse({ dataDir });
  embedder = await openEmbedder(config.embed, { inThread: true });
  await importPostings(handle.db, { content: rankTestPostingsJsonl, fileName: "jobs.jsonl" });
  await embedAndIndex(handle.db, embedder, { cacheDir: dataDir });
  agent = createScheduler(
    { db: handle.db, config, embedder: async () => embedder, log: silentLogger },
    { start: false },
  );
  server = await startServer({
    db: handle.db,
    databaseKind: handle.kind,
    config,
    env: { ALLOWED_ORIGINS: "http://localhost:3000" },
    embedder: async () => embedder,
    port: 0,
    tasks: agent,
  });
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  documented = Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method,
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
      statuses: new Set(Object.keys(op.responses).map(Number)),
    })),
  );
});

afterAll(async () => {
  await server?.close();
  await agent?.stop();
  await embedder?.close();
  await handle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("the API", () => {
  it("answers health and documentation without signing in", async () => {
    const health = await call("GET", "/healthz");
    expect(health.body).toEqual({ status: "ok", database: handle.kind });
    const docs = await fetch(`${server.url}/api/docs`);
    expect(docs.status).toBe(200);
    const html = await docs.text();
    expect(html).toContain("/api/batches/{id}/lock");
    expect(docs.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("documents the limits the API enforces, and nullable references as nullable", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: reading a JSON document
    const doc: any = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const schemas = doc.components.schemas;
    const input = schemas.PreferencesInput;
    expect(input.additionalProperties).toBe(false);
    expect(input.properties.searchFrequencyDays).toMatchObject({ minimum: 1, maximum: 90 });
    expect(input.properties.batchSize).toMatchObject({ minimum: 1, maximum: 5 });
    expect(input.properties.locationModes.items.enum).toEqual(["remote", "hybrid", "onsite"]);
    expect(input.properties.roles).toMatchObject({ maxItems: 20 });
    expect(input.properties.roles.items).toMatchObject({ minLength: 1, maxLength: 120 });
    expect(schemas.Job.properties.remote.enum).toEqual(["remote", "hybrid", "onsite", "unknown"]);
    expect(schemas.Batch.required).toContain("number");
    // A component is never nullable itself; a nullable use of it says so where it is used.
    for (const [name, schema] of Object.entries(schemas)) {
      expect((schema as { nullable?: boolean }).nullable, name).toBeUndefined();
    }
    expect(schemas.Batch.properties.jobs.items.properties.rating).toEqual({
      allOf: [{ $ref: "#/components/schemas/Rating" }],
      nullable: true,
    });
    expect(schemas.Error.properties.error.properties.requestId.type).toBe("string");
  });

  it("refuses every signed-in route without a session or token", async () => {
    for (const [method, path] of [
      ["GET", "/jobs"],
      ["GET", "/rank"],
      ["GET", "/preferences"],
      ["POST", "/batches"],
      ["GET", "/batches/current"],
      ["POST", "/ratings"],
      ["GET", "/metrics"],
      ["GET", "/skills"],
    ] as const) {
      const reply = await call(method, path, { token: "aura_not-a-real-token" });
      expect(reply.status, `${method} ${path}`).toBe(401);
    }
  });

  it("walks a person from sign-up to a rated, locked batch and the next one", async () => {
    const ana = await signUp("Ana", "ana@example.com");
    const session = await call("GET", "/auth/session", ana);
    expect(session.body.user).toMatchObject({ name: "Ana", email: "ana@example.com" });

    const prefs = await call("PUT", "/preferences", {
      ...ana,
      json: { roles: ["Data Scientist"], batchSize: 3, locationModes: ["remote"] },
    });
    expect(prefs.status).toBe(200);
    expect(prefs.body).toMatchObject({ batchSize: 3, locationModes: ["remote"], currency: "USD" });

    const form = new FormData();
    form.set("file", new File([dataScienceCv], "cv.txt", { type: "text/plain" }));
    const cv = await call("PUT", "/cv", { ...ana, form });
    expect(cv.status).toBe(200);
    expect(cv.body.fileName).toBe("cv.txt");
    expect(cv.body.text).toContain("Data Scientist");
    expect((await call("GET", "/cv", ana)).body.text).toBe(cv.body.text);

    // Every test job was embedded before the server started.
    const status = await call("GET", "/status", ana);
    expect(status.body).toMatchObject({ jobs: 10, embedded: 10, model: embedder.modelId });

    const made = await call("POST", "/batches", ana);
    expect(made.status).toBe(201);
    expect(made.body.number).toBe(1);
    expect(made.body.jobs).toHaveLength(3);
    expect(made.body.jobs[0].job.title).toBe("Senior Data Scientist");
    expect(made.body.jobs[0].why.summary).toEqual(expect.any(String));
    const again = await call("POST", "/batches", ana);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(made.body.id);

    const early = await call("POST", `/batches/${made.body.id}/lock`, ana);
    expect(early.status).toBe(409);
    for (const [i, item] of made.body.jobs.entries()) {
      const rated = await call("POST", "/ratings", {
        ...ana,
        json: { jobId: item.job.id, stars: 5 - i, fit: 8 },
      });
      expect(rated.status).toBe(200);
    }
    const locked = await call("POST", `/batches/${made.body.id}/lock?next=true`, ana);
    expect(locked.status).toBe(200);
    expect(locked.body.batch.status).toBe("locked");
    // Two jobs were liked: no next batch until an application of this one is confirmed.
    expect(locked.body.next).toBeNull();
    expect(locked.body.pendingApplications).toEqual({ batchId: made.body.id, liked: 2 });
    // The lock queued their training, which runs after the answer, off the request path.
    await agent.runner.idle();
    const [training] = await listTaskRuns(handle.db, { userId: ana.userId });
    expect(training).toMatchObject({ task: "train-person", status: "skipped" });
    expect(training?.result).toMatchObject({ ratings: made.body.jobs.length, trained: [] });
    const blocked = await call("POST", "/batches", ana);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error).toMatchObject({ code: "conflict", field: "applications" });
    expect(blocked.body.error.message).toContain("apply to none");

    const firstIds = made.body.jobs.map((j: { job: { id: number } }) => j.job.id);
    const prepared = await call("POST", "/applications/generate", { ...ana, json: {} });
    expect(prepared.status).toBe(201);
    // The 5★ and 4★ jobs, as drafts, each with a CV naming Ana and a letter naming the company.
    expect(prepared.body.applications.map((a: { jobId: number }) => a.jobId).sort()).toEqual(
      firstIds.slice(0, 2).sort(),
    );
    const [draft] = prepared.body.applications;
    expect(draft.status).toBe("draft");
    expect(draft.cv).toMatch(/^# Ana\n/);
    expect(draft.letter).toContain(draft.job.company);
    expect((await call("POST", "/batches", ana)).status).toBe(409);
    const pdf = await call("GET", `/applications/${draft.id}/cv.pdf`, ana);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain("attachment");
    const docx = await call("GET", `/applications/${draft.id}/letter.docx?template=modern`, ana);
    expect(docx.status).toBe(200);
    expect((await call("GET", `/applications/${draft.id}/cv.odt`, ana)).status).toBe(400);
    const bad = await call("PUT", `/applications/${draft.id}`, { ...ana, json: { status: "won" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("status");

    const applied = await call("PUT", `/applications/${draft.id}`, {
      ...ana,
      json: { status: "applied", notes: "sent the tailored CV" },
    });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ status: "applied", notes: "sent the tailored CV" });
    expect(applied.body.appliedAt).toEqual(expect.any(String));
    const listed = await call("GET", "/applications", ana);
    expect(listed.body.applications).toHaveLength(2);
    expect(listed.body.remindersDue).toBe(0);

    const next = await call("POST", "/batches", ana);
    expect(next.status).toBe(201);
    expect(next.body.number).toBe(2);
    const nextIds = next.body.jobs.map((j: { job: { id: number } }) => j.job.id);
    expect(nextIds).toHaveLength(3);
    for (const id of firstIds) expect(nextIds).not.toContain(id);
    expect((await call("GET", "/batches/current", ana)).body.id).toBe(next.body.id);
    const history = (await call("GET", "/batches", ana)).body.batches;
    expect(history.map((b: { id: number }) => b.id)).toEqual([next.body.id, made.body.id]);
    expect(history[1].jobs.every((j: { rating: unknown }) => j.rating !== null)).toBe(true);

    // Undo: a rating in the open batch can be taken back; one in a locked batch cannot.
    expect((await call("DELETE", `/ratings/${firstIds[0]}`, ana)).status).toBe(409);
    const undone = nextIds[0];
    await call("POST", "/ratings", { ...ana, json: { jobId: undone, stars: 2 } });
    expect((await call("DELETE", `/ratings/${undone}`, ana)).status).toBe(204);
    expect((await call("DELETE", `/ratings/${undone}`, ana)).status).toBe(404);
    expect((await call("GET", "/batches/current", ana)).body.jobs[0].rating).toBeNull();

    // The tracker's move to "applied" was recorded as an outcome.
    const outcomes = await call("GET", `/outcomes?jobId=${draft.jobId}`, ana);
    expect(outcomes.body.outcomes.map((o: { stage: string }) => o.stage)).toEqual(["applied"]);
    const metrics = await call("GET", "/metrics", ana);
    expect(metrics.body).toMatchObject({
      ratings: { count: 3, averageStars: 4 },
      batches: { open: 1, locked: 1 },
      outcomes: { applied: 1 },
    });
    // This week: two batches, three ratings (4★ on average) and an application, as reward.
    const week = metrics.body.weeks.at(-1);
    expect(week).toMatchObject({ batches: 2, ratings: 3, averageStars: 4 });
    expect(week.averageMatch).toBeGreaterThan(0);
    expect(week.reward).toBeCloseTo(1 + 0.75 + 0.5 + 0.25, 6); // 5★, 4★, 3★, applied
    expect(week.cumulativeReward).toBeCloseTo(week.reward, 6);
    // Two liked jobs (5★, 4★): the skill plan reads them; the index is the week's.
    const skills = await call("GET", "/skills", ana);
    expect(skills.status).toBe(200);
    expect(skills.body.likedJobs).toBe(2);
    expect(skills.body.plan.length).toBeLessThanOrEqual(5);
    expect(skills.body.index).toBeGreaterThanOrEqual(0);
    expect(week.skillGapIndex).toBe(skills.body.weeks.at(-1)?.index ?? 0);
    const ranked = await call("GET", "/rank?top=2", ana);
    expect(ranked.body.jobs).toHaveLength(2);
    expect(ranked.body.jobs[0]).toMatchObject({
      title: expect.any(String),
      why: expect.any(Object),
    });
  });

  it("lists jobs by page and filter", async () => {
    const me = await signUp("Eve", "eve@example.com");
    const all = await call("GET", "/jobs?limit=100", me);
    expect(all.body.total).toBe(all.body.jobs.length);
    const page = await call("GET", "/jobs?limit=3&offset=3", me);
    expect(page.body.jobs.map((j: { id: number }) => j.id)).toEqual(
      all.body.jobs.slice(3, 6).map((j: { id: number }) => j.id),
    );
    const remote = await call("GET", "/jobs?remote=remote&limit=100", me);
    expect(remote.body.total).toBeGreaterThan(0);
    expect(remote.body.total).toBeLessThan(all.body.total);
    for (const job of remote.body.jobs) expect(job.remote).toBe("remote");
    const future = await call("GET", "/jobs?since=2099-01-01T00:00:00Z", me);
    expect(future.body).toMatchObject({ jobs: [], total: 0 });
    const one = await call("GET", `/jobs/${all.body.jobs[0].id}`, me);
    expect(one.body.description).toEqual(expect.any(String));
    expect((await call("GET", "/jobs/99999999", me)).status).toBe(404);
    expect((await call("GET", "/jobs?remote=moon", me)).body.error.field).toBe("remote");
    expect((await call("GET", "/jobs?limit=0", me)).body.error.field).toBe("limit");
    expect((await call("GET", "/jobs/abc", me)).body.error.field).toBe("id");
    const found = await call("GET", "/search?q=python", me);
    expect(found.body.jobs.length).toBeGreaterThan(0);
    expect((await call("GET", "/search?q=", me)).body.error.field).toBe("q");
  });

  it("ends a session at once on sign-out", async () => {
    const ada = await signUp("Ada", "ada-out@example.com");
    expect((await call("GET", "/preferences", ada)).status).toBe(200);
    expect((await call("POST", "/auth/sign-out", ada)).status).toBe(204);
    expect((await call("GET", "/preferences", ada)).status).toBe(401);
  });

  it("works with a personal API token, which can be revoked", async () => {
    const cleo = await signUp("Cleo", "cleo@example.com");
    const made = await call("POST", "/tokens", { ...cleo, json: { name: "laptop" } });
    expect(made.status).toBe(201);
    const token = made.body.token as string;
    expect((await call("GET", "/preferences", { token })).status).toBe(200);
    expect((await call("DELETE", `/tokens/${made.body.id}`, cleo)).status).toBe(204);
    expect((await call("GET", "/preferences", { token })).status).toBe(401);
  });

  it("keeps each person's data their own", async () => {
    const ana = { cookie: (await signIn("ana@example.com")).cookie };
    const bo = await signUp("Bo", "bo@example.com");
    await call("PUT", "/preferences", { ...bo, json: { batchSize: 2 } });
    const form = new FormData();
    form.set("file", new File([salesCv], "sales.md"));
    await call("PUT", "/cv", { ...bo, form });

    const anasBatch = (await call("GET", "/batches/current", ana)).body;
    const anasRatings = (await call("GET", "/ratings", ana)).body.ratings;
    const anasToken = (await call("POST", "/tokens", { ...ana, json: { name: "ci" } })).body;

    expect((await call("GET", `/batches/${anasBatch.id}`, bo)).status).toBe(404);
    expect((await call("POST", `/batches/${anasBatch.id}/lock`, bo)).status).toBe(404);
    expect((await call("DELETE", `/tokens/${anasToken.id}`, bo)).status).toBe(404);
    const anasRated = anasRatings[0].jobId;
    expect((await call("DELETE", `/ratings/${anasRated}`, bo)).status).toBe(404);
    expect((await call("GET", "/batches/current", bo)).status).toBe(404);
    expect((await call("GET", "/ratings", bo)).body.ratings).toEqual([]);
    expect((await call("GET", "/batches", bo)).body.batches).toEqual([]);
    expect((await call("GET", "/outcomes", bo)).body.outcomes).toEqual([]);
    expect((await call("GET", "/cv", bo)).body.text).not.toContain("Data Scientist");
    expect((await call("GET", "/preferences", bo)).body.roles).toEqual([]);
    // Bo rating a job in Ana's batch makes Bo's rating, never changes Ana's.
    const shared = anasBatch.jobs[0].job.id;
    expect(
      (await call("POST", "/ratings", { ...bo, json: { jobId: shared, stars: 1 } })).status,
    ).toBe(200);

    expect((await call("GET", `/batches/${anasBatch.id}`, ana)).body).toEqual(anasBatch);
    expect((await call("GET", "/ratings", ana)).body.ratings).toEqual(anasRatings);
    expect((await call("GET", "/preferences", { token: anasToken.token })).status).toBe(200);
  });

  it("refuses bad input on every write with a 4xx naming the field, writing nothing", async () => {
    const dee = await signUp("Dee", "dee@example.com");
    const jobId = (await call("GET", "/jobs?limit=1", dee)).body.jobs[0].id;
    const before = { ratings: await rows(schema.ratings), outcomes: await rows(schema.outcomes) };
    const cases: [string, string, unknown, number, string | undefined][] = [
      ["POST", "/ratings", { jobId, stars: 0 }, 400, "stars"],
      ["POST", "/ratings", { jobId, stars: 6 }, 400, "stars"],
      ["POST", "/ratings", { jobId, stars: "5" }, 400, "stars"],
      ["POST", "/ratings", { stars: 3 }, 400, "jobId"],
      ["POST", "/ratings", { jobId, stars: 3, fit: 0 }, 400, "fit"],
      ["POST", "/ratings", { jobId, stars: 3, mood: "happy" }, 400, "mood"],
      ["POST", "/ratings", { jobId: 987654, stars: 3 }, 404, "jobId"],
      ["POST", "/ratings", [1, 2], 400, undefined],
      ["POST", "/outcomes", { jobId, stage: "hired" }, 400, "stage"],
      ["POST", "/outcomes", { jobId, stage: "offer", occurredAt: "soon" }, 400, "occurredAt"],
      ["POST", "/outcomes", { stage: "offer" }, 400, "jobId"],
      ["POST", "/outcomes", { jobId, stage: "offer", extra: true }, 400, "extra"],
      ["PUT", "/preferences", { batchSize: 6 }, 400, "batchSize"],
      ["PUT", "/preferences", { roles: "data" }, 400, "roles"],
      // The field names the bad element: only remote, hybrid and onsite are documented.
      ["PUT", "/preferences", { locationModes: ["moon"] }, 400, "locationModes.0"],
      ["PUT", "/preferences", { searchFrequencyDays: 91 }, 400, "searchFrequencyDays"],
      ["PUT", "/preferences", { roles: ["x".repeat(121)] }, 400, "roles.0"],
      ["PUT", "/preferences", { currency: "dollars" }, 400, "currency"],
      ["PUT", "/preferences", { colour: "blue" }, 400, "colour"],
      ["POST", "/tokens", {}, 400, "name"],
      [
        "POST",
        "/auth/sign-up/email",
        { name: "X", email: "not-an-email", password: "long enough" },
        400,
        "email",
      ],
      [
        "POST",
        "/auth/sign-up/email",
        { name: "X", email: "x@example.com", password: "short" },
        400,
        "password",
      ],
      [
        "POST",
        "/auth/sign-up/email",
        { name: "Dee", email: "dee@example.com", password: "long enough" },
        409,
        "email",
      ],
    ];
    for (const [method, path, json, status, field] of cases) {
      const reply = await call(method, path, { ...dee, json });
      expect(reply.status, `${method} ${path} ${JSON.stringify(json)}`).toBe(status);
      if (field)
        expect(reply.body.error.field, `${method} ${path} ${JSON.stringify(json)}`).toBe(field);
    }
    const malformed = await call("POST", "/ratings", { ...dee, raw: "{not json" });
    expect(malformed.status).toBe(400);
    const huge = await call("POST", "/ratings", {
      ...dee,
      json: { jobId, stars: 3, comment: "x".repeat(200_000) },
    });
    expect(huge.status).toBe(413);
    expect((await call("GET", "/batches?limit=0", dee)).body.error.field).toBe("limit");
    const badId = await call("DELETE", "/ratings/abc", dee);
    expect(badId.status).toBe(400);
    expect(badId.body.error.field).toBe("jobId");

    const noFile = new FormData();
    noFile.set("cv", "text");
    expect((await call("PUT", "/cv", { ...dee, form: noFile })).body.error.field).toBe("file");
    const exe = new FormData();
    exe.set("file", new File([new Uint8Array([0x4d, 0x5a, 0, 0])], "cv.exe"));
    expect((await call("PUT", "/cv", { ...dee, form: exe })).body.error.field).toBe("cv");
    const big = new FormData();
    big.set("file", new File([new Uint8Array(5 * 1024 * 1024 + 10)], "cv.pdf"));
    expect((await call("PUT", "/cv", { ...dee, form: big })).status).toBe(413);
    expect((await call("GET", "/cv", dee)).body.text).toBe("");

    expect(await rows(schema.ratings)).toBe(before.ratings);
    expect(await rows(schema.outcomes)).toBe(before.outcomes);
    const [users] = await handle.db
      .select({ n: count() })
      .from(schema.users)
      .where(eq(schema.users.email, "x@example.com"));
    expect(Number(users?.n)).toBe(0);
  });

  it("allows the web app's origin only, with credentials", async () => {
    const allowed = await fetch(`${server.url}/api/healthz`, {
      headers: { origin: "http://localhost:3000" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    const other = await fetch(`${server.url}/api/healthz`, {
      headers: { origin: "https://evil.example" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("limits sign-in attempts per address", async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) {
      last = (
        await call("POST", "/auth/sign-in/email", {
          json: { email: "ana@example.com", password: "wrong password" },
        })
      ).status;
    }
    expect(last).toBe(429);
  });
});

async function signIn(email: string) {
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
