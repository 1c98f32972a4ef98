// Notification settings, the schedule and the e-mails' unsubscribe link over real HTTP, on
// PGlite and (in CI) the PostgreSQL server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configSchema, type DatabaseHandle, signUnsubscribeToken } from "@aura/core";
import { createTestDatabase } from "@aura/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "./serve.ts";

const SECRET = "notifications-test-secret-0123456789abcdef";
let handle: DatabaseHandle;
let server: { url: string; close: () => Promise<void> };
let dataDir: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), "aura-notify-api-"));
  server = await startServer({
    db: handle.db,
    databaseKind: handle.kind,
    config: configSchema.parse({ dataDir }),
    env: { AURA_AUTH_SECRET: SECRET },
    embedder: () => Promise.reject(new Error("not needed")),
    port: 0,
  });
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function call(
  method: string,
  path: string,
  options: { cookie?: string; json?: unknown } = {},
) {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers,
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  // biome-ignore lint/suspicious/noExplicitAny: test replies
  return { status: response.status, body: body as any, type: response.headers.get("content-type") };
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
      timeZone: "America/Sao_Paulo",
      scheduling: true,
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
});
