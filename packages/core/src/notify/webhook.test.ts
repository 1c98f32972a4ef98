// Webhooks against a real node:http server on 127.0.0.1 (so allowPrivate is set, except where
// the refusal of private addresses is what is tested).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import {
  batchReadyWebhookPayload,
  deliverWebhook,
  isPrivateAddress,
  newWebhookSecret,
  parseRetryAfter,
  signWebhook,
  verifyWebhookSignature,
  webhookTestPayload,
} from "./webhook.ts";

interface Hit {
  headers: IncomingMessage["headers"];
  body: string;
}

type Reply = (res: ServerResponse, hit: Hit) => void;

const servers: Server[] = [];

async function receiver(replies: Reply[]) {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const hit = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      hits.push(hit);
      const reply = replies[Math.min(hits.length, replies.length) - 1];
      reply?.(res, hit);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { hits, port, url: `http://127.0.0.1:${port}/hooks/aura?x=1` };
}

const status =
  (code: number, headers: Record<string, string> = {}): Reply =>
  (res) => {
    res.writeHead(code, headers).end(code < 300 ? "ok" : "no");
  };

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

const secret = newWebhookSecret();
const { event, payload } = batchReadyWebhookPayload({
  batchId: "b-1",
  batchNumber: 7,
  jobs: [{ title: "Backend Engineer", company: "Initech", match: 0.82, board: "Remotive" }],
  dashboardUrl: "https://aura.example.org/dashboard",
});

describe("deliverWebhook", () => {
  it("retries a 500 and is delivered on the second attempt, signed each time", async () => {
    const server = await receiver([status(500), status(200)]);
    const result = await deliverWebhook({
      url: server.url,
      secret,
      event,
      payload,
      retries: 3,
      backoffMs: 20,
      allowPrivate: true,
    });
    expect(result).toEqual({ ok: true, id: expect.any(String), attempts: 2, status: 200 });
    expect(server.hits).toHaveLength(2);
    for (const hit of server.hits) {
      expect(hit.headers["content-type"]).toBe("application/json");
      expect(hit.headers["x-aura-event"]).toBe("batch.ready");
      expect(hit.headers["x-aura-delivery"]).toBe(result.id);
      const header = String(hit.headers["x-aura-signature"]);
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifyWebhookSignature(secret, header, hit.body)).toBe(true);
      const body = JSON.parse(hit.body) as Record<string, unknown>;
      expect(body).toEqual({
        id: result.id,
        event: "batch.ready",
        sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        data: {
          batch: { id: "b-1", number: 7 },
          jobs: [
            {
              title: "Backend Engineer",
              company: "Initech",
              match: 0.82,
              matchPercent: 82,
              board: "Remotive",
              url: null,
            },
          ],
          dashboardUrl: "https://aura.example.org/dashboard",
        },
      });
    }
    expect(server.hits[0]?.body).toBe(server.hits[1]?.body);
  });

  it("does not retry a 400, nor follow a redirect", async () => {
    const bad = await receiver([status(400), status(200)]);
    const result = await deliverWebhook({
      url: bad.url,
      secret,
      event,
      payload,
      retries: 3,
      backoffMs: 20,
      allowPrivate: true,
    });
    expect(result).toMatchObject({ ok: false, attempts: 1, status: 400 });
    expect(result.ok || result.reason).toBe("the receiver answered HTTP 400");
    expect(bad.hits).toHaveLength(1);

    const moved = await receiver([status(302, { Location: "http://169.254.169.254/" })]);
    const redirected = await deliverWebhook({
      url: moved.url,
      secret,
      event,
      payload,
      retries: 3,
      backoffMs: 20,
      allowPrivate: true,
    });
    expect(redirected).toMatchObject({ ok: false, attempts: 1, status: 302 });
  });

  it("waits as Retry-After asks on a 429, and stops when it asks too much", async () => {
    const server = await receiver([status(429, { "Retry-After": "1" }), status(204)]);
    const started = Date.now();
    const result = await deliverWebhook({
      url: server.url,
      secret,
      event,
      payload,
      retries: 2,
      backoffMs: 10,
      allowPrivate: true,
    });
    expect(result).toMatchObject({ ok: true, attempts: 2, status: 204 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);

    const busy = await receiver([status(503, { "Retry-After": "3600" })]);
    const later = await deliverWebhook({
      url: busy.url,
      secret,
      event,
      payload,
      retries: 5,
      backoffMs: 10,
      allowPrivate: true,
    });
    expect(later).toMatchObject({ ok: false, attempts: 1, status: 503, retryAfterSeconds: 3600 });
    expect(busy.hits).toHaveLength(1);
  });

  it("retries network errors and timeouts, then says what happened", async () => {
    const gone = await receiver([]);
    servers.pop()?.close();
    const refused = await deliverWebhook({
      url: gone.url,
      secret,
      event,
      payload,
      retries: 2,
      backoffMs: 10,
      allowPrivate: true,
    });
    expect(refused).toEqual({
      ok: false,
      id: expect.any(String),
      attempts: 3,
      reason: "the receiver refused the connection",
    });
    const refusedByFetch = await deliverWebhook({
      url: gone.url,
      secret,
      event,
      payload,
      retries: 1,
      backoffMs: 10,
      allowPrivate: true,
      fetch: globalThis.fetch,
    });
    expect(refusedByFetch).toMatchObject({
      ok: false,
      attempts: 2,
      reason: "the receiver refused the connection",
    });

    const silent = await receiver([() => {}]);
    const slow = await deliverWebhook({
      url: silent.url,
      secret,
      event,
      payload,
      retries: 1,
      backoffMs: 10,
      timeoutMs: 300,
      allowPrivate: true,
    });
    expect(slow).toMatchObject({
      ok: false,
      attempts: 2,
      reason: "the receiver did not answer within 300 ms",
    });
    expect(silent.hits).toHaveLength(2);
  });

  it("sends through a given fetch too", async () => {
    const server = await receiver([status(502), status(200)]);
    const result = await deliverWebhook({
      url: server.url,
      secret,
      ...webhookTestPayload(),
      retries: 1,
      backoffMs: 10,
      allowPrivate: true,
      fetch: globalThis.fetch,
    });
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    const hit = server.hits[1] as Hit;
    expect(hit.headers["x-aura-event"]).toBe("webhook.test");
    expect(verifyWebhookSignature(secret, String(hit.headers["x-aura-signature"]), hit.body)).toBe(
      true,
    );
    expect(JSON.parse(hit.body).data.test).toBe(true);
  });

  it("refuses private and loopback addresses without allowPrivate, before connecting", async () => {
    const server = await receiver([status(200)]);
    const urls = [
      server.url,
      `http://localhost:${server.port}/`, // a name: refused by the lookup hook, at connect time
      `http://[::ffff:127.0.0.1]:${server.port}/`,
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.8/",
      "http://[::1]/",
    ];
    for (const url of urls) {
      const error = await deliverWebhook({
        url,
        secret,
        event,
        payload,
        retries: 2,
        backoffMs: 10,
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, url).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("invalid_input");
      expect((error as AppError).message).toMatch(/private or local address/);
    }
    // The same name through fetch is resolved and refused up front.
    await expect(
      deliverWebhook({
        url: `http://localhost:${server.port}/`,
        secret,
        event,
        payload,
        retries: 0,
        backoffMs: 0,
        fetch: globalThis.fetch,
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(
      deliverWebhook({
        url: "file:///etc/passwd",
        secret,
        event,
        payload,
        retries: 0,
        backoffMs: 0,
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    expect(server.hits).toHaveLength(0);
  });
});

describe("verifyWebhookSignature", () => {
  const body = JSON.stringify({ id: "1", event: "webhook.test", sentAt: "x", data: { a: 1 } });

  it("verifies with the secret and fails on another body, secret or an old timestamp", () => {
    const now = Date.now();
    const header = signWebhook(secret, body, now);
    expect(verifyWebhookSignature(secret, header, body, 300, now)).toBe(true);
    expect(verifyWebhookSignature(secret, header, Buffer.from(body), 300, now)).toBe(true);
    expect(verifyWebhookSignature(secret, header, body.replace('"a":1', '"a":2'), 300, now)).toBe(
      false,
    );
    expect(verifyWebhookSignature(`${secret}x`, header, body, 300, now)).toBe(false);
    // Five minutes and a second later: too old, though correctly signed.
    expect(verifyWebhookSignature(secret, header, body, 300, now + 301_000)).toBe(false);
    const old = signWebhook(secret, body, now - 3_600_000);
    expect(verifyWebhookSignature(secret, old, body, 300, now)).toBe(false);
    // A timestamp moved forward breaks the signature.
    const t = Number(/t=(\d+)/.exec(header)?.[1]);
    expect(
      verifyWebhookSignature(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, 300, now),
    ).toBe(false);
    expect(verifyWebhookSignature(secret, "garbage", body)).toBe(false);
    expect(verifyWebhookSignature(secret, undefined, body)).toBe(false);
  });

  it("accepts any of several v1 signatures (a secret being rotated)", () => {
    const now = Date.now();
    const header = signWebhook(secret, body, now);
    const other = signWebhook("old-secret", body, now).split(",v1=")[1];
    expect(verifyWebhookSignature(secret, `${header},v1=${other}`, body, 300, now)).toBe(true);
  });
});

describe("helpers", () => {
  it("isPrivateAddress knows loopback, private, link-local and mapped addresses", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
      "not-an-ip",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "172.32.0.1"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("parseRetryAfter reads seconds and HTTP dates", () => {
    const now = Date.parse("2026-12-07T10:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Mon, 07 Dec 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it("newWebhookSecret is long and random", () => {
    expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(newWebhookSecret());
  });
});
