// Notification settings, the webhook's test, the schedule and asking for a batch now, and the
// e-mails' unsubscribe link over real HTTP, on PGlite and (in CI) the PostgreSQL server.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type AgentTasks,
  type AuraConfig,
  configSchema,
  createMailer,
  type DatabaseHandle,
  type Mailer,
  saveNotificationSettings,
  signUnsubscribeToken,
  verifyWebhookSignature,
} from "@aura/core";
import { createTestDatabase, startTestSmtpServer, type TestSmtpServer } from "@aura/core/testing";
import { getRequestListener } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ApiDeps } from "./app.ts";
import { createApi } from "./app.ts";
import { apiDeps, startServer } from "./serve.ts";

const SECRET = "notifications-test-secret-0123456789abcdef";
let handle: DatabaseHandle;
let config: AuraConfig;
/** A server as `aura serve` starts it today: no tasks, no mail sender, public webhooks only. */
let server: { url: string; close: () => Promise<void> };
/** One that runs the agent's tasks (a fake), sends mail, and lets webhooks reach 127.0.0.1. */
let agentServer: { url: string; close: () => Promise<void> };
let dataDir: string;
let smtp: TestSmtpServer;
let mailer: Mailer;
const runPersonNow = vi.fn<(userId: string) => Promise<boolean>>(async () => true);
const tasks: AgentTasks = {
  runPersonNow: (userId) => runPersonNow(userId),
  trainPerson: async () => true,
  status: async () => ({
    runner: "in-process",
    schedules: [],
    queue: { waiting: 0, running: 0, failed: 0 },
  }),
};

/** createApi over node:http on 127.0.0.1 with deps of its own (a stand-in AgentTasks). */
async function listen(deps: ApiDeps) {
  const http = createServer(getRequestListener(createApi(deps).fetch));
  await new Promise<void>((done) => http.listen(0, "127.0.0.1", done));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => http.close(() => done())),
  };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), "aura-notify-api-"));
  config = configSchema.parse({ dataDir, notify: { webhook: { timeoutMs: 2_000 } } });
  const options = {
    db: handle.db,
    databaseKind: handle.kind,
    config,
    env: { AURA_AUTH_SECRET: SECRET },
    embedder: () => Promise.reject(new Error("not needed")),
  };
  server = await startServer({ ...options, port: 0 });
  smtp = await startTestSmtpServer();
  mailer = createMailer({ smtpUrl: smtp.url, from: "AURA <aura@example.org>" });
  agentServer = await listen({
    ...apiDeps({ ...options, tasks }, "http://127.0.0.1"),
    mailer,
    allowPrivateWebhooks: true,
  });
});

afterAll(async () => {
  await server?.close();
  await agentServer?.close();
  mailer?.close();
  await smtp?.close();
  await handle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function call(
  method: string,
  path: string,
  options: { cookie?: string; json?: unknown; base?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${options.base ?? server.url}/api${path}`, {
    method,
    headers,
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return {
    status: response.status,
    // biome-ignore lint/suspicious/noExplicitAny: test replies
    body: body as any,
    type: response.headers.get("content-type"),
    headers: response.headers,
  };
}

async function signUp(base: string, name: string, email: string) {
  const up = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, email, password: "long enough pw" }),
  });
  expect(up.status).toBe(201);
  const userId = ((await up.json()) as { user: { id: string } }).user.id;
  const cookie = up.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { userId, cookie, base };
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 that keeps each request and answers `status()`. */
async function startReceiver(status: () => number) {
  const received: Received[] = [];
  const http = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(status()).end();
    });
  });
  await new Promise<void>((done) => http.listen(0, "127.0.0.1", done));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((done) => http.close(() => done())),
  };
}

describe("notifications", () => {
  it("keeps a person's settings, refuses bad ones naming the field, and unsubscribes by the signed link", async () => {
    const up = await fetch(`${server.url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Rui", email: "rui@example.org", password: "long enough pw" }),
    });
    expect(up.status).toBe(201);
    const userId = ((await up.json()) as { user: { id: string } }).user.id;
    const cookie = up.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");

    expect((await call("GET", "/notifications", { cookie })).body).toEqual({
      language: "en",
      timeZone: "UTC",
      email: true,
      webhookUrl: null,
      webhookSecret: null,
      emailAddress: "rui@example.org",
      // This server was given no mail sender: it does not say whether mail goes out.
      mailConfigured: null,
    });
    const saved = await call("PUT", "/notifications", {
      cookie,
      json: { language: "pt", timeZone: "America/Sao_Paulo" },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      language: "pt",
      timeZone: "America/Sao_Paulo",
      email: true,
    });
    for (const [json, field] of [
      [{ timeZone: "Mars/Olympus" }, "timeZone"],
      [{ language: "fr" }, "language"],
      [{ webhookUrl: "ftp://example.org/hook" }, "webhookUrl"],
      [{ email: "yes" }, "email"],
      [{ colour: "blue" }, "colour"],
    ] as const) {
      const reply = await call("PUT", "/notifications", { cookie, json });
      expect(reply.status, JSON.stringify(json)).toBe(400);
      expect(reply.body.error.field, JSON.stringify(json)).toBe(field);
    }
    // A webhook to this server's own network is refused (it would let anyone reach it).
    const inside = await call("PUT", "/notifications", {
      cookie,
      json: { webhookUrl: "http://127.0.0.1:5432/hook" },
    });
    expect(inside.status).toBe(400);

    // No CV or roles yet: nothing is scheduled.
    expect((await call("GET", "/schedule", { cookie })).body).toEqual({
      frequencyDays: 7,
      nextDueAt: null,
      batchWaiting: false,
      timeZone: "America/Sao_Paulo",
      scheduling: true,
      canAskNow: false,
      askAllowedAt: null,
    });

    const token = signUnsubscribeToken(SECRET, { userId, channel: "email" });
    const page = await call("GET", `/notifications/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    expect(page.type).toContain("text/html");
    expect(page.body).toContain("no longer get these messages");
    expect((await call("GET", "/notifications", { cookie })).body.email).toBe(false);
    await call("PUT", "/notifications", { cookie, json: { email: true } });
    const oneClick = await call(
      "POST",
      `/notifications/unsubscribe?token=${encodeURIComponent(token)}`,
    );
    expect(oneClick).toMatchObject({ status: 200, body: { unsubscribed: "email" } });
    expect((await call("GET", "/notifications", { cookie })).body.email).toBe(false);

    const forged = await call(
      "GET",
      `/notifications/unsubscribe?token=${encodeURIComponent(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)}`,
    );
    expect(forged.status).toBe(400);
    expect(forged.body.error.field).toBe("token");
    // Settings themselves need a session.
    expect((await call("GET", "/notifications")).status).toBe(401);
  });

  it("sends a signed test to the saved webhook and says what the receiver answered", async () => {
    let answer = 200;
    const receiver = await startReceiver(() => answer);
    try {
      const ana = await signUp(agentServer.url, "Ana", "ana@example.org");
      const opts = { cookie: ana.cookie, base: ana.base };
      // This server was given a mail sender.
      expect((await call("GET", "/notifications", opts)).body).toMatchObject({
        emailAddress: "ana@example.org",
        mailConfigured: true,
      });

      const none = await call("POST", "/notifications/webhook/test", opts);
      expect(none.status).toBe(409);
      expect(none.body.error.field).toBe("webhookUrl");

      // This server allows webhooks on private addresses: the receiver on 127.0.0.1 is kept.
      const saved = await call("PUT", "/notifications", {
        ...opts,
        json: { webhookUrl: receiver.url },
      });
      expect(saved.status).toBe(200);
      const secret: string = saved.body.webhookSecret;
      expect(secret).toMatch(/^whsec_/);

      const sent = await call("POST", "/notifications/webhook/test", opts);
      expect(sent.status).toBe(200);
      expect(sent.body).toMatchObject({
        delivered: true,
        status: 200,
        reason: null,
        event: "webhook.test",
        url: receiver.url,
      });
      expect(receiver.received).toHaveLength(1);
      const [request] = receiver.received;
      if (!request) throw new Error("nothing received");
      expect(request.headers["x-aura-event"]).toBe("webhook.test");
      expect(request.headers["x-aura-delivery"]).toBe(sent.body.deliveryId);
      const signature = request.headers["x-aura-signature"] as string;
      expect(verifyWebhookSignature(secret, signature, request.body)).toBe(true);
      expect(verifyWebhookSignature("whsec_another", signature, request.body)).toBe(false);
      expect(JSON.parse(request.body)).toMatchObject({
        id: sent.body.deliveryId,
        event: "webhook.test",
        data: { test: true },
      });

      // A failing receiver is told as it is, once (no retries while the person waits).
      answer = 500;
      const failed = await call("POST", "/notifications/webhook/test", opts);
      expect(failed.status).toBe(200);
      expect(failed.body).toMatchObject({
        delivered: false,
        status: 500,
        reason: "the receiver answered HTTP 500",
      });
      expect(receiver.received).toHaveLength(2);

      // A server that keeps webhooks public refuses to post to 127.0.0.1 and says why.
      const lia = await signUp(server.url, "Lia", "lia@example.org");
      await saveNotificationSettings(
        handle.db,
        lia.userId,
        { webhookUrl: receiver.url },
        { allowPrivateWebhooks: true },
      );
      const refused = await call("POST", "/notifications/webhook/test", {
        cookie: lia.cookie,
      });
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ delivered: false, status: null, deliveryId: null });
      expect(refused.body.reason).toContain("private or local address");
      expect(receiver.received).toHaveLength(2);
      expect((await call("POST", "/notifications/webhook/test")).status).toBe(401);
    } finally {
      await receiver.close();
    }
  });

  it("queues a batch on request at most once an hour, atomically, and says when again", async () => {
    runPersonNow.mockClear();
    const eva = await signUp(agentServer.url, "Eva", "eva@example.org");
    const opts = { cookie: eva.cookie, base: eva.base };
    // Nothing to prepare without a CV or roles; the hour is not used up.
    const early = await call("POST", "/schedule/run-now", opts);
    expect(early.status).toBe(409);
    expect(early.body.error.field).toBe("profile");
    const roles = await call("PUT", "/preferences", {
      ...opts,
      json: { roles: ["Data engineer"] },
    });
    expect(roles.status).toBe(200);
    const before = await call("GET", "/schedule", opts);
    expect(before.body).toMatchObject({ canAskNow: true, askAllowedAt: null, batchWaiting: false });
    expect(before.body.nextDueAt).not.toBeNull();

    // Two clicks at once: one is queued, the other told to wait.
    const replies = await Promise.all([
      call("POST", "/schedule/run-now", opts),
      call("POST", "/schedule/run-now", opts),
    ]);
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([202, 429]);
    const queued = replies.find((r) => r.status === 202);
    const refused = replies.find((r) => r.status === 429);
    if (!queued || !refused) throw new Error("unreachable");
    expect(queued.body).toMatchObject({ queued: true, alreadyQueued: false });
    const nextAllowedAt = Date.parse(queued.body.nextAllowedAt);
    expect(nextAllowedAt - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(nextAllowedAt - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect(runPersonNow).toHaveBeenCalledTimes(1);
    expect(runPersonNow).toHaveBeenCalledWith(eva.userId);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(refused.body.error.message).toMatch(/once an hour/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    const during = await call("GET", "/schedule", opts);
    expect(Date.parse(during.body.askAllowedAt)).toBe(nextAllowedAt);

    // An hour later (the stored time moved back) it is allowed again.
    const moveBack = async (minutes: number) =>
      handle.db.execute(
        sql`UPDATE notification_settings SET asked_batch_at = asked_batch_at - make_interval(mins => ${minutes}) WHERE user_id = ${eva.userId}`,
      );
    await moveBack(61);
    expect((await call("GET", "/schedule", opts)).body.askAllowedAt).toBeNull();
    runPersonNow.mockResolvedValueOnce(false);
    const again = await call("POST", "/schedule/run-now", opts);
    expect(again.status).toBe(202);
    expect(again.body.alreadyQueued).toBe(true);
    expect(runPersonNow).toHaveBeenCalledTimes(2);

    // When the run cannot be queued, the hour is given back.
    await moveBack(61);
    runPersonNow.mockRejectedValueOnce(new Error("queue down"));
    expect((await call("POST", "/schedule/run-now", opts)).status).toBe(500);
    expect((await call("GET", "/schedule", opts)).body.askAllowedAt).toBeNull();
    expect((await call("POST", "/schedule/run-now", opts)).status).toBe(202);

    // A server without the agent's tasks says so, and does not use up the hour.
    const sam = await signUp(server.url, "Sam", "sam@example.org");
    await call("PUT", "/preferences", { cookie: sam.cookie, json: { roles: ["Designer"] } });
    expect((await call("GET", "/schedule", { cookie: sam.cookie })).body).toMatchObject({
      canAskNow: false,
      askAllowedAt: null,
    });
    const noTasks = await call("POST", "/schedule/run-now", { cookie: sam.cookie });
    expect(noTasks.status).toBe(409);
    expect(noTasks.body.error.field).toBe("tasks");
    expect(noTasks.body.error.message).toContain("does not run the agent's tasks");
    expect((await call("GET", "/schedule", { cookie: sam.cookie })).body.askAllowedAt).toBeNull();
    expect((await call("POST", "/schedule/run-now")).status).toBe(401);
  });
});
